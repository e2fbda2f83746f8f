import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { AppReconciliationReport, RECONCILIATION_WORKFLOW, ReconciliationReport } from './reconciliation.types';

/** How many recent runs (scheduled or on demand) are read back to find each app's latest report. */
const RECENT_RUNS = 25;

export interface LatestReconciliationReports {
  items: { appId: string; reconciliationId: string; finishedAt: string; report: AppReconciliationReport }[];
  /** Reconciliations still running. */
  running: string[];
}

/** The latest report per app, from the results Temporal keeps of each reconciliation run. */
@Injectable()
export class ReconciliationHistoryService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async latest(): Promise<LatestReconciliationReports> {
    const runs: { id: string; status: string }[] = [];
    for await (const execution of this.client.workflow.list({
      query: `WorkflowType = '${RECONCILIATION_WORKFLOW}'`,
      pageSize: RECENT_RUNS,
    })) {
      runs.push({ id: execution.workflowId, status: execution.status.name });
      if (runs.length >= RECENT_RUNS) break;
    }
    const reports = await Promise.all(
      runs
        .filter((run) => run.status === 'COMPLETED')
        .map(async (run) => ({
          id: run.id,
          report: (await this.client.workflow.getHandle(run.id).result()) as ReconciliationReport,
        })),
    );
    const latest = new Map<string, LatestReconciliationReports['items'][number]>();
    for (const { id, report } of reports) {
      for (const app of report.apps) {
        const known = latest.get(app.appId);
        if (!known || known.finishedAt < report.finishedAt) {
          latest.set(app.appId, { appId: app.appId, reconciliationId: id, finishedAt: report.finishedAt, report: app });
        }
      }
    }
    return {
      items: [...latest.values()].sort((a, b) => a.appId.localeCompare(b.appId)),
      running: runs.filter((run) => run.status === 'RUNNING').map((run) => run.id),
    };
  }
}
