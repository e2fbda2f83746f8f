import type { LifecyclePlan, PlanPhase, RemovalAdmission, RemovalRequest, RunState } from '@tenure/temporal-contracts';
import { removalEntryId } from '@tenure/temporal-contracts';
import { removalsOf } from '../decision-rules';
import { store } from './activity-proxies';
import { LifecycleContext, saveAndPublish } from './lifecycle-context';

/** Workflows started before the org-wide guard held runs by their own account count; they replay that way. */
export const MASS_CHANGE_PATCH = 'mass-change-guard';

export { removalsOf };

/** What the ledger is asked about a phase that removes access. */
export function removalRequestOf(run: RunState, phase: PlanPhase): RemovalRequest {
  const { subject } = run;
  return {
    runId: run.runId,
    employeeId: run.employeeId,
    eventId: run.eventId,
    eventType: run.eventType,
    source: subject.kind === 'event' ? subject.event.source : 'access_request',
    origin: subject.kind === 'event' ? (subject.origin ?? 'hr') : 'access',
    phase: phase.name,
    accounts: removalsOf(phase),
  };
}

/**
 * Asks the org-wide mass-change ledger before a phase disables or deletes
 * anything. Admitted: the phase runs now. Held: the run waits for an operator
 * with its batch, and nothing of it happens until then. Rejected (its batch
 * was turned down before the run heard of it): the run ends, changing nothing.
 */
export async function admittedByGuard(
  context: LifecycleContext,
  run: RunState,
  plan: LifecyclePlan,
  phase: PlanPhase,
): Promise<boolean> {
  const answer = await store.admitRemoval(removalRequestOf(run, phase));
  if (answer.decision === 'admitted') return true;
  await stopAtGuard(context, run, plan, phase, answer);
  return false;
}

/** A phase the ledger did not admit: the run waits with its batch, or ends if the batch was turned down. */
export async function stopAtGuard(
  context: LifecycleContext,
  run: RunState,
  plan: LifecyclePlan,
  phase: PlanPhase,
  answer: Exclude<RemovalAdmission, { decision: 'admitted' }>,
): Promise<void> {
  run.massChange = { batchId: answer.batchId, entryId: removalEntryId(run.runId, phase.name), phase: phase.name };
  const options = { plan, reason: answer.reason, qualifier: phase.name };
  if (answer.decision === 'held') {
    Object.assign(run, { status: 'waiting_approval', reason: answer.reason });
    await saveAndPublish(context, run, 'waiting_approval', options);
  } else {
    Object.assign(run, { status: 'rejected', nextAt: undefined, reason: answer.reason });
    await saveAndPublish(context, run, 'rejected', options);
  }
}
