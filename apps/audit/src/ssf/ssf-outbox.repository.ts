import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PUSH_DELIVERY } from './ssf-events';

export interface QueuedSet {
  streamId: string;
  jti: string;
  setJwt: string;
}

export interface PushDue {
  seq: string;
  streamId: string;
  jti: string;
  setJwt: string;
  attempts: number;
  endpointUrl: string;
  authorizationHeader?: string;
}

/** Waits between push attempts: 1 s, 2 s, 4 s ... up to 5 minutes; a token is never dropped for being late. */
const MAX_BACKOFF_SECONDS = 300;

/**
 * The outbox of Security Event Tokens, one row per stream and token: queued
 * in the transaction that reads them from Kafka, kept until the receiver
 * took them (push: answered 202; poll: acknowledged), so a restart of either
 * side loses none.
 */
@Injectable()
export class SsfOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues tokens; one already queued for its stream (a redelivered outcome) is left as it is. */
  async enqueue(sets: QueuedSet[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (sets.length === 0) return 0;
    const rows: { seq: string }[] = await manager.query(
      `INSERT INTO ssf_outbox (stream_id, jti, set_jwt)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (stream_id, jti) DO NOTHING RETURNING seq`,
      [sets.map((s) => s.streamId), sets.map((s) => s.jti), sets.map((s) => s.setJwt)],
    );
    return rows.length;
  }

  /** Push tokens due now, locked for this worker (other replicas skip them). */
  duePush(manager: EntityManager, limit: number): Promise<PushDue[]> {
    return manager.query(
      `SELECT o.seq, o.stream_id AS "streamId", o.jti, o.set_jwt AS "setJwt", o.attempts,
              s.config->'delivery'->>'endpoint_url' AS "endpointUrl",
              s.config->'delivery'->>'authorization_header' AS "authorizationHeader"
         FROM ssf_outbox o JOIN ssf_streams s USING (stream_id)
        WHERE o.delivered_at IS NULL AND o.next_attempt_at <= now()
          AND s.status = 'enabled' AND s.config->'delivery'->>'method' = $1
        ORDER BY o.seq LIMIT $2
        FOR UPDATE OF o SKIP LOCKED`,
      [PUSH_DELIVERY, limit],
    );
  }

  async delivered(manager: EntityManager, seq: string, error?: string): Promise<void> {
    await manager.query(`UPDATE ssf_outbox SET delivered_at = now(), last_error = $2 WHERE seq = $1`, [
      seq,
      error ?? null,
    ]);
  }

  async retryLater(manager: EntityManager, seq: string, attempts: number, error: string): Promise<void> {
    const wait = Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
    await manager.query(
      `UPDATE ssf_outbox SET attempts = attempts + 1, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3) WHERE seq = $1`,
      [seq, error.slice(0, 500), wait],
    );
  }

  /** Poll: the oldest tokens not yet acknowledged, oldest first. */
  async pending(streamId: string, limit: number): Promise<{ jti: string; setJwt: string }[]> {
    return this.dataSource.query(
      `SELECT jti, set_jwt AS "setJwt" FROM ssf_outbox
        WHERE stream_id = $1 AND delivered_at IS NULL ORDER BY seq LIMIT $2`,
      [streamId, limit],
    );
  }

  async hasMore(streamId: string, after: number): Promise<boolean> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM (SELECT 1 FROM ssf_outbox WHERE stream_id = $1 AND delivered_at IS NULL LIMIT $2) t`,
      [streamId, after + 1],
    );
    return Number(row.count) > after;
  }

  /** Poll: tokens the receiver acknowledged, or reported errors for (RFC 8936 §2.4), are done. */
  async acknowledge(streamId: string, jtis: string[], errors: Record<string, string> = {}): Promise<void> {
    if (jtis.length > 0) {
      await this.dataSource.query(
        `UPDATE ssf_outbox SET delivered_at = now() WHERE stream_id = $1 AND jti = ANY($2) AND delivered_at IS NULL`,
        [streamId, jtis],
      );
    }
    for (const [jti, error] of Object.entries(errors)) {
      await this.dataSource.query(
        `UPDATE ssf_outbox SET delivered_at = now(), last_error = $3
          WHERE stream_id = $1 AND jti = $2 AND delivered_at IS NULL`,
        [streamId, jti, error.slice(0, 500)],
      );
    }
  }
}
