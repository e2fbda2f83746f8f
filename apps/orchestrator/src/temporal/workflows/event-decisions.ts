import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { LifecycleEvent, LifecycleEventType } from '@tenure/domain';
import { isOpenRun, LifecyclePlan, PlanSubject, RunState, runIdOf } from '@tenure/temporal-contracts';
import { awaitsAttempt, stopAttempts } from './access-removal-retries';
import { store } from './activity-proxies';
import { isStale, LifecycleContext, nowIso, publishDecision, saveRun } from './lifecycle-context';

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
    Object.assign(run, { status: 'cancelled', nextAt: undefined, actorId: 'system', reason });
    await saveRun(run);
    await publishDecision(context, run, 'cancelled', { reason });
  }
}

/** The day after an ISO date, as a date: a contractor's access ends when their last day is over. */
function dayAfter(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
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
  const expiry: LifecycleEvent = {
    ...event,
    eventId: `${CONTRACTOR_EXPIRY}-${employee.endDate.slice(0, 10)}`,
    type: 'terminate',
    immediate: false,
    effectiveAt: dayAfter(employee.endDate),
  };
  const subject: PlanSubject = { kind: 'event', event: expiry, origin: 'contractor_end_date' };
  const plan = await store.planRun({ subject, now: nowIso() });
  const run = newRun(context, expiry.eventId, subject, plan);
  context.runs.set(run.runId, run);
  await saveRun(run);
  await publishDecision(context, run, 'scheduled', { plan, runAt: run.nextAt });
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
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (!(cause instanceof ApplicationFailure) || cause.type !== 'INVALID_EVENT') throw error;
    const now = nowIso();
    const run: RunState = {
      runId: runIdOf(context.employeeId, event.eventId),
      employeeId: context.employeeId,
      eventId: event.eventId,
      eventType: event.type,
      subject,
      status: 'rejected',
      effectiveAt: event.receivedAt,
      completedPhases: [],
      steps: [],
      actorId: 'system',
      reason: cause.message,
      createdAt: now,
      updatedAt: now,
    };
    remember(context, event.eventId);
    context.runs.set(run.runId, run);
    await saveRun(run);
    await publishDecision(context, run, 'rejected', { reason: cause.message });
    return undefined;
  }
}

/**
 * Decides what an HR event becomes: skipped (duplicate or older than what was
 * applied), waiting for approval (too many accounts removed at once), or a
 * run scheduled at its effective moment (now, for most events).
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
    await saveRun(run);
    await publishDecision(context, run, 'skipped_stale', { reason });
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
  if (plan.blastRadius.accounts > plan.blastRadius.limit) {
    run.status = 'waiting_approval';
    const reason = `would disable or delete ${plan.blastRadius.accounts} accounts (limit ${plan.blastRadius.limit})`;
    run.reason = reason;
    await saveRun(run);
    await publishDecision(context, run, 'waiting_approval', { plan, reason });
  } else {
    await saveRun(run);
    const future = Date.parse(run.nextAt ?? '') > Date.now();
    await publishDecision(context, run, future ? 'scheduled' : 'planned', { plan, runAt: run.nextAt });
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
