import { SimulatedAppSettings } from '../config/simulated-app';
import { LiveConditions } from './live-conditions';

const settings: SimulatedAppSettings = {
  id: 'slack',
  displayName: 'Slack',
  token: 'token-0123456789abcdef',
  latencyMs: { min: 10, max: 10 },
  faults: { rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 3 },
};
const never = () => 0.99;

describe('LiveConditions', () => {
  let now = 1_000_000;
  const conditions = () => new LiveConditions(settings, () => now);

  it('serves with the configured latency until told otherwise', () => {
    expect(conditions().decide(never)).toEqual({ kind: 'serve', delayMs: 10, loseAnswer: false });
  });

  it('refuses every request during an outage, with the time left as Retry-After, then serves again', () => {
    const live = conditions();
    live.change({ outageSeconds: 60 });
    now += 15_000;
    expect(live.decide(never)).toEqual({ kind: 'unavailable', delayMs: 0, retryAfterSeconds: 45 });
    now += 46_000;
    expect(live.decide(never).kind).toBe('serve');
    expect(live.current().outageUntil).toBeUndefined();
  });

  it('refuses exactly the next N requests of a 429 burst', () => {
    const live = conditions();
    live.change({ rateLimitBurst: 2, retryAfterSeconds: 7 });
    expect(live.decide(never)).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
    expect(live.decide(never)).toMatchObject({ kind: 'rate_limited' });
    expect(live.decide(never).kind).toBe('serve');
  });

  it('hangs, or loses the answers to writes only, in the given shares', () => {
    const live = conditions();
    live.change({ lostWriteAnswerRatio: 1 });
    expect(live.decide(never, false)).toMatchObject({ kind: 'serve', loseAnswer: false });
    expect(live.decide(never, true)).toMatchObject({ kind: 'serve', loseAnswer: true });
    live.change({ hangRatio: 1 });
    expect(live.decide(never)).toEqual({ kind: 'hang' });
  });

  it('changes only the fields given, and resets to the configured conditions', () => {
    const live = conditions();
    live.change({ unavailableRatio: 0.5, latencyMs: undefined });
    expect(live.current()).toMatchObject({ unavailableRatio: 0.5, latencyMs: { min: 10, max: 10 } });
    expect(live.reset()).toMatchObject({ unavailableRatio: 0, hangRatio: 0, rateLimitBurst: 0 });
  });
});
