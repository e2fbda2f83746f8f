import { createHash } from 'node:crypto';
import { FieldError, HrLifecycleEventMessage, validatePayload } from '@tenure/contracts';
import type { Employee, LifecycleEvent, LifecycleEventType } from '@tenure/domain';
import type { KnownEmployee } from '../inbox/acceptance';
import { unstorableFields } from '../inbox/storable';
import { resolveEventType } from './event-type';
import type { MappedRecord } from './record-mapping';
import type { TenureField } from './hr-sources.config';
import { toInstant } from './instant';

export type BuiltEvent = { ok: true; event: LifecycleEvent } | { ok: false; errors: FieldError[] };

export interface EventDraft {
  source: string;
  /** The source's own id for the event, or a hash of what it sent (see contentEventId). */
  eventId: string;
  /** Set when the source names the event; otherwise it follows from the person's state. */
  type?: LifecycleEventType;
  leaving: boolean;
  /** Text as the source wrote it; a date alone means the start of that day (the end, for a leaver). */
  effectiveAt?: string;
  employee: Partial<Employee>;
  receivedAt: string;
}

/**
 * An event id for sources that have none (a BambooHR row, a CSV line, a SCIM
 * request): the hash of exactly what was sent, so the same delivery again is
 * recognised as a duplicate.
 */
export function contentEventId(source: string, content: unknown): string {
  return `${source}-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 40)}`;
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
  let effectiveAt = draft.receivedAt;
  if (draft.effectiveAt !== undefined) {
    const instant = toInstant(draft.effectiveAt, type === 'terminate' ? 'end' : 'start');
    if (instant) effectiveAt = instant;
    else
      errors.push({
        field: fieldName('effectiveAt'),
        message: 'must be an ISO-8601 date (2026-12-31) or date-time with offset (2026-12-01T09:00:00+01:00)',
      });
  }
  const employee = { employmentType: 'employee', ...known?.employee, ...draft.employee };
  const event = {
    eventId: draft.eventId,
    source: draft.source,
    type,
    effectiveAt,
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
  return { ok: true, event: { ...validated.value, employee: { ...validated.value.employee } } };
}

/** The draft fields a mapped record provides; the source adds its id, type and times. */
export function draftFromMapped(mapped: MappedRecord): Pick<EventDraft, 'employee' | 'leaving' | 'effectiveAt'> {
  return {
    employee: mapped.employee as Partial<Employee>,
    leaving: mapped.leaving,
    effectiveAt: mapped.event.effectiveAt ?? mapped.leavingOn,
  };
}
