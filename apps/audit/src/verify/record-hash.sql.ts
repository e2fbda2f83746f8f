/**
 * The record hash (record-hash.ts) computed by PostgreSQL itself, so the chain
 * is verified where it lives instead of shipping every row to Node.js. Each
 * value is encoded as JSON.stringify would: to_json escapes strings exactly as
 * it does, timestamps are formatted as toISOString formats them, and the keys
 * are sorted as canonicalEncoding sorts them. The integration tests verify
 * chains written by the ledger's JavaScript hashing with this expression.
 */
type Encoding = 'text' | 'timestamp' | 'number' | 'textOrEmpty';

const encode = (column: string, as: Encoding): string => {
  switch (as) {
    case 'text':
      return `COALESCE(to_json(${column}::text)::text, 'null')`;
    case 'textOrEmpty':
      return `to_json(COALESCE(${column}::text, ''))::text`;
    case 'timestamp':
      return `COALESCE(to_json(to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null')`;
    case 'number':
      return `COALESCE(${column}::text, 'null')`;
  }
};

/** Key of the hashed content → column and how it is encoded. */
const V2: Record<string, [string, Encoding]> = {
  hashVersion: ['hash_version', 'number'],
  seq: ['seq', 'text'],
  id: ['id', 'text'],
  sourceId: ['source_id', 'text'],
  kind: ['kind', 'text'],
  at: ['at', 'timestamp'],
  recordedAt: ['recorded_at', 'timestamp'],
  employeeId: ['employee_id', 'text'],
  appId: ['app_id', 'text'],
  action: ['action', 'text'],
  outcome: ['outcome', 'text'],
  eventId: ['event_id', 'text'],
  workflowId: ['workflow_id', 'text'],
  actor: ['actor', 'text'],
  actorId: ['actor_id', 'text'],
  rule: ['rule', 'text'],
  group: ['group_name', 'text'],
  externalId: ['external_id', 'text'],
  reason: ['reason', 'text'],
  effectiveAt: ['effective_at', 'timestamp'],
  details: ['details', 'text'],
};

/** Version 1 records had no kinds; their app, outcome and workflow were never empty (hashedContentOf reads null as ''). */
const V1: Record<string, [string, Encoding]> = {
  seq: ['seq', 'text'],
  id: ['id', 'text'],
  outcomeId: ['source_id', 'text'],
  at: ['at', 'timestamp'],
  recordedAt: ['recorded_at', 'timestamp'],
  employeeId: ['employee_id', 'text'],
  appId: ['app_id', 'textOrEmpty'],
  action: ['action', 'text'],
  outcome: ['outcome', 'textOrEmpty'],
  eventId: ['event_id', 'text'],
  workflowId: ['workflow_id', 'textOrEmpty'],
  actor: ['actor', 'text'],
  externalId: ['external_id', 'text'],
  reason: ['reason', 'text'],
};

function canonicalSql(fields: Record<string, [string, Encoding]>): string {
  const members = Object.keys(fields)
    .sort()
    .map((key) => `'${JSON.stringify(key)}:' || ${encode(...fields[key])}`);
  return `'{' || ${members.join(` || ',' || `)} || '}'`;
}

/** SHA-256 (hex) of prev_hash, a newline and the record's canonical content, per the record's hash version. */
export const COMPUTED_HASH_SQL = `encode(pg_catalog.sha256(convert_to(prev_hash || E'\\n' ||
  CASE hash_version WHEN 1 THEN ${canonicalSql(V1)} ELSE ${canonicalSql(V2)} END, 'UTF8')), 'hex')`;
