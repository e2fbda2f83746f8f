import type { LifecycleOutcome } from '@tenure/domain';
import { outcomeIdOf } from '../lifecycle/outcomes/outcome.publisher';

/** The rule recorded for every account reconciliation disables on its own. */
export const ORPHAN_RULE = 'reconciliation: orphan';
export const RECONCILIATION_ACTOR_ID = 'reconciliation';

/**
 * The audit outcome of an orphaned account reconciliation disabled. The run's
 * id stands in for the HR event and the workflow behind the step, so a retried
 * activity re-publishes the same outcome id and the audit trail keeps one record.
 */
export function orphanDisabledOutcome(
  runId: string,
  appId: string,
  orphan: { externalId: string; employeeId: string },
): LifecycleOutcome {
  const action = 'account.disable';
  return {
    outcomeId: outcomeIdOf({
      workflowId: runId,
      eventId: runId,
      appId,
      action,
      qualifiers: [orphan.externalId, 'succeeded'],
    }),
    at: new Date().toISOString(),
    employeeId: orphan.employeeId,
    appId,
    action,
    outcome: 'succeeded',
    eventId: runId,
    workflowId: runId,
    actor: 'system',
    actorId: RECONCILIATION_ACTOR_ID,
    rule: ORPHAN_RULE,
    externalId: orphan.externalId,
  };
}
