import type {
  GovernanceRecordMessage,
  HrLifecycleEventMessage,
  LifecycleOutcomeMessage,
  PlanDecisionMessage,
} from '@tenure/contracts';
import type { NewAuditRecord } from '../ledger/new-audit-record';
import { canonicalJson } from '../ledger/record-hash';

export function recordFromOutcome(outcome: LifecycleOutcomeMessage): NewAuditRecord {
  return {
    sourceId: outcome.outcomeId,
    kind: 'outcome',
    at: new Date(outcome.at),
    employeeId: outcome.employeeId,
    appId: outcome.appId,
    action: outcome.action,
    outcome: outcome.outcome,
    eventId: outcome.eventId,
    workflowId: outcome.workflowId,
    actor: outcome.actor,
    actorId: outcome.actorId ?? null,
    rule: outcome.rule ?? null,
    group: outcome.group ?? null,
    externalId: outcome.externalId ?? null,
    reason: outcome.reason ?? null,
    effectiveAt: null,
    details: null,
  };
}

/**
 * An accepted HR event. The record keeps the job attributes policy rules match
 * on, never names or e-mail addresses: an append-only record cannot forget them.
 * An immediate termination takes effect when it was received, whatever its effectiveAt.
 */
export function recordFromHrEvent(event: HrLifecycleEventMessage): NewAuditRecord {
  const receivedAt = new Date(event.receivedAt);
  const effectiveAt = new Date(event.effectiveAt);
  const { employee } = event;
  return {
    sourceId: `hr:${event.source}:${event.eventId}`,
    kind: 'hr.event',
    at: receivedAt,
    employeeId: employee.employeeId,
    appId: null,
    action: `hr.${event.type}`,
    outcome: null,
    eventId: event.eventId,
    workflowId: null,
    actor: 'system',
    actorId: `hr:${event.source}`,
    rule: null,
    group: null,
    externalId: null,
    reason: null,
    effectiveAt: event.immediate && receivedAt < effectiveAt ? receivedAt : effectiveAt,
    details: canonicalJson({
      source: event.source,
      type: event.type,
      effectiveAt: event.effectiveAt,
      immediate: event.immediate ?? false,
      employee: {
        department: employee.department,
        title: employee.title,
        location: employee.location,
        managerId: employee.managerId,
        employmentType: employee.employmentType,
        endDate: employee.endDate,
      },
    }),
  };
}

export function recordFromDecision(decision: PlanDecisionMessage): NewAuditRecord {
  return {
    sourceId: decision.decisionId,
    kind: 'plan.decision',
    at: new Date(decision.at),
    employeeId: decision.employeeId,
    appId: null,
    action: `plan.${decision.decision}`,
    outcome: null,
    eventId: decision.eventId,
    workflowId: decision.workflowId,
    actor: decision.actor,
    actorId: decision.actorId ?? null,
    rule: null,
    group: null,
    externalId: null,
    reason: decision.reason ?? null,
    effectiveAt: decision.runAt ? new Date(decision.runAt) : null,
    details: canonicalJson({
      eventType: decision.eventType,
      runAt: decision.runAt,
      changes: decision.changes.map((change) => ({ ...change })),
    }),
  };
}

/** An access review's decision, reminder, escalation or report, or a separation-of-duties check. */
export function recordFromGovernance(message: GovernanceRecordMessage): NewAuditRecord {
  return {
    sourceId: message.recordId,
    kind: message.kind,
    at: new Date(message.at),
    employeeId: message.employeeId,
    appId: message.appId ?? null,
    action: message.action,
    outcome: message.outcome ?? null,
    eventId: message.subjectId,
    workflowId: message.workflowId ?? null,
    actor: message.actor,
    actorId: message.actorId ?? null,
    rule: message.rule ?? null,
    group: null,
    externalId: null,
    reason: message.reason ?? null,
    effectiveAt: null,
    details: message.details ? canonicalJson(message.details) : null,
  };
}
