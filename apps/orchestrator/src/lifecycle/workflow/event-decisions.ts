import { patched } from '@temporalio/workflow';
import type { LifecycleEvent, LifecycleEventType } from '@tenure/domain';
import { isOpenRun, LifecyclePlan, PlanSubject, RunState, runIdOf } from '@tenure/temporal-contracts';
import { decidePlan } from '../decision-rules';
import { awaitsAttempt, stopAttempts } from './access-removal-retries';
import { store } from './activity-proxies';
import { activityFailureOf, rejectingDataErrors } from './data-errors';
import { refusedRun, rejectRun } from './run-rejections';
import { isStale, LifecycleContext, nowIso, publishDecision, saveAndPublish } from './lifecycle-context';
import { MASS_CHANGE_PATCH } from './mass-change-guard';

/** Event ids remembered to drop redelivered events; older ones are also dropped by hr-ingest. */
const REMEMBERED_EVENT_IDS = 200;

const CONTRACTOR_EXPIRY = 'contractor-end';

/** The open runs an event makes obsolete: a rehire stops a pending deletion, a cancelled hire its start… */
const SUPERSEDES: Record<LifecycleEventType, LifecycleEventType[]> = {
  hire: [],
  rehire: ['terminate', 'cancel_hire'],
  change: [],
  terminate: ['hire', 'rehire', 'leave_start', 'leave_end'],
  cancel_hire: ['hire', 'rehire'],
  leave_start: ['leave_end'],
  leave_end: ['leave_start'],
};

function newRun(context: LifecycleContext, eventId: string, subject: PlanSubject, plan: LifecyclePlan): RunState {
  const now = nowIso();
  return {
    runId: runIdOf(context.employeeId, eventId),
    employeeId: context.employeeId,
    eventId,
    eventType: plan.eventType,
    subject,
    status: 'scheduled',
    effectiveAt: plan.effectiveAt,
    nextAt: plan.phases[0]?.at ?? now,
    completedPhases: [],
    steps: [],
    createdAt: now,
    updatedAt: now,
  };
}

function remember(context: LifecycleContext, eventId: string): void {
  context.applied.push(eventId);
  if (context.applied.length > REMEMBERED_EVENT_IDS)
    context.applied.splice(0, context.applied.length - REMEMBERED_EVENT_IDS);
  context.lastEventId = eventId;
}

async function cancelRuns(context: LifecycleContext, match: (run: RunState) => boolean, reason: string): Promise<void> {
  for (const run of context.runs.values()) {
    // A leaver's disable still being retried stops when a rehire supersedes the termination.
    if (!(isOpenRun(run) || awaitsAttempt(run)) || !match(run)) continue;
    stopAttempts(run);
    // A run held in a mass change leaves its batch: there is nothing of it left to approve.
    if (run.status === 'waiting_approval' && run.massChange) {
      await store.settleRemoval({ entryId: run.massChange.entryId, status: 'cancelled', actorId: 'system' });
    }
    Object.assign(run, { status: 'cancelled', nextAt: undefined, actorId: 'system', reason });
    await saveAndPublish(context, run, 'cancelled', { reason });
  }
}

/** The day after an ISO date, as a date: a contractor's access ends when their last day is over. */
function dayAfter(date: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const next = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3] + 1)) : undefined;
  if (!next || Number.isNaN(next.getTime())) throw new Error(`endDate ${date} is not a date such as 2026-12-31`);
  if (next.getUTCFullYear() > 9999) throw new Error(`endDate ${date} is the last day ISO-8601 can write`);
  return next.toISOString().slice(0, 10);
}

/** A contractor's end date schedules their leaver run by itself; a later change with a new date moves it. */
async function scheduleContractorExpiry(context: LifecycleContext, event: LifecycleEvent): Promise<void> {
  await cancelRuns(
    context,
    (run) => run.subject.kind === 'event' && run.subject.origin === 'contractor_end_date',
    `end date replaced by ${event.eventId}`,
  );
  const { employee } = event;
  if (employee.employmentType !== 'contractor' || !employee.endDate) return;
  const endDate = employee.endDate;
  const expiry: LifecycleEvent = {
    ...event,
    eventId: `${CONTRACTOR_EXPIRY}-${endDate.slice(0, 10)}`,
    type: 'terminate',
    immediate: false,
    effectiveAt: endDate,
  };
  // The event itself is applied; an end date that cannot be read rejects only the expiry, with the reason.
  await rejectingDataErrors(
    () => planContractorExpiry(context, { ...expiry, effectiveAt: dayAfter(endDate) }),
    (reason) => {
      const subject = { kind: 'event', event: expiry, origin: 'contractor_end_date' } as const;
      return rejectRun(context, refusedRun(context, runIdOf(context.employeeId, expiry.eventId), subject), reason);
    },
  );
}

async function planContractorExpiry(context: LifecycleContext, expiry: LifecycleEvent): Promise<void> {
  const subject: PlanSubject = { kind: 'event', event: expiry, origin: 'contractor_end_date' };
  const plan = await store.planRun({ subject, now: nowIso() });
  const run = newRun(context, expiry.eventId, subject, plan);
  context.runs.set(run.runId, run);
  await saveAndPublish(context, run, 'scheduled', { plan, runAt: run.nextAt });
}

