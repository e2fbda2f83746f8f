import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ReconciliationActivities } from './reconciliation.activities';
import type { AppReconciliationReport, ReconciliationInput, ReconciliationReport } from './reconciliation.types';

/** Listing a large app takes a while; the activity heartbeats once per page, so a stalled one is noticed. */
const { reconcilableApps, reconcileApp } = proxyActivities<ReconciliationActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

function failedApp(appId: string, error: unknown): AppReconciliationReport {
  const cause = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : error;
  return {
    appId,
    accountsInApp: 0,
    counts: { orphaned: 0, unmanaged: 0, drifted: 0, matched: 0 },
    orphaned: [],
    unmanaged: [],
    drifted: [],
    orphanAction: 'none',
    disabled: [],
    error: cause instanceof Error ? cause.message : String(cause),
    durationMs: 0,
  };
}

/**
 * One reconciliation run, on demand or from the Temporal schedule: every app
 * is reconciled in parallel and on its own, so one app that is down is
 * reported as failed without holding up the others' reports.
 */
export async function reconciliationWorkflow(input: ReconciliationInput = {}): Promise<ReconciliationReport> {
  const startedAt = new Date().toISOString();
  const appIds = await reconcilableApps(input.appId);
  // Runs that do not ask to disable orphans schedule exactly the activities they always did.
  const reconcile = (appId: string) =>
    input.disableOrphans ? reconcileApp(appId, { disableOrphans: true }) : reconcileApp(appId);
  const apps = await Promise.all(
    appIds.map((appId) => reconcile(appId).catch((error: unknown) => failedApp(appId, error))),
  );
  return { startedAt, finishedAt: new Date().toISOString(), apps };
}
