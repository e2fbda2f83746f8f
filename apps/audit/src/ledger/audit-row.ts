import type { NewAuditRecord } from './new-audit-record';
import type { HashedContent } from './record-hash';

/** One record as read with AUDIT_ROW_COLUMNS: what was appended, plus what the ledger gave it. */
export interface AuditRow extends Omit<NewAuditRecord, 'kind'> {
  seq: string;
  id: string;
  hashVersion: number;
  /** A kind of today, or of an earlier hash version. */
  kind: string;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

/**
 * The select list that reads a whole record as an AuditRow (raw SQL, no entity hydration, for speed).
 * seq stays the bigint column (pg hands int8 over as a string): a cast alias would make ORDER BY seq sort text.
 */
export const AUDIT_ROW_COLUMNS = `seq, id, source_id AS "sourceId", hash_version AS "hashVersion",
  kind, at, recorded_at AS "recordedAt", employee_id AS "employeeId", app_id AS "appId", action, outcome,
  event_id AS "eventId", workflow_id AS "workflowId", actor, actor_id AS "actorId", rule, group_name AS "group",
  external_id AS "externalId", reason, effective_at AS "effectiveAt", details, prev_hash AS "prevHash", hash`;

/** What a record's hash covers, in the shape of the record's hash version. */
export function hashedContentOf(row: AuditRow): HashedContent {
  if (row.hashVersion === 1) {
    return {
      seq: row.seq,
      id: row.id,
      outcomeId: row.sourceId,
      at: row.at.toISOString(),
      recordedAt: row.recordedAt.toISOString(),
      employeeId: row.employeeId,
      appId: row.appId ?? '',
      action: row.action,
      outcome: row.outcome ?? '',
      eventId: row.eventId,
      workflowId: row.workflowId ?? '',
      actor: row.actor,
      externalId: row.externalId,
      reason: row.reason,
    };
  }
  return {
    hashVersion: 2,
    seq: row.seq,
    id: row.id,
    sourceId: row.sourceId,
    kind: row.kind,
    at: row.at.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    employeeId: row.employeeId,
    appId: row.appId,
    action: row.action,
    outcome: row.outcome,
    eventId: row.eventId,
    workflowId: row.workflowId,
    actor: row.actor,
    actorId: row.actorId,
    rule: row.rule,
    group: row.group,
    externalId: row.externalId,
    reason: row.reason,
    effectiveAt: row.effectiveAt?.toISOString() ?? null,
    details: row.details,
  };
}