/** Plans an event; one that cannot be read (e.g. its dates) is recorded as rejected, never retried forever. */
async function planOrRefuse(
  context: LifecycleContext,
  event: LifecycleEvent,
  subject: PlanSubject,
): Promise<LifecyclePlan | undefined> {
  try {
    return await store.planRun({ subject, now: nowIso() });
  } catch (error) {
    const cause = activityFailureOf(error);
    if (!cause || cause.type !== 'INVALID_EVENT') throw error;
    const run: RunState = {
      ...refusedRun(context, runIdOf(context.employeeId, event.eventId), { kind: 'event', event, origin: 'hr' }),
      subject,
      actorId: 'system',
      reason: cause.message,
    };
    remember(context, event.eventId);
    context.runs.set(run.runId, run);
    await saveAndPublish(context, run, 'rejected', { reason: cause.message });
    return undefined;
  }
}

/**
 * An HR event whose decision failed because of its data: its run (planned or
 * not yet) is rejected with the reason, and the event counts as received.
 */
export async function rejectEvent(context: LifecycleContext, event: LifecycleEvent, reason: string): Promise<void> {
  const runId = runIdOf(context.employeeId, event.eventId);
  if (!context.applied.includes(event.eventId)) remember(context, event.eventId);
  const run = context.runs.get(runId) ?? refusedRun(context, runId, { kind: 'event', event, origin: 'hr' });
  await rejectRun(context, run, reason);
}

/**
 * Decides what an HR event becomes: skipped (duplicate or older than what was
 * applied), or a run scheduled at its effective moment (now, for most
 * events). Whether its removals are part of a mass change is asked when they are due.
 */
export async function decideEvent(context: LifecycleContext, event: LifecycleEvent): Promise<void> {
  const runId = runIdOf(context.employeeId, event.eventId);
  const subject: PlanSubject = { kind: 'event', event, origin: 'hr' };
  if (context.applied.includes(event.eventId) || context.runs.has(runId)) {
    const known = context.runs.get(runId) ?? { runId, eventId: event.eventId, eventType: event.type };
    await publishDecision(context, known as RunState, 'skipped_duplicate', { reason: 'event already received' });
    return;
  }
  const plan = await planOrRefuse(context, event, subject);
  if (!plan) return;
  const run = newRun(context, event.eventId, subject, plan);
  remember(context, event.eventId);
  if (isStale(context, plan.effectiveAt, event.receivedAt)) {
    const reason = `older than the applied event ${context.lastApplied?.eventId} (effective ${context.lastApplied?.effectiveAt})`;
    Object.assign(run, { status: 'skipped', nextAt: undefined, reason });
    context.runs.set(runId, run);
    await saveAndPublish(context, run, 'skipped_stale', { reason });
    return;
  }
  if (event.employee.managerId) context.managerId = event.employee.managerId;
  const superseded = SUPERSEDES[event.type];
  await cancelRuns(
    context,
    (open) => open.subject.kind === 'event' && open.subject.origin === 'hr' && superseded.includes(open.eventType),
    `superseded by ${event.type} ${event.eventId}`,
  );
  if (event.type === 'change') retargetPendingHire(context, event);
  if (context.state === 'new' && (event.type === 'hire' || event.type === 'rehire')) {
    // Visible in the ops API from the moment the hire is known, long before its start.
    await store.recordPerson(event, 'pending_start');
    context.state = 'pending_start';
  }
  context.runs.set(runId, run);
  // One person's run never waits for how many accounts they have: the org-wide guard counts people when
  // access is removed. Runs decided before it replay the old per-event limit.
  const verdict = decidePlan(plan, run.nextAt ?? nowIso(), Date.now(), { perEventLimit: !patched(MASS_CHANGE_PATCH) });
  if (verdict.decision === 'waiting_approval') {
    run.status = 'waiting_approval';
    const reason = verdict.reason;
    run.reason = reason;
    await saveAndPublish(context, run, 'waiting_approval', { plan, reason });
  } else {
    await saveAndPublish(context, run, verdict.decision, { plan, runAt: run.nextAt });
    context.decidedPlan = { runId, plan };
  }
  if (event.type === 'hire' || event.type === 'rehire' || event.type === 'change')
    await scheduleContractorExpiry(context, event);
  if (event.type === 'terminate' || event.type === 'cancel_hire') {
    await cancelRuns(
      context,
      (open) => open.subject.kind === 'event' && open.subject.origin === 'contractor_end_date',
      `superseded by ${event.type} ${event.eventId}`,
    );
  }
}

/** A change before the start date updates what the pending hire will create. */
function retargetPendingHire(context: LifecycleContext, change: LifecycleEvent): void {
  for (const run of context.runs.values()) {
    if (!isOpenRun(run) || run.subject.kind !== 'event' || run.completedPhases.includes('start')) continue;
    if (run.eventType !== 'hire' && run.eventType !== 'rehire') continue;
    run.subject = { ...run.subject, event: { ...run.subject.event, employee: change.employee } };
  }
}
