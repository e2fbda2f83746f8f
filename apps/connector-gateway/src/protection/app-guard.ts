import { setTimeout as sleep } from 'node:timers/promises';
import Bottleneck from 'bottleneck';
import { ConnectorException } from '../connectors/connector.exception';
import { CallerGoneError, currentCaller, URGENCY_PRIORITY } from './caller-context';
import { CircuitBreaker, CircuitHealth } from './circuit-breaker';
import { GatewayMetrics } from './gateway-metrics';

/** What every request to an app passes through; connectors take it so each driver is protected the same way. */
export interface RequestGuard {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export const UNGUARDED: RequestGuard = { run: (work) => work() };

export interface AppGuardSettings {
  requestsPerSecond: number;
  burst: number;
  maxConcurrent: number;
  /** A Retry-After up to this long is waited out and the request tried again; a longer one goes back to the caller. */
  maxRetryAfterWaitMs: number;
}

/** Only failures that say the app is unwell count against its circuit; a refusal of bad data does not. */
const isAppFailure = (error: unknown): boolean => error instanceof ConnectorException && error.code === 'TEMPORARY';

/** How many times one request is retried after a 429 within the gateway before the caller is told. */
const MAX_RATE_LIMITED_RETRIES = 3;

/**
 * A token bucket as Bottleneck's reservoir: `burst` tokens, refilled at
 * `requestsPerSecond`, a few at a time (never more than the bucket holds).
 * Bottleneck refills only on its heartbeat (every 250 ms unless told), so the
 * heartbeat follows the refill: on the default one, 2 tokens every 100 ms
 * came to 8 a second, not 20.
 */
function tokenBucket({ requestsPerSecond, burst, maxConcurrent }: AppGuardSettings, appId: string): Bottleneck {
  const amount = Math.max(1, Math.min(Math.ceil(requestsPerSecond / 10), Math.floor(burst)));
  const intervalMs = Math.max(1, Math.round((1000 * amount) / requestsPerSecond));
  return new Bottleneck({
    id: `app-${appId}`,
    maxConcurrent,
    reservoir: burst,
    reservoirIncreaseAmount: amount,
    reservoirIncreaseInterval: intervalMs,
    reservoirIncreaseMaximum: burst,
    heartbeatInterval: intervalMs,
  });
}

/**
 * One app's protection, around every request a connector makes to it: the
 * circuit breaker (fail fast while the app is unwell), a token-bucket rate
 * limit with a concurrency cap, and the app's own `429 Retry-After`, which
 * pauses every request to that app, not just the one that was refused.
 * Queued requests go out most urgent first (a leaver's before a joiner's),
 * and one whose caller stopped waiting is dropped before it is sent.
 */
export class AppGuard implements RequestGuard {
  private readonly limiter: Bottleneck;
  private pausedUntil = 0;

  constructor(
    readonly appId: string,
    private readonly breaker: CircuitBreaker,
    private readonly settings: AppGuardSettings,
    private readonly metrics: GatewayMetrics,
  ) {
    this.limiter = tokenBucket(settings, appId);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry += 1) {
      await this.waitOutPause();
      try {
        return await this.breaker.run(() => this.throttled(work), isAppFailure);
      } catch (error) {
        if (!(error instanceof ConnectorException) || error.code !== 'RATE_LIMITED') throw error;
        const waitMs = (error.retryAfterSeconds ?? 1) * 1000;
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
        if (retry >= MAX_RATE_LIMITED_RETRIES || waitMs > this.settings.maxRetryAfterWaitMs) throw error;
      }
    }
  }

  health(): CircuitHealth {
    return this.breaker.health();
  }

  async close(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true });
  }

  private async throttled<T>(work: () => Promise<T>): Promise<T> {
    const queuedAt = performance.now();
    const { urgency, signal } = currentCaller();
    return this.limiter.schedule({ priority: URGENCY_PRIORITY[urgency] }, async () => {
      if (signal?.aborted) return this.dropped();
      const startedAt = performance.now();
      const waited = (startedAt - queuedAt) / 1000;
      if (waited > 0.005) this.metrics.waited(this.appId, 'rate_limit', waited);
      try {
        const result = await work();
        this.metrics.requestDone(this.appId, 'ok', (performance.now() - startedAt) / 1000);
        return result;
      } catch (error) {
        const outcome = error instanceof ConnectorException ? error.code : 'ERROR';
        this.metrics.requestDone(this.appId, outcome, (performance.now() - startedAt) / 1000);
        throw error;
      }
    });
  }

  /** A request nobody waits for any more: its token goes back to the bucket, for the next request that is waited for. */
  private async dropped(): Promise<never> {
    const left = await this.limiter.currentReservoir();
    if (left !== null && left < this.settings.burst) await this.limiter.incrementReservoir(1);
    this.metrics.dropped(this.appId);
    throw new CallerGoneError(this.appId);
  }

  /** While the app has asked for a pause, requests wait; one that would wait too long is refused at once. */
  private async waitOutPause(): Promise<void> {
    const remainingMs = this.pausedUntil - Date.now();
    if (remainingMs <= 0) return;
    if (remainingMs > this.settings.maxRetryAfterWaitMs) {
      throw new ConnectorException(
        'RATE_LIMITED',
        'the app asked for a pause in requests (Retry-After)',
        Math.ceil(remainingMs / 1000),
      );
    }
    this.metrics.waited(this.appId, 'retry_after', remainingMs / 1000);
    await sleep(remainingMs);
  }
}
