import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CIRCUIT_STATES, CircuitState } from '@tenure/contracts';
import { RecentOutcomes } from './recent-outcomes';

/** The outcome label of a request: `ok`, or the connector error code it failed with. */
export type RequestOutcome = 'ok' | string;

/**
 * The gateway's Prometheus metrics, in a registry of its own (so tests can
 * build several gateways in one process), served at `GET /metrics` with the
 * service's own (process and request figures, libs/observability ServiceMetrics).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'tenure_gateway_app_requests_total',
    help: 'Requests to apps, by app and outcome (ok or the error code)',
    labelNames: ['app_id', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'tenure_gateway_app_request_duration_seconds',
    help: 'Time an app took to answer a request',
    labelNames: ['app_id'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly rateLimitWaits = new Counter({
    name: 'tenure_gateway_rate_limit_waits_total',
    help: "Requests held back by an app's rate limit, its concurrency cap or its Retry-After",
    labelNames: ['app_id', 'reason'],
    registers: [this.registry],
  });
  private readonly rateLimitWaitSeconds = new Counter({
    name: 'tenure_gateway_rate_limit_wait_seconds_total',
    help: "Time requests spent waiting for an app's rate limit, concurrency cap or Retry-After",
    labelNames: ['app_id'],
    registers: [this.registry],
  });
  private readonly droppedRequests = new Counter({
    name: 'tenure_gateway_dropped_requests_total',
    help: 'Requests dropped from an app queue unsent, because their caller had stopped waiting',
    labelNames: ['app_id'],
    registers: [this.registry],
  });

  /** The last minutes' outcomes per app: the error rate `GET /v1/apps` shows next to the circuit. */
  readonly recent = new RecentOutcomes();

  private circuitStates: () => { appId: string; state: CircuitState }[] = () => [];

  constructor() {
    const circuitStates = () => this.circuitStates();
    new Gauge({
      name: 'tenure_gateway_circuit_state',
      help: "Each app's circuit: 1 for the state it is in, 0 for the others",
      labelNames: ['app_id', 'state'],
      registers: [this.registry],
      collect() {
        for (const { appId, state } of circuitStates()) {
          for (const candidate of CIRCUIT_STATES)
            this.set({ app_id: appId, state: candidate }, candidate === state ? 1 : 0);
        }
      },
    });
  }

  /** Where the circuit gauge reads each app's state when Prometheus scrapes. */
  observeCircuits(states: () => { appId: string; state: CircuitState }[]): void {
    this.circuitStates = states;
  }

  requestDone(appId: string, outcome: RequestOutcome, seconds: number): void {
    this.requests.inc({ app_id: appId, outcome });
    this.recent.record(appId, outcome === 'ok');
    this.latency.observe({ app_id: appId }, seconds);
  }

  waited(appId: string, reason: 'rate_limit' | 'retry_after', seconds: number): void {
    this.rateLimitWaits.inc({ app_id: appId, reason });
    this.rateLimitWaitSeconds.inc({ app_id: appId }, seconds);
  }

  dropped(appId: string): void {
    this.droppedRequests.inc({ app_id: appId });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
