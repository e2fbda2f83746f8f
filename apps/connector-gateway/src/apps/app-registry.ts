import { AppConfig } from '@tenure/config';
import type { AppSummary } from '@tenure/contracts';
import { Connector, ConnectorCapability } from '../connectors/connector';
import { ConnectorException } from '../connectors/connector.exception';
import { createConnector } from '../connectors/connector.factory';
import { AppGuard } from '../protection/app-guard';
import { CircuitBreaker } from '../protection/circuit-breaker';
import { GatewayMetrics } from '../protection/gateway-metrics';
import { resolveAppCredentials } from './app-credentials';
import { UnknownAppException } from './unknown-app.exception';

/** One configured app as the gateway serves it. */
export interface RegisteredApp {
  id: string;
  displayName: string;
  connector: Connector;
  /** What the connector can do, less what the app's configuration says it refuses. */
  capabilities: readonly ConnectorCapability[];
  guard: AppGuard;
}

/** The configured apps, each with its connector and protection, built once at start. */
export class AppRegistry {
  private readonly apps: Map<string, RegisteredApp>;

  constructor(
    apps: readonly RegisteredApp[],
    readonly metrics: GatewayMetrics = new GatewayMetrics(),
  ) {
    this.apps = new Map(apps.map((app) => [app.id, app]));
    metrics.observeCircuits(() =>
      [...this.apps.values()].map((app) => ({ appId: app.id, state: app.guard.health().circuit })),
    );
  }

  static fromConfig(apps: readonly AppConfig[], env: NodeJS.ProcessEnv): AppRegistry {
    const metrics = new GatewayMetrics();
    return new AppRegistry(
      resolveAppCredentials(apps, env).map(({ app, auth }) => {
        const breaker = new CircuitBreaker({
          failureThreshold: app.circuitBreaker.failureThreshold,
          openMs: app.circuitBreaker.openSeconds * 1000,
        });
        const { requestsPerSecond, burst, maxConcurrent, maxRetryAfterWaitSeconds } = app.rateLimit;
        const guard = new AppGuard(
          app.id,
          breaker,
          { requestsPerSecond, burst, maxConcurrent, maxRetryAfterWaitMs: maxRetryAfterWaitSeconds * 1000 },
          metrics,
        );
        const connector = createConnector(app, auth, guard);
        return {
          id: app.id,
          displayName: app.displayName,
          connector,
          capabilities: connector.capabilities.filter((capability) => !app.unsupported.includes(capability)),
          guard,
        };
      }),
      metrics,
    );
  }

  /** Stops every app's rate limiter (its refill timer) when the gateway shuts down. */
  async close(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => app.guard.close()));
  }

  list(): AppSummary[] {
    return [...this.apps.values()].map((app) => ({
      appId: app.id,
      kind: app.connector.kind,
      displayName: app.displayName,
      capabilities: [...app.capabilities],
      health: app.guard.health(),
      recent: this.metrics.recent.summary(app.id),
    }));
  }

  get(appId: string): RegisteredApp {
    const app = this.apps.get(appId);
    if (!app) throw new UnknownAppException(appId);
    return app;
  }

  connectorFor(appId: string): Connector {
    return this.get(appId).connector;
  }

  /** The app's connector, provided it declares the capability; otherwise a non-retryable NOT_SUPPORTED. */
  connectorWith(appId: string, capability: ConnectorCapability): Connector {
    const app = this.get(appId);
    if (!app.capabilities.includes(capability)) {
      throw new ConnectorException('NOT_SUPPORTED', `app ${appId} does not support ${capability.replace('_', ' ')}`);
    }
    return app.connector;
  }
}
