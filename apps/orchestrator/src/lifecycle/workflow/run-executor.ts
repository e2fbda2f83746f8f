import { ApplicationFailure, patched } from '@temporalio/workflow';
import type { ActorKind } from '@tenure/domain';
import type { LifecyclePlan, PlanPhase, PlannedChange, RunState, StepState } from '@tenure/temporal-contracts';
import {
  ACCESS_REMOVAL_RETRIES_PATCH,
  dueAttempts,
  recordsFailure,
  retriedUntilDone,
  retryDelayMs,
} from './access-removal-retries';
import type { ApplyChangeInput } from '../activities/lifecycle.activities';
import { applyChange, applyChanges, FirstTried, firstTriedOf, store } from './activity-proxies';
import { isStale, LifecycleContext, nowIso, saveAndPublish, saveRun, touch } from './lifecycle-context';
import { admittedByGuard, MASS_CHANGE_PATCH, removalRequestOf, removalsOf, stopAtGuard } from './mass-change-guard';
import { refusalOf } from './app-refusal';

function failureReason(error: unknown, appId: string): string {
  const cause = refusalOf(error);
  // Said plainly: nothing in Tenure or the person's record is wrong, the app's credentials need fixing.
  if (cause instanceof ApplicationFailure && cause.type === 'UNAUTHORIZED')
    return `UNAUTHORIZED: credentials refused by ${appId}: ${cause.message}`;
  if (cause instanceof ApplicationFailure) return `${cause.type ?? 'error'}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}

function actorOf(run: RunState): { actor: ActorKind; actorId?: string } {
  // A revoked grant's removal is the reviewer's act; the grant itself the approver's.
  if (run.subject.kind === 'access')
    return { actor: 'approver', actorId: run.subject.request.revokedBy ?? run.subject.request.decidedBy };
  return run.actorId && run.actorId !== 'system' ? { actor: 'operator', actorId: run.actorId } : { actor: 'system' };
}

/** One change of a step, with the run, phase and try it belongs to (the audit trail links every action to them). */
function changeInput(
  context: LifecycleContext,
  run: RunState,
  step: StepState,
  change: PlannedChange,
): ApplyChangeInput {
  return {
    runId: run.runId,
    eventId: run.eventId,
    workflowId: context.workflowId,
    employeeId: context.employeeId,
    phase: step.phase,
    // One more per try, Tenure's own or an operator's: each try's outcome is its own audit record.
    attempt: step.retries + (step.attempts ?? 0),
    ...actorOf(run),
    change,
  };
}

/**
 * Runs one app's changes of a phase in order; the first failure stops that app
 * (only) with its reason. A removal of access that may still pass is given its
 * next attempt instead of being left to an operator. `firstTried` has the
 * calls made together with the other apps'.
 */
async function runAppChanges(
  context: LifecycleContext,
  run: RunState,
  step: StepState,
  changes: PlannedChange[],
  firstTried?: FirstTried,
): Promise<void> {
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    const input = changeInput(context, run, step, change);
    try {
      // Once the workflow retries a step, it waits between tries itself: one call each.
      const call = firstTried?.(index) ?? applyChange(input, !!step.attempts);
      context.accounts.set(change.appId, await call);
    } catch (error) {
      const reason = failureReason(error, change.appId);
      const previousReason = step.reason;
      Object.assign(step, {
        status: 'needs_attention',
        failedChange: change.change,
        reason,
        remaining: changes.slice(index),
      });
      if (retriedUntilDone(change, error) && patched(ACCESS_REMOVAL_RETRIES_PATCH)) {
        const attempts = (step.attempts ?? 0) + 1;
        Object.assign(step, { attempts, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)).toISOString() });
        if (!recordsFailure(attempts, previousReason, reason)) return;
      }
      await store.recordStepFailure({ ...input, reason });
      return;
    }
  }
  if (step.attempts) step.attempts += 1;
  Object.assign(step, {
    status: 'done',
    failedChange: undefined,
    reason: undefined,
    remaining: undefined,
    nextAttemptAt: undefined,
  });
}

/** A phase's steps, one per app, and the changes of the apps that have any to make, each app's in order. */
interface PreparedPhase {
  steps: StepState[];
  working: { step: StepState; supported: PlannedChange[] }[];
  inputs: ApplyChangeInput[][];
}

function preparePhase(context: LifecycleContext, run: RunState, phase: PlanPhase): PreparedPhase {
  const byApp = new Map<string, PlannedChange[]>();
  for (const change of phase.changes) byApp.set(change.appId, [...(byApp.get(change.appId) ?? []), change]);
  const apps = [...byApp.entries()].map(([appId, changes]) => {
    const supported = changes.filter((change) => change.support === 'supported');
    const step: StepState = {
      phase: phase.name,
      appId,
      status: supported.length > 0 ? 'running' : 'not_supported',
      changes: changes.map((change) => change.change),
      retries: 0,
      at: nowIso(),
    };
    return { step, supported };
  });
  const working = apps.filter(({ supported }) => supported.length > 0);
  const inputs = working.map(({ step, supported }) =>
    supported.map((change) => changeInput(context, run, step, change)),
  );
  return { steps: apps.map(({ step }) => step), working, inputs };
}

/**
 * A phase's apps run in parallel: one slow or failing app never holds up the
 * others. Their first tries were asked together (see applyChanges).
 */
async function runPhase(context: LifecycleContext, run: RunState, prepared: PreparedPhase, firstTried: FirstTried[]) {
  run.steps.push(...prepared.steps);
  await Promise.all(
    prepared.working.map(({ step, supported }, index) =>
      runAppChanges(context, run, step, supported, firstTried[index]),
    ),
  );
}

async function executePhase(context: LifecycleContext, run: RunState, phase: PlanPhase): Promise<void> {
  const prepared = preparePhase(context, run, phase);
  await runPhase(context, run, prepared, prepared.working.length > 0 ? applyChanges(prepared.inputs) : []);
}

/** Workflows that asked the ledger, committed a phase and made its first tries in three local activities replay so. */
export const ONE_PHASE_START_PATCH = 'phase-started-in-one-local-activity';

/**
 * A due phase in one local activity: the ledger's answer (when it removes
 * access), the commit, and the first tries of its changes. A phase the
 * ledger holds or rejects changes nothing and stops the run here (false).
 */
async function startPhase(
  context: LifecycleContext,
  run: RunState,
  plan: LifecyclePlan,
  phase: PlanPhase,
  applying: () => void,
): Promise<boolean> {
  const guarded = removalsOf(phase).length > 0 && patched(MASS_CHANGE_PATCH);
  const prepared = preparePhase(context, run, phase);
  if (!guarded && !phase.commit && prepared.inputs.length === 0) {
    // Nothing to ask, write or change (a phase that only records): no local activity at all.
    applying();
    await runPhase(context, run, prepared, []);
    return true;
  }
  const started = store.startPhase({
    removal: guarded ? removalRequestOf(run, phase) : undefined,
    commit: phase.commit && { employeeId: context.employeeId, eventId: run.eventId, commit: phase.commit },
    apps: prepared.inputs,
  });
  const { admission } = await started;
  if (admission.decision !== 'admitted') {
    await stopAtGuard(context, run, plan, phase, admission);
    return false;
  }
  applying();
  if (phase.commit) context.state = phase.commit.state;
  const tried = started.then(({ tries }) => tries);
  await runPhase(context, run, prepared, firstTriedOf(prepared.inputs, tried));
  return true;
}

function settle(run: RunState, next: PlanPhase | undefined): void {
  const needsAttention = run.steps.some((step) => step.status === 'needs_attention');
  run.nextAt = next?.at;
  if (needsAttention) run.status = 'failed';
  else run.status = next ? 'scheduled' : 'completed';
}

/** Runs decided before their first phase could use the decision's plan planned that phase a second time; they replay so. */
export const PLAN_ONCE_PATCH = 'plan-once';

/**
 * Runs a run's next phase if it is due. The phase is planned again now, from
 * the identity store, so it acts on the accounts as they are (a prepared
 * account, an account disabled by an earlier step). A phase that follows at
 * once, with nothing written in between, uses the plan made just before: its
 * run's decision, or the save of the phase before it.
 */
export async function advanceRun(
  context: LifecycleContext,
  run: RunState,
  decidedPlan?: LifecyclePlan,
): Promise<LifecyclePlan> {
  const plan =
    decidedPlan && patched(PLAN_ONCE_PATCH)
      ? decidedPlan
      : await store.planRun({ subject: run.subject, now: nowIso() });
  const phase = plan.phases.find((candidate) => !run.completedPhases.includes(candidate.name));
  if (phase && Date.parse(phase.at) <= Date.now()) {
    // Preparing ahead of a start is not yet applying the event: a cancellation or change may still come first.
    const applies = phase.name !== 'prepare' && !run.appliedAt;
    const fromHr = applies && run.subject.kind === 'event' && run.subject.origin === 'hr';
    // Runs are applied in effective order; one overtaken by a newer applied event is skipped, never replayed over it.
    if (fromHr && run.subject.kind === 'event' && isStale(context, plan.effectiveAt, run.subject.event.receivedAt)) {
      const reason = `older than the applied event ${context.lastApplied?.eventId}`;
      Object.assign(run, { status: 'skipped', nextAt: undefined, reason });
      await saveAndPublish(context, run, 'skipped_stale', { reason });
      return plan;
    }
    const applying = () => {
      if (fromHr && run.subject.kind === 'event') {
        const { event } = run.subject;
        context.lastApplied = { eventId: event.eventId, effectiveAt: plan.effectiveAt, receivedAt: event.receivedAt };
      }
      if (applies) run.appliedAt = nowIso();
      run.status = 'running';
    };
    if (patched(ONE_PHASE_START_PATCH)) {
      if (!(await startPhase(context, run, plan, phase, applying))) return plan;
    } else {
      // Before anything of a phase that removes access happens: is it part of a mass change?
      const removes = removalsOf(phase).length > 0;
      if (removes && patched(MASS_CHANGE_PATCH) && !(await admittedByGuard(context, run, plan, phase))) return plan;
      applying();
      if (phase.commit) {
        await store.commitPhase({ employeeId: context.employeeId, eventId: run.eventId, commit: phase.commit });
        context.state = phase.commit.state;
      }
      await executePhase(context, run, phase);
    }
    run.completedPhases.push(phase.name);
  }
  const next = plan.phases.find((candidate) => !run.completedPhases.includes(candidate.name));
  settle(run, next);
  await saveRunPlanningNext(context, run, next);
  return plan;
}

/** Runs whose next phase due at once was planned by a local activity of its own replay so. */
export const SAVE_THEN_PLAN_PATCH = 'save-run-then-plan-next-phase';

/**
 * Saves the run; when its next phase is due at once (a leaver's clean-up
 * after the disable), the same local activity plans that phase, and the
 * loop goes on with the plan unless something else comes first.
 */
async function saveRunPlanningNext(context: LifecycleContext, run: RunState, next: PlanPhase | undefined) {
  const dueNow = run.status === 'scheduled' && next !== undefined && Date.parse(next.at) <= Date.now();
  if (!dueNow || !patched(SAVE_THEN_PLAN_PATCH)) return saveRun(run);
  const plan = await store.saveRunAndPlan({ run: touch(run), now: nowIso() });
  if (plan) context.decidedPlan = { runId: run.runId, plan };
}

/** An operator's retry: each failed app step runs its failed change and those after it again. */
export async function retryRun(context: LifecycleContext, run: RunState): Promise<void> {
  const retrying = run.steps.filter((step) => step.status === 'retrying' && step.remaining);
  await Promise.all(
    retrying.map((step) => {
      step.retries += 1;
      return runAppChanges(context, run, step, step.remaining ?? []);
    }),
  );
  const plan = await store.planRun({ subject: run.subject, now: nowIso() });
  settle(
    run,
    plan.phases.find((candidate) => !run.completedPhases.includes(candidate.name)),
  );
  await saveRun(run);
}

/**
 * Tenure's own retry of a failed run's steps whose next attempt is due: the
 * failed change and those after it, as an operator's retry would. The run's
 * next phase, if any, was planned when it failed and stays as it was.
 */
export async function retryDueAttempts(context: LifecycleContext, run: RunState): Promise<void> {
  await Promise.all(
    dueAttempts(run).map((step) => {
      step.nextAttemptAt = undefined;
      return runAppChanges(context, run, step, step.remaining ?? []);
    }),
  );
  if (!run.steps.some((step) => step.status === 'needs_attention')) run.status = run.nextAt ? 'scheduled' : 'completed';
  await saveRun(run);
}

/**
 * The due run to advance first: HR events before a contractor's expiry (a
 * contractor hired after their end date is hired, then expires), then the
 * earliest moment, the earliest effective event, the first received.
 */
export function nextDueRun(runs: Iterable<RunState>): RunState | undefined {
  const due = [...runs].filter(isDue);
  const key = (run: RunState) => [
    run.subject.kind === 'event' && run.subject.origin === 'contractor_end_date' ? 1 : 0,
    Date.parse(run.nextAt ?? ''),
    Date.parse(run.effectiveAt),
    Date.parse(run.createdAt),
  ];
  due.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
  });
  return due[0];
}

/** Whether the run's next phase is due now (scheduled, or failed with phases still to come). */
export function isDue(run: RunState): boolean {
  return (
    (run.status === 'scheduled' || run.status === 'failed') && !!run.nextAt && Date.parse(run.nextAt) <= Date.now()
  );
}
