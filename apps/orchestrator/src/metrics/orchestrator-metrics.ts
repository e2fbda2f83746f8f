import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { scrapedGauge, SERVICE_METRICS, ServiceMetrics } from '@tenure/observability';
import { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';

/** Runs that will still do something, by themselves or once someone acts. */
const OPEN_STATUSES = `('scheduled', 'waiting_approval', 'running', 'failed')`;

/**
 * The orchestrator's own figures: runs by status and app steps waiting for an
 * operator (read from the identity store when Prometheus scrapes), how long
 * leavers took to lose their access, and how long the oldest open one has
 * waited: the figure Tenure's promise is about.
 */
@Injectable()
export class OrchestratorMetrics {
  private readonly timeToRevoke: Histogram;
  private readonly workflowStarts: Counter<'eager'>;

  constructor(@Inject(SERVICE_METRICS) metrics: ServiceMetrics, @InjectDataSource() dataSource: DataSource) {
    const registry = metrics.registry;
    this.timeToRevoke = new Histogram({
      name: 'tenure_orchestrator_time_to_revoke_seconds',
      help: "From a leaver's termination taking effect (or being received, if later) to every app's access disabled",
      buckets: [1, 2, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
      registers: [registry],
    });
    this.workflowStarts = new Counter({
      name: 'tenure_orchestrator_workflow_starts_total',
      help: "People's workflows started by a hire, by whether Temporal handed the first task straight to this worker",
      labelNames: ['eager'],
      registers: [registry],
    });
    scrapedGauge({
      name: 'tenure_orchestrator_runs',
      help: 'Lifecycle runs by status',
      labelNames: ['status'],
      registry,
      read: async () => {
        const rows: { status: string; count: string }[] = await dataSource.query(
          'SELECT status, count(*) AS count FROM runs GROUP BY status',
        );
        return rows.map((row) => ({ labels: { status: row.status }, value: Number(row.count) }));
      },
    });
    scrapedGauge({
      name: 'tenure_orchestrator_steps_needing_attention',
      help: 'App steps of open runs that wait for an operator to retry them',
      labelNames: ['app_id'],
      registry,
      read: async () => {
        const rows: { app_id: string; count: string }[] = await dataSource.query(
          `SELECT step->>'appId' AS app_id, count(*) AS count
           FROM runs, jsonb_array_elements(state->'steps') AS step
           WHERE status IN ${OPEN_STATUSES} AND step->>'status' = 'needs_attention'
           GROUP BY 1`,
        );
        return rows.map((row) => ({ labels: { app_id: row.app_id }, value: Number(row.count) }));
      },
    });
    scrapedGauge({
      name: 'tenure_orchestrator_open_leaver_oldest_seconds',
      help: 'How long the longest-waiting leaver whose termination has taken effect has still had access (0 when none)',
      registry,
      read: async () => {
        const [row]: { age: string | null }[] = await dataSource.query(
          `SELECT EXTRACT(EPOCH FROM now() - min(greatest(effective_at, created_at))) AS age
           FROM runs
           WHERE event_type = 'terminate' AND status IN ${OPEN_STATUSES} AND effective_at <= now()
             AND NOT (state->'completedPhases' ? 'disable')`,
        );
        return [{ labels: {}, value: Math.max(0, Number(row.age ?? 0)) }];
      },
    });
  }

  workflowStarted(eager: boolean): void {
    this.workflowStarts.inc({ eager: String(eager) });
  }

  accessRevoked(seconds: number): void {
    this.timeToRevoke.observe(Math.max(0, seconds));
  }
}
