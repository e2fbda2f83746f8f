import { canonicalTime, readTime, TimeForm, toUtcInstant } from '.';

describe('readTime', () => {
  it.each<[string, TimeForm, string]>([
    ['2026-12-01T09:00:00+01:00', 'instant', '2026-12-01T08:00:00.000Z'],
    ['2026-12-01T09:00:00Z', 'instant', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01t09:00:00z', 'instant', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.5+01:00', 'instant', '2026-12-01T08:00:00.500Z'],
    ['2026-12-01T09:00:00.123456789-05:30', 'instant', '2026-12-01T14:30:00.123Z'],
    ['2026-12-31T23:59:59-14:00', 'instant', '2027-01-01T13:59:59.000Z'],
    ['2026-01-01T00:00:00+14:00', 'instant', '2025-12-31T10:00:00.000Z'],
    ['2026-12-01T09:00:00-00:00', 'instant', '2026-12-01T09:00:00.000Z'],
    ['2028-02-29T12:00:00Z', 'instant', '2028-02-29T12:00:00.000Z'],
    ['2026-12-01T09:00:00', 'local', '2026-12-01T09:00:00'],
    ['2026-12-01T09:00:00.250', 'local', '2026-12-01T09:00:00.250'],
    ['2026-12-01T23:59:59', 'local', '2026-12-01T23:59:59'],
    ['2026-12-01', 'date', '2026-12-01'],
    ['2000-02-29', 'date', '2000-02-29'],
    ['1900-01-01', 'date', '1900-01-01'],
    ['2199-12-31', 'date', '2199-12-31'],
  ])('accepts %s as %s (canonical %s)', (text, form, canonical) => {
    const reading = readTime(text);
    expect(reading).toMatchObject({ ok: true, time: { form } });
    expect(canonicalTime(text)).toBe(canonical);
  });

  it.each<[string, string]>([
    ['20261231', 'must be'],
    ['2026-W52', 'must be'],
    ['2026-01-01T17:00+01', 'must be'],
    ['2026-12-01T10:00:00.5+01', 'must be'],
    ['2026-12-01T10:00:00+0100', 'must be'],
    ['2026-12-01T10:00+01:00', 'must be'],
    ['2026-12-01T10:00', 'must be'],
    ['2026-12-01 10:00:00Z', 'must be'],
    ['2026-12-01T10:00:00.Z', 'must be'],
    ['2026-12-01T10:00:00.1234567890Z', 'must be'],
    ['2026-335', 'must be'],
    ['2026-12', 'must be'],
    ['+002026-12-01', 'must be'],
    ['next tuesday', 'must be'],
    ['', 'must be'],
    [' 2026-12-01', 'must be'],
    ['2026-12-01\n', 'must be'],
    ['２026-12-01', 'must be'],
    ['2026-02-30', 'is not a real time: 2026-02-30 is not a day of the calendar'],
    ['2026-02-29', 'is not a real time: 2026-02-29 is not a day of the calendar'],
    ['1900-02-29', 'is not a real time: 1900-02-29 is not a day of the calendar'],
    ['2026-04-31', 'is not a real time'],
    ['2026-13-01', 'is not a real time: month 13 does not exist'],
    ['2026-00-10', 'is not a real time: month 00 does not exist'],
    ['2026-12-00', 'is not a real time'],
    ['2026-12-01T24:00:00Z', 'is not a real time: hour 24 is not an hour of the day (00 to 23)'],
    ['2026-12-01T23:60:00', 'is not a real time: minute 60 does not exist'],
    ['2026-12-31T23:59:60Z', 'is not a real time: second 60 does not exist'],
    ['2026-12-01T09:00:00+14:01', 'is not a real time: the offset is beyond ±14:00'],
    ['2026-12-01T09:00:00-15:00', 'is not a real time: the offset is beyond ±14:00'],
    ['2026-12-01T09:00:00+05:60', 'is not a real time: minute of the offset beyond 59'],
    ['0001-01-01', 'is not a real time: year 0001 is outside 1900–2199'],
    ['9999-12-31T23:59:59Z', 'is not a real time: year 9999 is outside 1900–2199'],
    ['1899-12-31', 'is not a real time: year 1899 is outside 1900–2199'],
  ])('refuses %s', (text, reason) => {
    const reading = readTime(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toContain(reason);
  });

  it('refuses what is not text', () => {
    for (const value of [20261231, null, undefined, {}, ['2026-12-01'], true]) expect(readTime(value).ok).toBe(false);
  });

  it('accepts only the forms a field allows, and says which they are', () => {
    expect(readTime('2026-12-01', ['instant'])).toEqual({
      ok: false,
      reason: 'must be an instant with an offset such as 2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z',
    });
    expect(readTime('2026-12-01T09:00:00Z', ['date'])).toEqual({
      ok: false,
      reason: 'must be a date such as 2026-12-01',
    });
    expect(readTime('2026-12-01T09:00:00', ['instant', 'date']).ok).toBe(false);
    expect(readTime('2026-12-01T09:00:00', ['local']).ok).toBe(true);
  });
});

describe('toUtcInstant', () => {
  it('keeps an instant whatever the zone', () => {
    expect(toUtcInstant('2026-12-01T09:00:00+01:00', 'America/New_York')).toBe('2026-12-01T08:00:00.000Z');
  });

  it('reads a local time and a date (its midnight) in the zone, UTC by default', () => {
    expect(toUtcInstant('2026-12-01T09:00:00', 'America/New_York')).toBe('2026-12-01T14:00:00.000Z');
    expect(toUtcInstant('2026-07-01T09:00:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(toUtcInstant('2026-07-01T09:00:00', 'Asia/Kolkata')).toBe('2026-07-01T03:30:00.000Z');
    expect(toUtcInstant('2026-12-01', 'Australia/Sydney')).toBe('2026-11-30T13:00:00.000Z');
    expect(toUtcInstant('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('moves a local time skipped by clocks going forward on by the gap', () => {
    // Europe/Berlin: 2026-03-29 02:00 CET becomes 03:00 CEST.
    expect(toUtcInstant('2026-03-29T02:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(toUtcInstant('2026-03-29T03:00:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(toUtcInstant('2026-03-29T01:59:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:59.000Z');
    // America/New_York: 2026-03-08 02:00 EST becomes 03:00 EDT.
    expect(toUtcInstant('2026-03-08T02:15:00', 'America/New_York')).toBe('2026-03-08T07:15:00.000Z');
  });

  it('reads a local time that occurs twice (clocks going back) as its first occurrence', () => {
    // Europe/Berlin: 2026-10-25 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and at 01:30Z.
    expect(toUtcInstant('2026-10-25T02:30:00', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(toUtcInstant('2026-10-25T03:00:00', 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    // America/New_York: 2026-11-01 02:00 EDT becomes 01:00 EST; 01:30 is first at 05:30Z.
    expect(toUtcInstant('2026-11-01T01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads a date whose midnight is skipped as the first moment of that day', () => {
    // America/Santiago: clocks jump from 2026-09-06 00:00 to 01:00.
    expect(toUtcInstant('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
  });

  it('throws a recognisable error for anything else', () => {
    expect(() => toUtcInstant('20261231')).toThrow('not an ISO-8601 date or date-time: 20261231');
    expect(() => toUtcInstant('2026-12-01', 'UTC', ['instant'])).toThrow(
      expect.objectContaining({ reason: expect.stringContaining('must be an instant') }),
    );
    expect(() => toUtcInstant('2026-12-01', 'Mars/Olympus')).toThrow(
      'not an ISO-8601 date or date-time: 2026-12-01 (unknown time zone Mars/Olympus)',
    );
  });
});
