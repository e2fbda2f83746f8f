import { canonicalText, parseTime, ParsedTime, TimeForm, TimeFormatError, TIME_FORMS, wallClockMs } from './rfc3339';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA zone (`Europe/London`). */
export function isKnownTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * A wall-clock time in a zone as an instant, as RFC 9557's "compatible"
 * reading does: a time that occurs twice (clocks going back) is its first
 * occurrence; a time skipped by clocks going forward moves forward by the gap
 * (02:30 on a night that jumps from 02:00 to 03:00 is 03:30).
 */
export function zonedInstantMs(wallClock: number, timeZone: string): number {
  const before = zoneOffsetMs(wallClock - DAY_MS, timeZone);
  const after = zoneOffsetMs(wallClock + DAY_MS, timeZone);
  const fits = [before, after]
    .map((offset) => wallClock - offset)
    .filter((instant) => instant + zoneOffsetMs(instant, timeZone) === wallClock);
  if (fits.length > 0) return Math.min(...fits);
  return wallClock - before;
}

/** A parsed time as an instant (ms): a local time or a date (its midnight) read in the zone. */
export function instantMsOf(time: ParsedTime, timeZone = 'UTC'): number {
  const wallClock = wallClockMs(time);
  if (time.form === 'instant') return wallClock - (time.offsetMinutes ?? 0) * 60_000;
  if (!isKnownTimeZone(timeZone))
    throw new TimeFormatError(canonicalText(time), 'needs a known time zone', `unknown time zone ${String(timeZone)}`);
  return zonedInstantMs(wallClock, timeZone);
}

/**
 * Any accepted time as a canonical UTC instant (`2026-12-01T08:00:00.000Z`);
 * a local time or a date alone (its midnight) is read in `timeZone`.
 * Throws TimeFormatError for anything else.
 */
export function toUtcInstant(text: unknown, timeZone = 'UTC', forms: readonly TimeForm[] = TIME_FORMS): string {
  return new Date(instantMsOf(parseTime(text, forms), timeZone)).toISOString();
}

/** The end of a day in a zone: the next day's midnight there. */
export function endOfDayInstant(date: ParsedTime, timeZone = 'UTC'): string {
  const nextMidnight = Date.UTC(date.year, date.month - 1, date.day + 1);
  if (!isKnownTimeZone(timeZone))
    throw new TimeFormatError(canonicalText(date), 'needs a known time zone', `unknown time zone ${String(timeZone)}`);
  return new Date(zonedInstantMs(nextMidnight, timeZone)).toISOString();
}

/** The calendar day after a date (`2026-12-31` → `2027-01-01`). */
export function dayAfter(date: string): string {
  const day = parseTime(date, ['date']);
  return new Date(Date.UTC(day.year, day.month - 1, day.day + 1)).toISOString().slice(0, 10);
}

/** Canonical text of an accepted time (see canonicalText); throws TimeFormatError otherwise. */
export function canonicalTime(text: unknown, forms: readonly TimeForm[] = TIME_FORMS): string {
  return canonicalText(parseTime(text, forms));
}
