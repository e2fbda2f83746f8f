import type { LifecycleEventType } from '@tenure/domain';
import type { KnownEmployee } from '../inbox/acceptance';

/**
 * Sources that describe a person's state (SCIM, BambooHR, CSV) rather than
 * name the event: the type follows from what Tenure last accepted for them.
 * A change to someone already gone stays a change (it never restores access).
 */
export function resolveEventType(known: KnownEmployee | undefined, leaving: boolean): LifecycleEventType {
  const gone = known === undefined || known.lastType === 'terminate' || known.lastType === 'cancel_hire';
  if (leaving) return gone && known !== undefined ? 'change' : 'terminate';
  if (known === undefined || known.lastType === 'cancel_hire') return 'hire';
  return known.lastType === 'terminate' ? 'rehire' : 'change';
}
