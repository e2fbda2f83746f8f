import { leaverTimeline } from './leaver-timeline';
import { percentiles } from './percentiles';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));
const effective = at(0);

describe('leaver timeline', () => {
  it('takes the accounts active at the effective moment and the last of their removals', () => {
    const timeline = leaverTimeline(effective, [
      { appId: 'slack', action: 'account.create', at: at(-600) },
      { appId: 'zoom', action: 'account.create', at: at(-500) },
      { appId: 'zoom', action: 'account.update', at: at(-400) },
      { appId: 'slack', action: 'account.disable', at: at(5) },
      { appId: 'zoom', action: 'account.delete', at: at(42) },
    ]);
    expect(timeline).toEqual({
      status: 'deprovisioned',
      deprovisionedAt: at(42),
      apps: [
        { appId: 'slack', removedAt: at(5).toISOString() },
        { appId: 'zoom', removedAt: at(42).toISOString() },
      ],
    });
  });

  it('leaves out accounts already off at the effective moment', () => {
    const timeline = leaverTimeline(effective, [
      { appId: 'slack', action: 'account.create', at: at(-600) },
      { appId: 'slack', action: 'account.disable', at: at(-60) },
      { appId: 'github', action: 'account.create', at: at(-60) },
      { appId: 'github', action: 'account.disable', at: at(3) },
    ]);
    expect(timeline.apps).toEqual([{ appId: 'github', removedAt: at(3).toISOString() }]);
    expect(timeline.deprovisionedAt).toEqual(at(3));
  });

  it('is open while an account active at the effective moment stays on', () => {
    const timeline = leaverTimeline(effective, [
      { appId: 'slack', action: 'account.create', at: at(-600) },
      { appId: 'zoom', action: 'account.enable', at: at(-10) },
      { appId: 'slack', action: 'account.disable', at: at(2) },
    ]);
    expect(timeline).toMatchObject({ status: 'open', deprovisionedAt: null });
    expect(timeline.apps).toContainEqual({ appId: 'zoom', removedAt: null });
  });

  it('says so when the person had no access', () => {
    expect(leaverTimeline(effective, [])).toEqual({ status: 'no_access', apps: [], deprovisionedAt: null });
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentiles(values)).toEqual({ p50: 100, p90: 180, p95: 190, p99: 200, max: 200 });
  });

  it('gives every percentile of a single value as that value, and null without values', () => {
    expect(percentiles([7])).toEqual({ p50: 7, p90: 7, p95: 7, p99: 7, max: 7 });
    expect(percentiles([])).toBeNull();
  });
});
