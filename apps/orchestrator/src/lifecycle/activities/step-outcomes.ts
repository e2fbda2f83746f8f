import type { LifecycleAction, LifecycleOutcome } from '@tenure/domain';
import type { PlannedChange } from '@tenure/temporal-contracts';
import { outcomeIdOf } from '../outcomes/outcome.publisher';
import { ACTION_OF } from './change-actions';
import type { StepContext } from './lifecycle.activities';

export type StepResult =
  { outcome: 'succeeded'; externalId: string } | { outcome: 'failed'; reason: string; externalId?: string };

/** A prepared create is recorded apart from a create: the account exists, but gives no access until the start. */
export function actionOf(change: PlannedChange): LifecycleAction {
  return change.change === 'create' && change.pending ? 'account.prepare' : ACTION_OF[change.change];
}

/**
 * The outcomes one step publishes. The audit trail records access per group, so
 * a group step is one outcome per group, and a created account's memberships
 * are recorded as the group additions they are.
 */
export function stepOutcomes(step: StepContext & { change: PlannedChange }, result: StepResult): LifecycleOutcome[] {
  const { change } = step;
  const groups = [...new Set(change.groups ?? [])];
  const outcome = (action: LifecycleAction, group?: string): LifecycleOutcome => ({
    outcomeId: outcomeIdOf({
      workflowId: step.workflowId,
      eventId: step.eventId,
      appId: change.appId,
      action,
      qualifiers: [step.phase, result.outcome, step.attempt, ...(group !== undefined ? [group] : [])],
    }),
    at: new Date().toISOString(),
    employeeId: step.employeeId,
    appId: change.appId,
    action,
    eventId: step.eventId,
    workflowId: step.workflowId,
    actor: step.actor,
    ...(step.actorId ? { actorId: step.actorId } : {}),
    ...(change.rule ? { rule: change.rule.slice(0, 128) } : {}),
    ...(group !== undefined ? { group: group.slice(0, 256) } : {}),
    ...result,
  });
  const action = actionOf(change);
  if ((change.change === 'group.add' || change.change === 'group.remove') && groups.length > 0) {
    return groups.map((group) => outcome(action, group));
  }
  if (change.change === 'create' && result.outcome === 'succeeded') {
    return [outcome(action), ...groups.map((group) => outcome('group.add', group))];
  }
  return [outcome(action)];
}
