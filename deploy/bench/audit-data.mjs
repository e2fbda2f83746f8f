// Synthetic audit data for ./tenure bench audit: Kafka messages for the ingest
// run, and chained rows (hashed with the service's own code from dist/) to
// seed a large chain quickly.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { recordHash, canonicalJson, GENESIS_HASH } = require('../../dist/apps/audit/src/ledger/record-hash.js');
const { hashedContentOf } = require('../../dist/apps/audit/src/ledger/audit-row.js');

export const APPS = ['slack', 'zoom', 'github', 'salesforce', 'jira', 'notion', 'figma', 'okta'];
export const EMPLOYEES = 50_000;
const ACCOUNT_ACTIONS = ['account.create', 'account.update', 'account.disable', 'group.add', 'sessions.revoke'];
const YEAR_MS = 365 * 24 * 3600 * 1000;

const pick = (list, n) => list[n % list.length];
export const employeeOf = (n) => `B${String(n % EMPLOYEES).padStart(6, '0')}`;

/** The n-th bench message: mostly outcomes, some HR events and plan decisions, as the stack produces them. */
export function benchMessage(run, n) {
  const employeeId = employeeOf(n * 7919);
  const eventId = `evt-${run}-${Math.floor(n / 10)}`;
  const workflowId = `employee-${employeeId}`;
  const at = new Date(Date.now() - (n % 1000) * 1000).toISOString();
  if (n % 10 === 0) {
    return {
      topic: 'tenure.hr.lifecycle.v1',
      key: employeeId,
      value: {
        eventId,
        source: 'generic',
        type: n % 20 === 0 ? 'terminate' : 'hire',
        effectiveAt: at,
        receivedAt: at,
        employee: {
          employeeId,
          email: `${employeeId.toLowerCase()}@example.com`,
          givenName: 'Bench',
          familyName: 'Person',
          department: 'Engineering',
          employmentType: 'employee',
        },
      },
    };
  }
  if (n % 10 === 1) {
    return {
      topic: 'tenure.lifecycle.decisions.v1',
      key: employeeId,
      value: {
        decisionId: `${workflowId}/${eventId}/planned/${n}`,
        at,
        employeeId,
        eventId,
        eventType: 'hire',
        workflowId,
        decision: 'planned',
        actor: 'system',
        changes: APPS.slice(0, 3).map((appId) => ({ appId, change: 'create', rule: 'engineering' })),
      },
    };
  }
  const appId = pick(APPS, n);
  const action = pick(ACCOUNT_ACTIONS, n >> 3);
  return {
    topic: 'tenure.lifecycle.outcomes.v1',
    key: employeeId,
    value: {
      outcomeId: `${workflowId}/${eventId}/${appId}/${action}/${n}`,
      at,
      employeeId,
      appId,
      action,
      outcome: n % 23 === 0 ? 'failed' : 'succeeded',
      eventId,
      workflowId,
      actor: n % 17 === 0 ? 'operator' : 'system',
      ...(n % 17 === 0 ? { actorId: 'bench.operator' } : {}),
      rule: 'engineering',
      ...(action === 'group.add' ? { group: 'eng' } : {}),
      ...(n % 23 === 0 ? { reason: 'the app answered 503' } : {}),
    },
  };
}

/** The n-th seeded record, spread over the last year, as the ledger would have chained it. */
function seededRecord(n, start) {
  const employeeId = employeeOf(n * 104_729);
  const at = new Date(start - YEAR_MS + Math.floor((n / 1_000_000) * YEAR_MS) + (n % 1000));
  const eventId = `evt-seed-${Math.floor(n / 8)}`;
  const workflowId = `employee-${employeeId}`;
  if (n % 50 === 0) {
    return {
      sourceId: `hr:generic:${eventId}-${n}`,
      kind: 'hr.event',
      at,
      employeeId,
      appId: null,
      action: n % 100 === 0 ? 'hr.terminate' : 'hr.hire',
      outcome: null,
      eventId,
      workflowId: null,
      actor: 'system',
      actorId: 'hr:generic',
      rule: null,
      group: null,
      externalId: null,
      reason: null,
      effectiveAt: at,
      details: canonicalJson({ source: 'generic', type: n % 100 === 0 ? 'terminate' : 'hire' }),
    };
  }
  const action = pick(ACCOUNT_ACTIONS, n >> 2);
  return {
    sourceId: `seed/${n}`,
    kind: 'outcome',
    at,
    employeeId,
    appId: pick(APPS, n),
    action,
    outcome: n % 23 === 0 ? 'failed' : 'succeeded',
    eventId,
    workflowId,
    actor: n % 17 === 0 ? 'operator' : 'system',
    actorId: n % 17 === 0 ? 'bench.operator' : null,
    rule: 'engineering',
    group: action === 'group.add' ? 'eng' : null,
    externalId: `ext-${n}`,
    reason: n % 23 === 0 ? 'the app answered 503' : null,
    effectiveAt: null,
    details: null,
  };
}

const COLUMNS = [
  ['seq', 'bigint'],
  ['id', 'uuid'],
  ['sourceId', 'text', 'source_id'],
  ['hashVersion', 'smallint', 'hash_version'],
  ['kind', 'text'],
  ['at', 'timestamptz'],
  ['recordedAt', 'timestamptz', 'recorded_at'],
  ['employeeId', 'text', 'employee_id'],
  ['appId', 'text', 'app_id'],
  ['action', 'text'],
  ['outcome', 'text'],
  ['eventId', 'text', 'event_id'],
  ['workflowId', 'text', 'workflow_id'],
  ['actor', 'text'],
  ['actorId', 'text', 'actor_id'],
  ['rule', 'text'],
  ['group', 'text', 'group_name'],
  ['externalId', 'text', 'external_id'],
  ['reason', 'text'],
  ['effectiveAt', 'timestamptz', 'effective_at'],
  ['details', 'text'],
  ['prevHash', 'text', 'prev_hash'],
  ['hash', 'text'],
];
const INSERT = `INSERT INTO audit_events (${COLUMNS.map(([k, , c]) => c ?? k).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

/** Appends `count` chained records after the chain's current end, in transactions of `chunk` rows. */
export async function seedChain(client, count, chunk = 20_000) {
  const start = Date.now();
  const iso = (v) => (v instanceof Date ? v.toISOString() : v);
  for (let done = 0; done < count; done += chunk) {
    await client.query('BEGIN');
    // The service's chain lock: the seed takes its turn like any ingest batch.
    await client.query('SELECT pg_advisory_xact_lock(7301004)');
    const [last] = (await client.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows;
    let seq = last ? BigInt(last.seq) : 0n;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = [];
    const recordedAt = new Date();
    for (let i = done; i < Math.min(count, done + chunk); i++) {
      seq += 1n;
      const row = {
        ...seededRecord(i, start),
        seq: String(seq),
        id: randomUUID(),
        hashVersion: 2,
        recordedAt,
        prevHash,
      };
      row.hash = recordHash(prevHash, hashedContentOf(row));
      prevHash = row.hash;
      rows.push(row);
    }
    await client.query(
      INSERT,
      COLUMNS.map(([key]) => rows.map((row) => iso(row[key]))),
    );
    await client.query('COMMIT');
  }
}
