import type { AuditRecordEntity } from '../ledger/audit-record.entity';

export interface AuditEventView {
  id: string;
  seq: string;
  at: string;
  recordedAt: string;
  employeeId: string;
  appId: string;
  action: string;
  outcome: string;
  eventId: string;
  workflowId: string;
  actor: string;
  externalId: string | null;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export function toAuditEventView(record: AuditRecordEntity): AuditEventView {
  return {
    id: record.id,
    seq: String(record.seq),
    at: record.at.toISOString(),
    recordedAt: record.recordedAt.toISOString(),
    employeeId: record.employeeId,
    appId: record.appId,
    action: record.action,
    outcome: record.outcome,
    eventId: record.eventId,
    workflowId: record.workflowId,
    actor: record.actor,
    externalId: record.externalId,
    reason: record.reason,
    prevHash: record.prevHash,
    hash: record.hash,
  };
}
