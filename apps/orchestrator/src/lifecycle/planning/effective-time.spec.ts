import { endOfDay, resolveEffectiveAt } from './effective-time';

describe('resolveEffectiveAt', () => {
  it('keeps an instant that carries its offset', () => {
    expect(resolveEffectiveAt('2026-12-01T09:00:00+01:00', 'America/New_York')).toBe('2026-12-01T08:00:00.000Z');
    expect(resolveEffectiveAt('2026-12-01T09:00:00Z', 'Asia/Tokyo')).toBe('2026-12-01T09:00:00.000Z');
  });

  it('reads a date-time without offset in the person’s time zone, across DST', () => {
    expect(resolveEffectiveAt('2026-12-01T09:00:00', 'America/New_York')).toBe('2026-12-01T14:00:00.000Z');
    expect(resolveEffectiveAt('2026-07-01T09:00:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(resolveEffectiveAt('2026-07-01T09:00:00', 'Asia/Kolkata')).toBe('2026-07-01T03:30:00.000Z');
  });

  it('reads a date alone as its midnight in the zone, UTC when none is known', () => {
    expect(resolveEffectiveAt('2026-12-01', 'Australia/Sydney')).toBe('2026-11-30T13:00:00.000Z');
    expect(resolveEffectiveAt('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => resolveEffectiveAt('next tuesday')).toThrow('not an ISO-8601');
  });
});

describe('endOfDay', () => {
  it('is the next local midnight', () => {
    expect(endOfDay('2026-12-31', 'Europe/Berlin')).toBe('2026-12-31T23:00:00.000Z');
    expect(endOfDay('2026-06-30', 'America/Los_Angeles')).toBe('2026-07-01T07:00:00.000Z');
  });
});

describe('what the planner refuses', () => {
  it.each([
    '20261231',
    '2026-W52',
    '2026-01-01T17:00+01',
    '2026-12-01T10:00:00.5+01',
    '2026-02-30',
    '2026-07-01T09:00',
  ])('refuses %s as an unreadable time', (value) => {
    expect(() => resolveEffectiveAt(value, 'Europe/Berlin')).toThrow(/^not an ISO-8601/);
  });

  it('refuses a local time in a zone that does not exist', () => {
    expect(() => resolveEffectiveAt('2026-07-01T09:00:00', 'Mars/Olympus')).toThrow(/^not an ISO-8601/);
  });
});
