import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import type { LifecycleEvent } from '@tenure/domain';
import {
  EmployeeLifecycleInput,
  EmployeeLifecycleSnapshot,
  employeeSnapshotQuery,
  lifecycleEventSignal,
  RunState,
} from '@tenure/temporal-contracts';
import { dueAttempts, nextAttemptMoments } from './access-removal-retries';
import { installAccessRevocation } from './access-revocation';
import { store } from './activity-proxies';
import { carriedRequests, carriedRuns } from './carried-state';
import { rejectingDataErrors } from './data-errors';
import { decideEvent, rejectEvent } from './event-decisions';
import { LifecycleContext } from './lifecycle-context';
import { installAccessHandlers, installOperatorHandlers } from './operator-handlers';
import { advanceRun, nextDueRun, retryDueAttempts, retryRun } from './run-executor';
import { rejectRun } from './run-rejections';

/** A person's history stays far below Temporal's limits: a few hundred events per continued run. */
const DEFAULT_HISTORY_LIMIT = 2_000;

async function afterAdvance(context: LifecycleContext, run: RunState): Promise<void> {
  if (run.subject.kind !== 'access' || !run.completedPhases.includes('expire')) return;
  const request = context.accessRequests.get(run.subject.request.requestId);
  if (request && request.status === 'approved') {
    request.status = 'expired';
    await store.saveAccessRequest(request);
  }
}

/**
 * One durable workflow per person: their HR events arrive as signals and are
 * decided one at a time, in order; runs sleep until their effective moment,
 * wait for approvals, and survive restarts. Nothing about one person ever runs
 * concurrently with another change to the same person.
 */
export async function employeeLifecycleWorkflow(input: EmployeeLifecycleInput): Promise<void> {
  const context: LifecycleContext = {
    employeeId: input.employeeId,
    workflowId: workflowInfo().workflowId,
    state: input.state ?? 'new',
    lastEventId: input.lastEventId,
    applied: [...(input.appliedEventIds ?? [])],
    lastApplied: input.lastApplied,
    managerId: input.managerId,
    runs: new Map((input.runs ?? []).map((run) => [run.runId, run])),
    accessRequests: new Map((input.accessRequests ?? []).map((request) => [request.requestId, request])),
    accounts: new Map((input.accounts ?? []).map((account) => [account.appId, account])),
    retries: new Set(),
    recording: 0,
  };
  const inbox: LifecycleEvent[] = [...(input.pendingEvents ?? [])];
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const historyLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit;

  setHandler(lifecycleEventSignal, (event) => {
    if (!inbox.some((queued) => queued.eventId === event.eventId)) inbox.push(event);
  });
  setHandler(employeeSnapshotQuery, (): EmployeeLifecycleSnapshot => ({
    employeeId: context.employeeId,
    state: context.state,
    accounts: [...context.accounts.values()],
    lastEventId: context.lastEventId,
    pendingEvents: inbox.length,
    runs: [...context.runs.values()],
    accessRequests: [...context.accessRequests.values()],
  }));
  installOperatorHandlers(context);
  installAccessHandlers(context);
  installAccessRevocation(context);

  const nextWake = (): number | undefined => {
    const moments = [...context.runs.values()]
      .filter((run) => (run.status === 'scheduled' || run.status === 'failed') && run.nextAt)
      .map((run) => Date.parse(run.nextAt as string))
      .concat(nextAttemptMoments(context.runs.values()))
      // Plans only hold readable moments; one that is not must never become a timer of NaN milliseconds.
      .filter((moment) => Number.isFinite(moment));
    return moments.length > 0 ? Math.min(...moments) : undefined;
  };
  const attemptDue = () => [...context.runs.values()].find((run) => dueAttempts(run).length > 0);

  for (;;) {
    const wake = nextWake();
    const ready = () =>
      context.recording === 0 &&
      (inbox.length > 0 ||
        context.retries.size > 0 ||
        nextDueRun(context.runs.values()) !== undefined ||
        attemptDue() !== undefined);
    const woken = () => ready() || historyLong();
    // A decision's plan is only as fresh as this moment: after a wait, the run plans again.
    const decided = ready() ? context.decidedPlan : undefined;
    context.decidedPlan = undefined;
    if (wake === undefined) await condition(woken);
    else await condition(woken, Math.max(1, wake - Date.now()));

    // Each event and each run step is one unit: one that fails on its data is rejected, the next goes on.
    const event = inbox.shift();
    if (event) {
      await rejectingDataErrors(
        () => decideEvent(context, event),
        (reason) => rejectEvent(context, event, reason),
      );
      continue;
    }
    const [retry] = context.retries;
    if (retry) {
      context.retries.delete(retry);
      const run = context.runs.get(retry);
      if (run)
        await rejectingDataErrors(
          () => retryRun(context, run),
          (reason) => rejectRun(context, run, reason),
        );
      continue;
    }
    const due = nextDueRun(context.runs.values());
    if (due) {
      await rejectingDataErrors(
        async () => {
          await advanceRun(context, due, decided?.runId === due.runId ? decided.plan : undefined);
          await afterAdvance(context, due);
        },
        (reason) => rejectRun(context, due, reason),
      );
      continue;
    }
    const retrying = attemptDue();
    if (retrying) {
      await rejectingDataErrors(
        () => retryDueAttempts(context, retrying),
        (reason) => rejectRun(context, retrying, reason),
      );
      continue;
    }
    if (historyLong()) break;
  }

  // History is getting long: carry the state into a fresh run once no handler is mid-way.
  await condition(allHandlersFinished);
  await continueAsNew<typeof employeeLifecycleWorkflow>({
    employeeId: context.employeeId,
    state: context.state,
    lastEventId: context.lastEventId,
    appliedEventIds: context.applied,
    lastApplied: context.lastApplied,
    managerId: context.managerId,
    accounts: [...context.accounts.values()],
    runs: carriedRuns(context.runs.values()),
    accessRequests: carriedRequests(context.accessRequests.values()),
    pendingEvents: inbox,
    historyLimit: input.historyLimit,
  });
}
