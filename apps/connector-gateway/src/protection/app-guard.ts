import { ConnectorException } from '../connectors/connector.exception';
import { CircuitBreaker, CircuitHealth } from './circuit-breaker';

/** What every request to an app passes through; connectors take it so each driver is protected the same way. */
export interface RequestGuard {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export const UNGUARDED: RequestGuard = { run: (work) => work() };

/** Only failures that say the app is unwell count against its circuit; a refusal of bad data does not. */
const isAppFailure = (error: unknown): boolean => error instanceof ConnectorException && error.code === 'TEMPORARY';

/** One app's protection: its circuit breaker. */
export class AppGuard implements RequestGuard {
  constructor(
    readonly appId: string,
    private readonly breaker: CircuitBreaker,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.breaker.run(work, isAppFailure);
  }

  health(): CircuitHealth {
    return this.breaker.health();
  }
}
