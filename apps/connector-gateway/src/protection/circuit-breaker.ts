import type { CircuitState } from '@tenure/contracts';
import { ConnectorException } from '../connectors/connector.exception';
import { CallerGoneError } from './caller-context';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one probe through. */
  openMs: number;
  now?: () => number;
}

export interface CircuitHealth {
  circuit: CircuitState;
  consecutiveFailures: number;
  openUntil?: string;
}

/**
 * One app's circuit: after `failureThreshold` consecutive failures that say
 * the app is unwell (5xx, timeouts, resets) calls fail fast for `openMs`
 * instead of hammering it; then one probe is let through (half-open), and its
 * outcome closes the circuit or opens it again. A small state machine rather
 * than a library, because its state must be readable for `GET /v1/apps` and
 * the metrics, and it must fail with the gateway's own retryable error.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntil: number | undefined;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openUntil === undefined) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half_open';
  }

  health(): CircuitHealth {
    const circuit = this.state;
    return {
      circuit,
      consecutiveFailures: this.consecutiveFailures,
      ...(this.openUntil !== undefined && circuit === 'open'
        ? { openUntil: new Date(this.openUntil).toISOString() }
        : {}),
    };
  }

  /** Runs work unless the circuit refuses it; failures that are the app's fault count against it. */
  async run<T>(work: () => Promise<T>, isAppFailure: (error: unknown) => boolean): Promise<T> {
    this.admit();
    const probe = this.state === 'half_open';
    if (probe) this.probing = true;
    try {
      const result = await work();
      this.succeeded();
      return result;
    } catch (error) {
      // Dropped unsent: the app was not asked, so its health is as it was.
      if (error instanceof CallerGoneError) throw error;
      if (isAppFailure(error)) this.failed();
      else this.succeeded();
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private admit(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half_open' && !this.probing) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(((this.openUntil ?? this.now()) - this.now()) / 1000));
    throw new ConnectorException(
      'TEMPORARY',
      `the app is failing (${this.consecutiveFailures} failures in a row); calls resume after a pause`,
      retryAfterSeconds,
    );
  }

  private succeeded(): void {
    this.consecutiveFailures = 0;
    this.openUntil = undefined;
  }

  private failed(): void {
    this.consecutiveFailures += 1;
    if (this.state === 'half_open' || this.consecutiveFailures >= this.options.failureThreshold) {
      this.openUntil = this.now() + this.options.openMs;
    }
  }
}
