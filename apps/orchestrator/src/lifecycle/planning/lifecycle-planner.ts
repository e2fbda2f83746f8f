import type { LifecycleEvent } from '@tenure/domain';
import { LifecyclePlan, PlanPhase, removesAccount } from '@tenure/temporal-contracts';
import { withSupport } from './change-support';
import { assertPlannableInstant, resolveEffectiveAt } from './effective-time';
import { planAccessGrant } from './plan-access';
import { planCancelHire, planJoiner } from './plan-joiner';
import { planLeave, planLeaver } from './plan-leaver';
import { planMover } from './plan-mover';
import { DraftPhase, PlanningInput } from './planning-input';

/**
 * When an event takes effect: an immediate termination when it was received
 * (a stable moment, so a run re-planned later keeps its timers), else its
 * effectiveAt read in the person's zone.
 */
export function effectiveMoment(event: LifecycleEvent): string {
  if (event.immediate && event.type === 'terminate') return new Date(event.receivedAt).toISOString();
  return resolveEffectiveAt(event.effectiveAt, event.employee.timeZone);
}

function draftPhases(input: PlanningInput, effectiveAt: string): DraftPhase[] {
  const { subject } = input;
  if (subject.kind === 'access') return planAccessGrant(input, subject.request);
  const event = subject.event;
  switch (event.type) {
    case 'hire':
    case 'rehire':
      return planJoiner(input, event, effectiveAt);
    case 'cancel_hire':
      return planCancelHire(input, event, effectiveAt);
    case 'change':
      return planMover(input, event, effectiveAt);
    case 'terminate': {
      const expiry = subject.origin === 'contractor_end_date';
      return planLeaver(input, event, effectiveAt, {
        rule: expiry ? 'contractor-end-date' : 'terminated',
        disableOnly: expiry && input.settings.contractorExpiry === 'disable',
      });
    }
    case 'leave_start':
    case 'leave_end':
      return planLeave(input, event, effectiveAt);
  }
}

/**
 * The exact per-app changes an event (or approved access request) makes,
 * phase by phase, from the identity store's view of the person. It drives
 * both the dry-run API and the workflow, so a plan is never a second guess.
 */
export function planLifecycle(input: PlanningInput): LifecyclePlan {
  const { subject } = input;
  const event = subject.kind === 'event' ? subject.event : undefined;
  const effectiveAt =
    subject.kind === 'event' ? effectiveMoment(subject.event) : (subject.request.decidedAt ?? input.now);
  assertPlannableInstant(effectiveAt, 'the effective moment');
  const phases: PlanPhase[] = draftPhases(input, effectiveAt).map((phase) => {
    assertPlannableInstant(phase.at, `the ${phase.name} phase at`);
    return { ...phase, changes: phase.changes.map((change) => withSupport(change, input.capabilities)) };
  });
  const removed = new Set(
    phases.flatMap((phase) =>
      phase.changes.filter((c) => c.support === 'supported' && removesAccount(c)).map((c) => c.appId),
    ),
  );
  const employeeId = subject.kind === 'event' ? subject.event.employee.employeeId : subject.request.employeeId;
  return {
    employeeId,
    eventId: subject.kind === 'event' ? subject.event.eventId : `access-${subject.request.requestId}`,
    eventType: event?.type ?? 'change',
    effectiveAt,
    phases,
    blastRadius: { accounts: removed.size },
    ...(phases.every((phase) => phase.changes.length === 0) ? { note: noteFor(input) } : {}),
  };
}

function noteFor(input: PlanningInput): string {
  const state = input.person?.state ?? 'new';
  if (state === 'terminated' || state === 'hire_cancelled') return `the person is ${state}: access is not changed`;
  return 'nothing to change';
}
