import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { TOPICS } from '@tenure/contracts';
import { Acceptance, InboxEntry, KnownEmployee } from './acceptance';

const INSERT_INBOX = `
  INSERT INTO inbox_events (source, event_id, employee_id, type, effective_at, received_at, payload)
  SELECT source, event_id, employee_id, type, effective_at, received_at, payload
  FROM jsonb_to_recordset($1::jsonb) AS t(ord int, source text, event_id text, employee_id text, type text,
    effective_at timestamptz, received_at timestamptz, payload jsonb)
  ORDER BY ord
  ON CONFLICT ON CONSTRAINT inbox_events_source_event_id DO NOTHING
  RETURNING source, event_id`;

// Identity values follow the SELECT's order, so the relay publishes a batch in arrival order.
const INSERT_OUTBOX = `
  INSERT INTO outbox (topic, message_key, payload)
  SELECT topic, message_key, payload
  FROM jsonb_to_recordset($1::jsonb) AS t(ord int, topic text, message_key text, payload jsonb)
  ORDER BY ord`;

const UPSERT_SNAPSHOTS = `
  INSERT INTO employee_snapshots (employee_id, employee, last_type, last_event_id, last_content_hash, updated_at)
  SELECT employee_id, employee, last_type, last_event_id, last_content_hash, now()
  FROM jsonb_to_recordset($1::jsonb)
    AS t(employee_id text, employee jsonb, last_type text, last_event_id text, last_content_hash text)
  ON CONFLICT (employee_id) DO UPDATE SET employee = EXCLUDED.employee, last_type = EXCLUDED.last_type,
    last_event_id = EXCLUDED.last_event_id, last_content_hash = EXCLUDED.last_content_hash,
    updated_at = EXCLUDED.updated_at`;

interface SnapshotRow {
  employee_id: string;
  employee: KnownEmployee['employee'];
  last_type: KnownEmployee['lastType'];
  last_event_id: string;
  last_content_hash: string | null;
}

const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

const keyOf = (source: string, eventId: string): string => `${source}\u0000${eventId}`;

/**
 * Writes a batch of events with one statement per table, in one transaction:
 * the inbox rows (a repeated source and event id is skipped), an outbox message
 * per new event, and the people's latest records.
 */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One transaction on a connection of TypeORM's own pool, spoken to directly:
   * this runs for every accepted batch, and the plain driver costs a fraction
   * of TypeORM's query runner.
   */
  async store(entries: InboxEntry[]): Promise<Acceptance[]> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    let failed = false;
    try {
      await client.query('BEGIN');
      const acceptances = await this.storeIn(client, entries);
      await client.query('COMMIT');
      return acceptances;
    } catch (error) {
      failed = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed mid-transaction is not trusted again.
      client.release(failed);
    }
  }

  async known(employeeIds: string[]): Promise<Map<string, KnownEmployee>> {
    // Only a valid employee id can have been stored; anything else (NUL bytes included) is simply unknown.
    const unique = [...new Set(employeeIds)].filter((id) => EMPLOYEE_ID.test(id));
    if (unique.length === 0) return new Map();
    const rows: SnapshotRow[] = await this.dataSource.query(
      `SELECT employee_id, employee, last_type, last_event_id, last_content_hash
       FROM employee_snapshots WHERE employee_id = ANY($1::text[])`,
      [unique],
    );
    return new Map(
      rows.map((row) => [
        row.employee_id,
        {
          employee: row.employee,
          lastType: row.last_type,
          lastEventId: row.last_event_id,
          lastContentHash: row.last_content_hash,
        },
      ]),
    );
  }

  private async storeIn(client: PoolClient, entries: InboxEntry[]): Promise<Acceptance[]> {
    const events = entries.map((entry) => entry.event);
    const contentHashOf = new Map(entries.map((entry) => [entry.event, entry.contentHash]));
    // A repeat inside the batch is a duplicate of its first occurrence.
    const firstIndex = new Map<string, number>();
    events.forEach((event, index) => {
      const key = keyOf(event.source, event.eventId);
      if (!firstIndex.has(key)) firstIndex.set(key, index);
    });
    const candidates = [...firstIndex.values()].map((index) => events[index]);
    const { rows: inserted } = await client.query<{ source: string; event_id: string }>(INSERT_INBOX, [
      JSON.stringify(
        candidates.map((event, ord) => ({
          ord,
          source: event.source,
          event_id: event.eventId,
          employee_id: event.employee.employeeId,
          type: event.type,
          effective_at: event.effectiveAt,
          received_at: event.receivedAt,
          payload: event,
        })),
      ),
    ]);
    const insertedKeys = new Set(inserted.map((row) => keyOf(row.source, row.event_id)));
    const fresh = candidates.filter((event) => insertedKeys.has(keyOf(event.source, event.eventId)));
    if (fresh.length > 0) {
      await client.query(INSERT_OUTBOX, [
        JSON.stringify(
          fresh.map((event, ord) => ({
            ord,
            topic: TOPICS.hrLifecycle,
            message_key: event.employee.employeeId,
            payload: event,
          })),
        ),
      ]);
      const latest = new Map(fresh.map((event) => [event.employee.employeeId, event]));
      await client.query(UPSERT_SNAPSHOTS, [
        JSON.stringify(
          [...latest.values()].map((event) => ({
            employee_id: event.employee.employeeId,
            employee: event.employee,
            last_type: event.type,
            last_event_id: event.eventId,
            last_content_hash: contentHashOf.get(event) ?? null,
          })),
        ),
      ]);
    }
    return events.map((event, index) => {
      const key = keyOf(event.source, event.eventId);
      const isNew = firstIndex.get(key) === index && insertedKeys.has(key);
      return { eventId: event.eventId, status: isNew ? 'accepted' : 'duplicate' };
    });
  }
}
