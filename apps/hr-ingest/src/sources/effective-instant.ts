import { endOfDayInstant, instantMsOf, ParsedTime } from '@tenure/domain';

/**
 * When an HR event takes effect, as the UTC instant hr-ingest publishes: an
 * instant as given, a local time in the person's zone (UTC when none is
 * known), a date alone at the start of that day there, or for a leaver at
 * its last millisecond (they work their last day; a rehire the next day comes after).
 */
export function effectiveInstant(time: ParsedTime, timeZone = 'UTC', dateMeans: 'start' | 'end' = 'start'): string {
  if (time.form === 'date' && dateMeans === 'end')
    return new Date(Date.parse(endOfDayInstant(time, timeZone)) - 1).toISOString();
  return new Date(instantMsOf(time, timeZone)).toISOString();
}
