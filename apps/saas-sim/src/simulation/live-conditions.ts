import { SimulatedAppSettings } from '../config/simulated-app';

/** How an app behaves right now; the admin API changes it at run time. */
export interface ConditionsState {
  latencyMs: { min: number; max: number };
  /** Share of requests refused with 429 and Retry-After. */
  rateLimitedRatio: number;
  /** Share of requests refused with 503. */
  unavailableRatio: number;
  /** Share of requests never answered: the caller's timeout is what ends them. */
  hangRatio: number;
  /** Share of writes (POST, PUT, PATCH, DELETE) carried out but never answered: the app acted, the caller cannot know. */
  lostWriteAnswerRatio: number;
  retryAfterSeconds: number;
  /** The next this-many requests are refused with 429 and Retry-After (a burst). */
  rateLimitBurst: number;
  /** Until then (ISO time) every request is refused with 503: a full outage. */
  outageUntil?: string;
}

/** A change through the admin API: only the fields given change. */
export interface ConditionsChange {
  latencyMs?: { min: number; max: number };
  rateLimitedRatio?: number;
  unavailableRatio?: number;
  hangRatio?: number;
  lostWriteAnswerRatio?: number;
  retryAfterSeconds?: number;
  rateLimitBurst?: number;
  outageSeconds?: number;
}

export type Verdict =
  | { kind: 'serve'; delayMs: number; loseAnswer: boolean }
  | { kind: 'rate_limited'; delayMs: number; retryAfterSeconds: number }
  | { kind: 'unavailable'; delayMs: number; retryAfterSeconds?: number }
  | { kind: 'hang' };

export type RandomSource = () => number;

/** One simulated app's latency and faults: its configured baseline, changed at run time by tests and benchmarks. */
export class LiveConditions {
  private state: ConditionsState;

  constructor(
    private readonly settings: SimulatedAppSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.state = this.baseline();
  }

  current(): ConditionsState {
    const { outageUntil, ...rest } = this.state;
    const inOutage = outageUntil !== undefined && Date.parse(outageUntil) > this.now();
    return { ...rest, latencyMs: { ...rest.latencyMs }, ...(inOutage ? { outageUntil } : {}) };
  }

  change(change: ConditionsChange): ConditionsState {
    const { outageSeconds, ...rest } = change;
    const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    this.state = {
      ...this.state,
      ...given,
      ...(outageSeconds !== undefined
        ? { outageUntil: new Date(this.now() + outageSeconds * 1000).toISOString() }
        : {}),
    };
    return this.current();
  }

  reset(): ConditionsState {
    this.state = this.baseline();
    return this.current();
  }

  /** What happens to the next request. */
  decide(random: RandomSource, isWrite = false): Verdict {
    const { latencyMs, outageUntil, retryAfterSeconds } = this.state;
    const delayMs = latencyMs.min + Math.floor(random() * (latencyMs.max - latencyMs.min + 1));
    if (outageUntil !== undefined) {
      const remainingMs = Date.parse(outageUntil) - this.now();
      if (remainingMs > 0) return { kind: 'unavailable', delayMs: 0, retryAfterSeconds: Math.ceil(remainingMs / 1000) };
    }
    if (this.state.rateLimitBurst > 0) {
      this.state.rateLimitBurst -= 1;
      return { kind: 'rate_limited', delayMs, retryAfterSeconds };
    }
    if (this.state.hangRatio > 0 && random() < this.state.hangRatio) return { kind: 'hang' };
    if (random() < this.state.rateLimitedRatio) return { kind: 'rate_limited', delayMs, retryAfterSeconds };
    if (random() < this.state.unavailableRatio) return { kind: 'unavailable', delayMs };
    const { lostWriteAnswerRatio } = this.state;
    const loseAnswer = isWrite && lostWriteAnswerRatio > 0 && random() < lostWriteAnswerRatio;
    return { kind: 'serve', delayMs, loseAnswer };
  }

  private baseline(): ConditionsState {
    const { latencyMs, faults } = this.settings;
    return {
      latencyMs: { ...latencyMs },
      rateLimitedRatio: faults.rateLimitedRatio,
      unavailableRatio: faults.unavailableRatio,
      hangRatio: 0,
      lostWriteAnswerRatio: 0,
      retryAfterSeconds: faults.retryAfterSeconds,
      rateLimitBurst: 0,
    };
  }
}
