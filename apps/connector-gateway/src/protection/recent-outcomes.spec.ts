import { RecentOutcomes } from './recent-outcomes';

describe('RecentOutcomes', () => {
  it('counts requests and failures of the last five minutes per app, forgetting older ones', () => {
    let now = 1_000_000_000_000;
    const recent = new RecentOutcomes(() => now);
    recent.record('slack', true);
    recent.record('slack', false);
    recent.record('zoom', true);
    expect(recent.summary('slack')).toEqual({ windowSeconds: 300, requests: 2, failed: 1 });
    expect(recent.summary('zoom')).toEqual({ windowSeconds: 300, requests: 1, failed: 0 });

    now += 200_000;
    recent.record('slack', false);
    expect(recent.summary('slack')).toEqual({ windowSeconds: 300, requests: 3, failed: 2 });

    now += 200_000;
    expect(recent.summary('slack')).toEqual({ windowSeconds: 300, requests: 1, failed: 1 });
    expect(recent.summary('github')).toEqual({ windowSeconds: 300, requests: 0, failed: 0 });
  });
});
