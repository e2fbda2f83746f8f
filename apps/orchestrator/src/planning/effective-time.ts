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

export function addMs(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}
