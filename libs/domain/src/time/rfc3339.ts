/**
 * The one reading of times Tenure accepts (RFC 3339), for every source and API:
 * - an instant: a date-time with an offset or `Z`, `2026-12-01T09:00:00+01:00`;
 * - a local time: a date-time without offset, `2026-12-01T09:00:00`, read in the person's zone;
 * - a date: `2026-12-01`.
 * Seconds are required, fractions of a second have 1 to 9 digits (kept to the
 * millisecond), offsets are `±HH:MM` up to ±14:00. Plain code only: the
 * Temporal workflow sandbox may load it.
 */

export const TIME_FORMS = ['instant', 'local', 'date'] as const;
export type TimeForm = (typeof TIME_FORMS)[number];

/** Years outside this range are refused: far beyond any HR date, and a typo more often than not. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MAX_OFFSET_MINUTES = 14 * 60;

const SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))?)?$/;

/** A time as written, its fields checked; `offsetMinutes` only for an instant. */
export interface ParsedTime {
  form: TimeForm;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes?: number;
}

export type TimeReading = { ok: true; time: ParsedTime } | { ok: false; reason: string };

const EXAMPLES: Record<TimeForm, string> = {
  instant: 'an instant with an offset such as 2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z',
  local: 'a local time such as 2026-12-01T09:00:00',
  date: 'a date such as 2026-12-01',
};

/** "an instant … , a local time … or a date …": what a field accepts, for its error message. */
export function describeTimeForms(forms: readonly TimeForm[]): string {
  const parts = forms.map((form) => EXAMPLES[form]);
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function impossibility(time: ParsedTime): string | undefined {
  const { year, month, day, hour, minute, second, offsetMinutes } = time;
  if (year < MIN_YEAR || year > MAX_YEAR) return `year ${pad(year, 4)} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (month < 1 || month > 12) return `month ${pad(month)} does not exist`;
  if (day < 1 || day > daysInMonth(year, month))
    return `${pad(year, 4)}-${pad(month)}-${pad(day)} is not a day of the calendar`;
  if (hour > 23) return `hour ${pad(hour)} is not an hour of the day (00 to 23)`;
  if (minute > 59) return `minute ${pad(minute)} does not exist`;
  if (second > 59) return `second ${pad(second)} does not exist (leap seconds are not accepted)`;
  if (offsetMinutes !== undefined && Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return 'the offset is beyond ±14:00';
  return undefined;
}

/**
 * Reads a time in one of the accepted forms. The reason of a refusal is a
 * phrase to follow the field's name: "must be …" or "is not a real time: …".
 */
export function readTime(text: unknown, forms: readonly TimeForm[] = TIME_FORMS): TimeReading {
  const wanted = `must be ${describeTimeForms(forms)}`;
  if (typeof text !== 'string') return { ok: false, reason: wanted };
  const match = SHAPE.exec(text);
  if (!match) return { ok: false, reason: wanted };
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMins] = match;
  const form: TimeForm = hour === undefined ? 'date' : zulu || sign ? 'instant' : 'local';
  if (!forms.includes(form)) return { ok: false, reason: wanted };
  if (offsetMins !== undefined && Number(offsetMins) > 59)
    return { ok: false, reason: 'is not a real time: minute of the offset beyond 59' };
  const time: ParsedTime = {
    form,
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: Number((fraction ?? '0').slice(0, 3).padEnd(3, '0')),
    ...(form === 'instant'
      ? { offsetMinutes: zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMins)) }
      : {}),
  };
  const impossible = impossibility(time);
  return impossible ? { ok: false, reason: `is not a real time: ${impossible}` } : { ok: true, time };
}

/** The wall-clock fields as if they were UTC, in milliseconds. */
export function wallClockMs(time: ParsedTime): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second, time.millisecond);
}

/** Canonical text: an instant in UTC with milliseconds, a local time with seconds, a date as YYYY-MM-DD. */
export function canonicalText(time: ParsedTime): string {
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  if (time.form === 'date') return date;
  if (time.form === 'instant') return new Date(wallClockMs(time) - (time.offsetMinutes ?? 0) * 60_000).toISOString();
  const millis = time.millisecond > 0 ? `.${pad(time.millisecond, 3)}` : '';
  return `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${millis}`;
}

/** A refusal to read a time, for code paths that cannot answer with a field error. */
export class TimeFormatError extends Error {
  constructor(
    readonly value: unknown,
    /** Why, as a phrase to follow a field's name ("must be …", "is not a real time: …"). */
    readonly reason: string,
    note?: string,
  ) {
    // The wording is what callers have always recognised an unreadable date by.
    super(`not an ISO-8601 date or date-time: ${String(value)}${note ? ` (${note})` : ''}`);
    this.name = 'TimeFormatError';
  }
}

/** Reads a time or throws TimeFormatError. */
export function parseTime(text: unknown, forms: readonly TimeForm[] = TIME_FORMS): ParsedTime {
  const reading = readTime(text, forms);
  if (!reading.ok) throw new TimeFormatError(text, reading.reason);
  return reading.time;
}
