import { MassChangeSettings } from '@tenure/policy';
import { admission, CountedRemoval, massChangeLimits } from './mass-change-limits';

const settings = (overrides: Partial<MassChangeSettings> = {}) => Object.assign(new MassChangeSettings(), overrides);
const leaver = (employeeId: string): CountedRemoval => ({ employeeId, disables: true, deletes: false });
const deletion = (employeeId: string): CountedRemoval => ({ employeeId, disables: false, deletes: true });
const people = (count: number, make = leaver) => Array.from({ length: count }, (_, i) => make(`E${i}`));

describe('massChangeLimits', () => {
  it('defaults to 50 people losing access and 25 people deleted in 15 minutes', () => {
    expect(massChangeLimits(settings(), 10_000)).toEqual({
      window: '15m',
      windowMs: 900_000,
      maxPeople: 50,
      maxPeopleDeleted: 25,
    });
  });

  it('lowers the people limit to a share of the active people when that is fewer', () => {
    expect(massChangeLimits(settings({ maxPercent: 10 }), 200).maxPeople).toBe(20);
    expect(massChangeLimits(settings({ maxPercent: 10 }), 5_000).maxPeople).toBe(50);
    expect(massChangeLimits(settings({ maxPercent: 10 }), 3).maxPeople).toBe(1);
  });
});

describe('admission', () => {
  const limits = massChangeLimits(settings({ maxPeople: 3, maxPeopleDeleted: 2 }), 100);

  it('admits people up to the limit and holds the next one', () => {
    expect(admission(people(2), leaver('new'), limits)).toEqual({ admit: true });
    expect(admission(people(3), leaver('new'), limits)).toEqual({
      admit: false,
      reason: '4 people would lose access within 15m (limit 3)',
    });
  });

  it('counts a person once, however many runs or accounts they have', () => {
    const same = [leaver('E1'), leaver('E1'), leaver('E2'), leaver('E3')];
    expect(admission(same, leaver('E1'), limits)).toEqual({ admit: true });
  });

  it('gives deletions a limit of their own, tighter than for disables', () => {
    expect(admission(people(2, deletion), deletion('new'), limits)).toEqual({
      admit: false,
      reason: "3 people's accounts would be deleted within 15m (limit 2)",
    });
    // Deletions do not use up the disable limit, nor disables the deletion limit.
    expect(admission(people(2, deletion), leaver('new'), limits)).toEqual({ admit: true });
    expect(admission(people(3), deletion('new'), limits)).toEqual({ admit: true });
  });

  it('admits a removal that neither disables nor deletes whatever the count', () => {
    expect(admission(people(10), { employeeId: 'x', disables: false, deletes: false }, limits)).toEqual({
      admit: true,
    });
  });
});
