import { endOfDayInstant, parseTime, toUtcInstant } from '@tenure/domain';

/**
 * An event's time as a UTC instant. hr-ingest publishes instants; a local
 * time or a date alone (its midnight), from the dry-run API, an access
 * request or an event published before, is read in the person's time zone
 * (UTC when HR gave none). Anything but RFC 3339 throws TimeFormatError
 * ("not an ISO-8601 …"), which refuses the event instead of retrying it.
 */
export function resolveEffectiveAt(value: string, timeZone = 'UTC'): string {
  return toUtcInstant(value, timeZone);
}

/** The end of a day in a zone (the next day's midnight there): when a contractor's last day is over. */
export function endOfDay(date: string, timeZone = 'UTC'): string {
  return endOfDayInstant(parseTime(date, ['date']), timeZone);
}

/** The instants every ISO-8601 reader (PostgreSQL, the audit chain, the contracts) takes: years 0001 to 9999. */
const FIRST_MS = new Date('0001-01-01T00:00:00.000Z').getTime();
const LAST_MS = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Refuses a planned moment outside the years 0001 to 9999 (or not a moment at all). */
export function assertPlannableInstant(instant: string, what: string): void {
  const ms = Date.parse(instant);
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) throw new Error(`${what} ${instant} is outside the years 0001 to 9999`);
}

export function addMs(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}
