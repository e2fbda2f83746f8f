import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRow, hashedContentOf } from './audit-row';
import type { NewAuditRecord } from './new-audit-record';
import { GENESIS_HASH, recordHash } from './record-hash';

/** Appends to the chain one transaction at a time, whatever the number of audit replicas. */
const CHAIN_LOCK_KEY = 7_301_004;

/** Rows per INSERT statement: arrays keep it to one bind parameter per column. */
const INSERT_CHUNK = 5_000;

export const CURRENT_HASH_VERSION = 2;

export interface AppendResult {
  appended: number;
  duplicates: number;
}

const INSERT_SQL = `
  INSERT INTO audit_events (seq, id, source_id, hash_version, kind, at, recorded_at, employee_id, app_id, action,
    outcome, event_id, workflow_id, actor, actor_id, rule, group_name, external_id, reason, effective_at, details,
    prev_hash, hash)
  SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::smallint[], $5::text[], $6::timestamptz[],
    $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
    $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::timestamptz[], $21::text[], $22::text[],
    $23::text[])`;

function insertParameters(rows: AuditRow[]): unknown[][] {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return [
    rows.map((r) => r.seq),
    rows.map((r) => r.id),
    rows.map((r) => r.sourceId),
    rows.map((r) => r.hashVersion),
    rows.map((r) => r.kind),
    rows.map((r) => iso(r.at)),
    rows.map((r) => iso(r.recordedAt)),
    rows.map((r) => r.employeeId),
    rows.map((r) => r.appId),
    rows.map((r) => r.action),
    rows.map((r) => r.outcome),
    rows.map((r) => r.eventId),
    rows.map((r) => r.workflowId),
    rows.map((r) => r.actor),
    rows.map((r) => r.actorId),
    rows.map((r) => r.rule),
    rows.map((r) => r.group),
    rows.map((r) => r.externalId),
    rows.map((r) => r.reason),
    rows.map((r) => iso(r.effectiveAt)),
    rows.map((r) => r.details),
    rows.map((r) => r.prevHash),
    rows.map((r) => r.hash),
  ];
}

/** Timestamps are kept to the millisecond, as JavaScript reads them back, so a hash recomputes exactly. */
const toMillis = (date: Date | null): Date | null => (date ? new Date(date.getTime()) : null);

/**
 * The append-only, hash-chained record. A whole batch is chained in one
 * transaction; a record seen before (a Kafka redelivery, a re-published step)
 * is recognised by its source id and never makes a second record.
 */
@Injectable()
export class AuditLedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  append(records: NewAuditRecord[]): Promise<AppendResult> {
    const unique = [...new Map(records.map((record) => [record.sourceId, record])).values()];
    if (unique.length === 0) return Promise.resolve({ appended: 0, duplicates: records.length });
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
      const seen: { source_id: string }[] = await manager.query(
        'SELECT source_id FROM audit_events WHERE source_id = ANY($1::text[])',
        [unique.map((record) => record.sourceId)],
      );
      const known = new Set(seen.map((row) => row.source_id));
      const fresh = unique.filter((record) => !known.has(record.sourceId));
      await this.insertChained(manager, fresh);
      return { appended: fresh.length, duplicates: records.length - fresh.length };
    });
  }

  private async insertChained(manager: EntityManager, records: NewAuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const [last]: { seq: string; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    let seq = last ? BigInt(last.seq) : 0n;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const recordedAt = new Date();
    const rows = records.map((record): AuditRow => {
      seq += 1n;
      const row: AuditRow = {
        ...record,
        at: toMillis(record.at) as Date,
        effectiveAt: toMillis(record.effectiveAt),
        seq: String(seq),
        id: randomUUID(),
        hashVersion: CURRENT_HASH_VERSION,
        recordedAt,
        prevHash,
        hash: '',
      };
      row.hash = recordHash(prevHash, hashedContentOf(row));
      prevHash = row.hash;
      return row;
    });
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager.query(INSERT_SQL, insertParameters(rows.slice(start, start + INSERT_CHUNK)));
    }
  }
}
