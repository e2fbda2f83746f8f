import { log } from '@temporalio/workflow';
import type { PlanSubject, RunState } from '@tenure/temporal-contracts';
import { dataErrorReason } from './data-errors';
import { LifecycleContext, nowIso, publishDecision, saveRun } from './lifecycle-context';

const FIRST_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** An instant as the identity store takes it, or now when it cannot be read: a rejected run still has a moment. */
export function readableInstant(value: string | undefined): string {
  const ms = Date.parse(value ?? '');
  return ms >= FIRST_MS && ms <= LAST_MS ? new Date(ms).toISOString() : nowIso();
}

/** A new run for a subject that is refused before anything was planned for it. */
export function refusedRun(
  context: LifecycleContext,
  runId: string,
  subject: PlanSubject & { kind: 'event' },
): RunState {
  const now = nowIso();
  return {
    runId,
    employeeId: context.employeeId,
    eventId: subject.event.eventId,
    eventType: subject.event.type,
    subject,
    status: 'rejected',
    effectiveAt: readableInstant(subject.event.receivedAt),
    completedPhases: [],
    steps: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Stops a run for good because its data cannot be processed: it is shown as
 * rejected with the reason and the decision goes to the audit trail. Even a
 * run the identity store cannot hold never stops the person's workflow.
 */
export async function rejectRun(context: LifecycleContext, run: RunState, reason: string): Promise<void> {
  Object.assign(run, {
    status: 'rejected',
    nextAt: undefined,
    actorId: 'system',
    reason,
    effectiveAt: readableInstant(run.effectiveAt),
  });
  context.runs.set(run.runId, run);
  try {
    await saveRun(run);
  } catch (error) {
    const refused = dataErrorReason(error);
    if (refused === undefined) throw error;
    log.error('rejected run not stored', { runId: run.runId, reason: refused });
  }
  await publishDecision(context, run, 'rejected', { reason });
}
