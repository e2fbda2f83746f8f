import { Injectable } from '@nestjs/common';
import type { CircuitState } from '@tenure/contracts';
import { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import { RunRepository } from '../identity/run.repository';

export interface AppHealthView {
  appId: string;
  displayName: string;
  circuit: CircuitState | 'unknown';
  consecutiveFailures: number;
  openUntil?: string;
  /** Requests to the app over the gateway's recent window (five minutes), and the failed share. */
  requests: number;
  failed: number;
  errorRate: number | null;
  /** App steps of failed runs waiting for an operator. */
  stepsNeedingAttention: number;
}

const OPEN_RUNS_READ = 500;

/** Each app's circuit and error rate from the gateway, with the steps in Tenure waiting on it. */
@Injectable()
export class AppHealthService {
  constructor(
    private readonly gateway: ConnectorGatewayClient,
    private readonly runs: RunRepository,
  ) {}

  async health(): Promise<{ apps: AppHealthView[] }> {
    const [apps, failed] = await Promise.all([this.gateway.apps(), this.runs.runsByStatus(['failed'], OPEN_RUNS_READ)]);
    const waiting = new Map<string, number>();
    for (const run of failed) {
      for (const step of run.steps.filter((s) => s.status === 'needs_attention')) {
        waiting.set(step.appId, (waiting.get(step.appId) ?? 0) + 1);
      }
    }
    return {
      apps: apps.map((app) => {
        const requests = app.recent?.requests ?? 0;
        const failedRequests = app.recent?.failed ?? 0;
        return {
          appId: app.appId,
          displayName: app.displayName ?? app.appId,
          circuit: app.health?.circuit ?? 'unknown',
          consecutiveFailures: app.health?.consecutiveFailures ?? 0,
          ...(app.health?.openUntil ? { openUntil: app.health.openUntil } : {}),
          requests,
          failed: failedRequests,
          errorRate: requests > 0 ? failedRequests / requests : null,
          stepsNeedingAttention: waiting.get(app.appId) ?? 0,
        };
      }),
    };
  }
}
