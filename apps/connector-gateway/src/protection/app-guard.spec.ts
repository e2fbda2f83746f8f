import { ConnectorException } from '../connectors/connector.exception';
import { AppGuard, AppGuardSettings } from './app-guard';
import { CircuitBreaker } from './circuit-breaker';
import { GatewayMetrics } from './gateway-metrics';

const guards: AppGuard[] = [];
function guard(settings: Partial<AppGuardSettings> = {}): AppGuard {
  const created = new AppGuard(
    'slack',
    new CircuitBreaker({ failureThreshold: 100, openMs: 1000 }),
    { requestsPerSecond: 1000, burst: 1000, maxConcurrent: 10, maxRetryAfterWaitMs: 2000, ...settings },
    new GatewayMetrics(),
  );
  guards.push(created);
  return created;
}

afterAll(() => Promise.all(guards.map((created) => created.close())));

describe('AppGuard', () => {
  it('never runs more requests at once than the concurrency cap', async () => {
    const capped = guard({ maxConcurrent: 2 });
    let running = 0;
    let peak = 0;
    const work = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 8 }, () => capped.run(work)));
    expect(peak).toBe(2);
  });

  it('spaces requests beyond the burst at the configured rate', async () => {
    const limited = guard({ requestsPerSecond: 5, burst: 2 });
    const started: number[] = [];
    const begin = Date.now();
    await Promise.all(Array.from({ length: 4 }, () => limited.run(async () => started.push(Date.now() - begin))));
    started.sort((a, b) => a - b);
    expect(started[1]).toBeLessThan(100);
    // two beyond the burst of 2 at 5 per second: the last waits about 400 ms
    expect(started[3]).toBeGreaterThanOrEqual(300);
  });

  it('lets through as many requests a second as configured, above ten a second too', async () => {
    // On the limiter's own clock: a busy machine delays timers, never the rate they say.
    jest.useFakeTimers();
    try {
      const limited = guard({ requestsPerSecond: 40, burst: 4 });
      const started: number[] = [];
      const begin = Date.now();
      const all = Promise.all(
        Array.from({ length: 44 }, () => limited.run(async () => started.push(Date.now() - begin))),
      );
      await jest.advanceTimersByTimeAsync(5_000);
      await all;
      // 40 beyond the burst of 4 at 40 a second: about one second (at 16 a second, as before, 2.5 s)
      expect(Math.max(...started)).toBeGreaterThanOrEqual(800);
      expect(Math.max(...started)).toBeLessThan(1200);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits out a short Retry-After and tries again', async () => {
    const patient = guard();
    const answers = [new ConnectorException('RATE_LIMITED', 'slow down', 1)];
    const begin = Date.now();
    const result = await patient.run(async () => {
      const refusal = answers.shift();
      if (refusal) throw refusal;
      return 'done';
    });
    expect(result).toBe('done');
    expect(Date.now() - begin).toBeGreaterThanOrEqual(950);
  });

  it('hands a long Retry-After back to the caller, and refuses further requests during the pause', async () => {
    const paused = guard({ maxRetryAfterWaitMs: 1000 });
    await expect(
      paused.run(() => Promise.reject(new ConnectorException('RATE_LIMITED', 'slow down', 30))),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    const work = jest.fn(() => Promise.resolve('x'));
    await expect(paused.run(work)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(work).not.toHaveBeenCalled();
  });
});
