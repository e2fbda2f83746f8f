import { createHash } from 'node:crypto';
import { FieldError, HrLifecycleEventMessage, validatePayload } from '@tenure/contracts';
import { readTime, type Employee, type LifecycleEvent, type LifecycleEventType } from '@tenure/domain';
import type { KnownEmployee } from '../inbox/acceptance';
import { unstorableFields } from '../inbox/storable';
import { resolveEventType } from './event-type';
import type { MappedRecord } from './record-mapping';
import type { TenureField } from './hr-sources.config';
import { effectiveInstant } from './effective-instant';

export type BuiltEvent = { ok: true; event: LifecycleEvent } | { ok: false; errors: FieldError[] };

export interface EventDraft {
  source: string;
  /** The source's own id for the event, or a hash of what it sent (see contentEventId). */
  eventId: string;
  /** Set when the source names the event; otherwise it follows from the person's state. */
  type?: LifecycleEventType;
  leaving: boolean;
  /**
   * Text as the source wrote it (RFC 3339: an instant, or a local time or date
   * in the person's zone); a date alone means the start of that day (the end, for a leaver).
   */
  effectiveAt?: string;
  employee: Partial<Employee>;
  receivedAt: string;
}

/** An event id from a hash of what identifies it, for sources that have no ids of their own. */
export function contentEventId(source: string, content: unknown): string {
  return `${source}-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 40)}`;
}

/** How a delivery of a person's state (a BambooHR employee, a CSV row) is told apart from the others. */
export interface StateDelivery {
  /** The hash of exactly what was sent, stored with the event it becomes. */
  contentHash: string;
  eventId: string;
  /** The delivery that produced the person's last event, sent again: nothing to do. */
  repeat: boolean;
}

/**
 * Sources that send state without an id of their own: the same delivery
 * again is the person's last one repeated; the same content after another
 * event (terminated, rehired, terminated again; A → B → A) is a new fact,
 * so the id chains on the person's last event.
 */
export function stateDelivery(source: string, content: unknown, known: KnownEmployee | undefined): StateDelivery {
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  if (known?.lastEventId && known.lastContentHash === contentHash)
    return { contentHash, eventId: known.lastEventId, repeat: true };
  return {
    contentHash,
    eventId: contentEventId(source, { contentHash, after: known?.lastEventId ?? null }),
    repeat: false,
  };
}

/**
 * Completes a source's record with what Tenure already knows of the person,
 * decides the event type when the source does not name it, and validates the
 * result against the Kafka contract. Errors name the source's own fields.
 */
export function buildLifecycleEvent(
  draft: EventDraft,
  known: KnownEmployee | undefined,
  fieldName: (field: TenureField) => string = (field) => field,
): BuiltEvent {
  const type = draft.type ?? resolveEventType(known, draft.leaving);
  const errors: FieldError[] = [];
  const effective = draft.effectiveAt === undefined ? undefined : readTime(draft.effectiveAt);
  if (effective && !effective.ok) {
    const named = fieldName('effectiveAt');
    errors.push({ field: named, message: `${named} ${effective.reason}` });
  }
  const employee = { employmentType: 'employee', ...known?.employee, ...draft.employee };
  const event = {
    eventId: draft.eventId,
    source: draft.source,
    type,
    // Read once the person's time zone is known to be valid, below.
    effectiveAt: draft.receivedAt,
    receivedAt: draft.receivedAt,
    employee,
  };
  const validated = validatePayload(HrLifecycleEventMessage, event);
  if (!validated.ok) {
    errors.push(
      ...validated.errors.map(({ field, message }) => {
        const tenureField = (field.startsWith('employee.') ? field.slice('employee.'.length) : field) as TenureField;
        const named = fieldName(tenureField);
        return { field: named, message: message.replace(tenureField, named) };
      }),
    );
  }
  errors.push(
    ...unstorableFields(event.employee).map(({ field }) => ({
      field: fieldName(field as TenureField),
      message: `${fieldName(field as TenureField)} contains characters that cannot be stored`,
    })),
  );
  if (errors.length > 0 || !validated.ok) return { ok: false, errors };
  const timeZone = validated.value.employee.timeZone;
  const effectiveAt = effective?.ok
    ? effectiveInstant(effective.time, timeZone, type === 'terminate' ? 'end' : 'start')
    : draft.receivedAt;
  return { ok: true, event: { ...validated.value, effectiveAt, employee: { ...validated.value.employee } } };
}

/** The draft fields a mapped record provides; the source adds its id, type and times. */
export function draftFromMapped(mapped: MappedRecord): Pick<EventDraft, 'employee' | 'leaving' | 'effectiveAt'> {
  return {
    employee: mapped.employee as Partial<Employee>,
    leaving: mapped.leaving,
    effectiveAt: mapped.event.effectiveAt ?? mapped.leavingOn,
  };
}
