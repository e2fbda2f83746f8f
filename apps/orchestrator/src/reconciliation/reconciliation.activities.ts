import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AccountSnapshot } from '@tenure/contracts';
import type { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import { GatewayError } from '../gateway/connector-gateway.client';
import { OutcomePublisher } from '../lifecycle/outcomes/outcome.publisher';
import { orphanDisabledOutcome } from './orphan-outcome';
import { reconcileAccounts } from './reconcile-accounts';
import { ReconciliationRepository } from './reconciliation.repository';
import { AppReconciliationReport, ReconcileAppOptions, ReconciliationSettings } from './reconciliation.types';

export interface ReconciliationDependencies {
  gateway: Pick<ConnectorGatewayClient, 'apps' | 'accountPage' | 'disableAccount'>;
  repository: ReconciliationRepository;
  outcomes: OutcomePublisher;
  settings: ReconciliationSettings;
}

/** Accounts asked for per page: large pages keep a 10,000-account app to a handful of calls. */
const PAGE_SIZE = 1000;

/** A permanent refusal fails the activity at once; anything else is retried by Temporal. */
function asActivityFailure(error: unknown): unknown {
  if (error instanceof GatewayError && !error.retryable) {
    return ApplicationFailure.nonRetryable(`${error.code}: ${error.message}`, 'GatewayRefusal');
  }
  return error;
}

/** The reconciliation run (its workflow id) an activity works for; a call outside Temporal is a run of its own. */
function currentRunId(): string {
  let workflowId: string | undefined;
  try {
    workflowId = Context.current().info.workflowExecution?.workflowId;
  } catch {
    /* not in an activity */
  }
  return workflowId ?? `reconciliation-direct-${new Date().toISOString()}`;
}

function heartbeat(details: unknown): void {
  // Outside a Temporal activity (unit tests) there is nothing to tell.
  try {
    Context.current().heartbeat(details);
  } catch {
    /* not in an activity */
  }
}

export function createReconciliationActivities({
  gateway,
  repository,
  outcomes,
  settings,
}: ReconciliationDependencies) {
  return {
    /** The apps to reconcile: those whose connector can list accounts (one, when asked for one). */
    async reconcilableApps(appId?: string): Promise<string[]> {
      try {
        const apps = await gateway.apps();
        if (appId && !apps.some((app) => app.appId === appId)) {
          throw ApplicationFailure.nonRetryable(`no app ${appId} is configured`, 'UnknownApp');
        }
        return apps
          .filter((app) => (app.capabilities ?? []).includes('list_accounts') && (!appId || app.appId === appId))
          .map((app) => app.appId);
      } catch (error) {
        throw asActivityFailure(error);
      }
    },

    /** Pages through the app's accounts, compares them with the identity store, and acts on orphans if allowed. */
    async reconcileApp(appId: string, options: ReconcileAppOptions = {}): Promise<AppReconciliationReport> {
      const started = Date.now();
      try {
        const accounts: AccountSnapshot[] = [];
        let cursor: string | undefined;
        do {
          const page = await gateway.accountPage(appId, cursor, PAGE_SIZE);
          accounts.push(...page.items);
          cursor = page.nextCursor;
          heartbeat({ appId, accounts: accounts.length });
        } while (cursor);
        const findings = reconcileAccounts(accounts, await repository.appIdentity(appId));

        // Asked for (by configuration or by an operator for this run), and within the guard's limit.
        const wanted = settings.autoDisableOrphans || options.disableOrphans === true;
        const tooMany = findings.orphans.length > settings.maxAutoDisable;
        const canDisable = wanted && findings.orphans.length > 0 && !tooMany;
        const disabled: string[] = [];
        if (canDisable) {
          const runId = currentRunId();
          for (const orphan of findings.orphans) {
            await gateway.disableAccount(appId, orphan.externalId);
            // Recorded like any lifecycle step: the store's account row and the audit trail both know.
            await repository.markDisabled(appId, orphan.externalId, runId);
            await outcomes.publish(orphanDisabledOutcome(runId, appId, orphan));
            disabled.push(orphan.externalId);
          }
        }
        return {
          appId,
          accountsInApp: accounts.length,
          counts: findings.counts,
          orphaned: findings.orphaned,
          unmanaged: findings.unmanaged,
          drifted: findings.drifted,
          orphanAction: canDisable ? 'disabled' : wanted && tooMany ? 'needs_approval' : 'none',
          disabled,
          durationMs: Date.now() - started,
        };
      } catch (error) {
        throw asActivityFailure(error);
      }
    },
  };
}

export type ReconciliationActivities = ReturnType<typeof createReconciliationActivities>;
