/**
 * What a record is about: a step against an app, an accepted HR event, the
 * orchestrator's plan for one, an access review's decision or report, or a
 * separation-of-duties check.
 */
export const AUDIT_RECORD_KINDS = ['outcome', 'hr.event', 'plan.decision', 'review', 'sod'] as const;
export type AuditRecordKind = (typeof AUDIT_RECORD_KINDS)[number];

/** A record before it takes its place in the chain (seq, id, hashes and recordedAt are the ledger's). */
export interface NewAuditRecord {
  /** Deterministic per source message (outcomeId, decisionId, `hr:<source>:<eventId>`): a redelivery is recognised. */
  sourceId: string;
  kind: AuditRecordKind;
  at: Date;
  employeeId: string;
  appId: string | null;
  action: string;
  outcome: string | null;
  eventId: string;
  workflowId: string | null;
  actor: string;
  actorId: string | null;
  rule: string | null;
  group: string | null;
  externalId: string | null;
  reason: string | null;
  effectiveAt: Date | null;
  /** Canonical JSON (canonicalJson) of what else the source said, or null. */
  details: string | null;
}
