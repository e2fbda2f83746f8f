const WITH_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time in a zone as an instant; a time skipped by a DST change moves forward. */
function zonedInstant(wallClockAsUtc: number, timeZone: string): number {
  const first = wallClockAsUtc - zoneOffsetMs(wallClockAsUtc, timeZone);
  return wallClockAsUtc - zoneOffsetMs(first, timeZone);
}

/**
 * An HR date or date-time as an ISO instant. A value with an offset (or Z) is
 * that instant; a date-time without offset, or a date alone (its midnight), is
 * read in the person's time zone (UTC when HR gave none).
 */
export function resolveEffectiveAt(value: string, timeZone = 'UTC'): string {
  if (WITH_OFFSET.test(value) && value.includes('T')) return new Date(value).toISOString();
  const match = LOCAL.exec(value);
  if (!match) throw new Error(`not an ISO-8601 date or date-time: ${value}`);
  const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0'] = match;
  const wallClock = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, +millis.padEnd(3, '0'));
  return new Date(zonedInstant(wallClock, timeZone)).toISOString();
}

/** The end of a day in a zone (the next day's midnight there): when a contractor's last day is over. */
export function endOfDay(date: string, timeZone = 'UTC'): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!day) throw new Error(`not an ISO-8601 date: ${date}`);
  const nextMidnight = Date.UTC(+day[1], +day[2] - 1, +day[3] + 1);
  return new Date(zonedInstant(nextMidnight, timeZone)).toISOString();
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
