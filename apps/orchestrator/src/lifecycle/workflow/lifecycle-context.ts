import { patched, workflowInfo } from '@temporalio/workflow';
// Type-only: the contracts library's classes (class-validator) never enter the workflow sandbox.
import type { PlanDecision, PlanDecisionMessage } from '@tenure/contracts';
import type { AccountState, ActorKind } from '@tenure/domain';
import type {
  AccessRequestRecord,
  AppliedMark,
  EmployeeLifecycleState,
  LifecyclePlan,
  RunState,
} from '@tenure/temporal-contracts';
import { store } from './activity-proxies';

/** The person's state inside their workflow; carried across continue-as-new. */
export interface LifecycleContext {
  employeeId: string;
  workflowId: string;
  state: EmployeeLifecycleState;
  lastEventId?: string;
  applied: string[];
  lastApplied?: AppliedMark;
  managerId?: string;
  runs: Map<string, RunState>;
  accessRequests: Map<string, AccessRequestRecord>;
  accounts: Map<string, AccountState>;
  /** Runs an operator asked to retry. */
  retries: Set<string>;
  /**
   * The plan an event was just decided on. Its run's first phase, when due at
   * once, goes on with it instead of planning again from an unchanged store;
   * never carried across a wait or continue-as-new.
   */
  decidedPlan?: { runId: string; plan: LifecyclePlan };
  /**
   * Decisions being recorded right now. While an update handler records one,
   * the waiting loop starts no unit, so the handler's answer and the loop's
   * next step reach the history, and any replay of it, in one order.
   */
  recording: number;
}

export const nowIso = (): string => new Date().toISOString();

export function touch(run: RunState): RunState {
  run.updatedAt = nowIso();
  return run;
}

export function saveRun(run: RunState): Promise<void> {
  return store.saveRun(touch(run));
}

/** Workflows that saved a run and published its decision as two local activities replay them so. */
export const ONE_DECISION_RECORD_PATCH = 'one-decision-record';

export interface DecisionOptions {
  plan?: LifecyclePlan;
  actor?: ActorKind;
  actorId?: string;
  reason?: string;
  runAt?: string;
  /** Tells apart the same decision reached again by a later phase (a mass-change hold of the deletion). */
  qualifier?: string;
}

/** Every decision goes to the audit service; its id is derived from the run, so a repeat is the same record. */
export async function publishDecision(
  context: LifecycleContext,
  run: RunState,
  decision: PlanDecision,
  options: DecisionOptions = {},
): Promise<void> {
  await store.publishDecision(decisionMessage(context, run, decision, options));
}

/** The run as it now stands, then the decision that brought it there: one local activity. */
export async function saveAndPublish(
  context: LifecycleContext,
  run: RunState,
  decision: PlanDecision,
  options: DecisionOptions = {},
): Promise<void> {
  if (patched(ONE_DECISION_RECORD_PATCH)) {
    context.recording += 1;
    try {
      await store.recordDecision({ run: touch(run), decision: decisionMessage(context, run, decision, options) });
    } finally {
      context.recording -= 1;
    }
    return;
  }
  await saveRun(run);
  await publishDecision(context, run, decision, options);
}

function decisionMessage(
  context: LifecycleContext,
  run: RunState,
  decision: PlanDecision,
  options: DecisionOptions,
): PlanDecisionMessage {
  const changes = (options.plan?.phases ?? []).flatMap((phase) =>
    phase.changes.map((change) => ({
      appId: change.appId,
      change: change.support === 'supported' ? change.change : 'not_supported',
      ...(change.support === 'supported' ? {} : { requested: change.change }),
      ...(change.rule ? { rule: change.rule.slice(0, 128) } : {}),
      ...(change.groups ? { groups: change.groups } : {}),
      at: phase.at,
    })),
  );
  const message: PlanDecisionMessage = {
    // A run reaches each decision once; only a redelivered event is skipped as a duplicate more than once.
    decisionId: [
      context.workflowId,
      run.runId,
      decision,
      ...(options.qualifier ? [options.qualifier] : []),
      ...(decision === 'skipped_duplicate' ? [workflowInfo().historyLength] : []),
    ].join('/'),
    at: nowIso(),
    employeeId: context.employeeId,
    eventId: run.eventId,
    eventType: run.eventType,
    workflowId: context.workflowId,
    decision,
    ...(options.runAt ? { runAt: options.runAt } : {}),
    actor: options.actor ?? 'system',
    ...(options.actorId ? { actorId: options.actorId } : {}),
    changes: changes.slice(0, 500),
    ...(options.reason ? { reason: options.reason.slice(0, 2000) } : {}),
  };
  return message;
}

/** Older than what was already applied: by effective moment, then by when hr-ingest received it. */
export function isStale(context: LifecycleContext, effectiveAt: string, receivedAt: string): boolean {
  const last = context.lastApplied;
  if (!last) return false;
  const [mine, theirs] = [Date.parse(effectiveAt), Date.parse(last.effectiveAt)];
  return mine < theirs || (mine === theirs && Date.parse(receivedAt) < Date.parse(last.receivedAt));
}
