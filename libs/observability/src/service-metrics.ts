import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const SERVICE_METRICS = Symbol('SERVICE_METRICS');

/** Route label of a request that matched no route: keeps scanners from making a series per path. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * One service's Prometheus registry, served at `GET /metrics`: the Node.js
 * process figures, rate, errors and duration of requests per route, and the
 * service's own figures, which register here (`metrics.registry`). Every
 * series carries `service`. A registry per instance, so tests can build
 * several services in one process.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly included: Registry[] = [];
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'tenure_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'tenure_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  requestDone(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** Serves another registry's figures with these (one built before the service's, like the gateway's per-app ones). */
  include(registry: Registry): void {
    this.included.push(registry);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    if (this.included.length === 0) return this.registry.metrics();
    // A merged registry keeps the metrics, not the default labels: they are set again.
    const merged = Registry.merge([this.registry, ...this.included]);
    merged.setDefaultLabels({ service: this.service });
    return merged.metrics();
  }
}
