import type { ChangeKind, PlannedChange } from '@tenure/temporal-contracts';
import type { DraftChange } from './planning-input';

/** The connector capability each change needs (gateway `GET /v1/apps`). */
const CAPABILITY_OF: Record<ChangeKind, string> = {
  create: 'create',
  enable: 'disable',
  update: 'update',
  'group.add': 'groups',
  'group.remove': 'groups',
  disable: 'disable',
  suspend: 'disable',
  revoke_sessions: 'revoke_sessions',
  transfer_ownership: 'transfer_ownership',
  delete: 'delete',
};

/** Marks a change `not_supported` when the app's connector does not declare what it needs. */
export function withSupport(change: DraftChange, capabilities: ReadonlyMap<string, readonly string[]>): PlannedChange {
  const supported = capabilities.get(change.appId)?.includes(CAPABILITY_OF[change.change]) ?? false;
  return { ...change, support: supported ? 'supported' : 'not_supported' };
}
