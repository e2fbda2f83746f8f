import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KAFKA_PUBLISHER, KafkaPublisher } from '@tenure/kafka';
import type { OutboxMessageEntity } from './outbox-message.entity';

type PendingMessage = Pick<OutboxMessageEntity, 'id' | 'topic' | 'messageKey' | 'payload'>;

const BATCH_SIZE = 500;
const IDLE_POLL_MS = 1_000;
const MAX_BACKOFF_MS = 5_000;
const LINGER_MS = 20;
/**
 * One relay at a time publishes, whatever the number of replicas: order per
 * employee depends on it. The lock is per schema, so environments sharing a
 * database never wait for each other's relay.
 */
const RELAY_LOCK = `SELECT pg_try_advisory_xact_lock(hashtext('tenure-outbox-relay:' || current_schema())) AS locked`;

/**
 * Publishes the outbox to Kafka in id order and marks rows sent. Runs on a
 * wake-up after each acceptance (low latency) and on a poll (rows left by a
 * crash or a Kafka outage). A row is marked sent only after Kafka acknowledged
 * it, so delivery is at least once; consumers drop repeats by event id.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private stopped = false;
  private loop?: Promise<void>;
  private wakeUpNow?: () => void;
  private pendingWake = false;
  private lastSent = 0;
  private lockMissed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA_PUBLISHER) private readonly publisher: KafkaPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  wake(): void {
    this.pendingWake = true;
    this.wakeUpNow?.();
  }

  /** Publishes one batch; returns how many rows it sent. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(RELAY_LOCK);
      this.lockMissed = !locked;
      if (!locked) return 0;
      // Plain rows, not entities: a batch can hold hundreds of messages, and they only pass through.
      const rows: PendingMessage[] = await manager.query(
        `SELECT id, topic, message_key AS "messageKey", payload
         FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await this.publishInOrder(rows);
      await manager.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async publishInOrder(rows: PendingMessage[]): Promise<void> {
    // Consecutive rows of one topic go in one send; the idempotent producer keeps their order.
    let start = 0;
    while (start < rows.length) {
      let end = start;
      while (end < rows.length && rows[end].topic === rows[start].topic) end++;
      const slice = rows.slice(start, end);
      await this.publisher.publish(
        slice[0].topic,
        slice.map((row) => ({ key: row.messageKey, value: row.payload })),
      );
      start = end;
    }
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (!this.stopped) {
      this.pendingWake = false;
      try {
        const sent = await this.relayBatch();
        this.lastSent = sent;
        backoff = 0;
        if (sent === BATCH_SIZE) continue;
      } catch (error) {
        backoff = Math.min(MAX_BACKOFF_MS, backoff === 0 ? 250 : backoff * 2);
        this.logger.warn({ err: error, retryInMs: backoff }, 'outbox relay could not publish; will retry');
      }
      // After a failure, wake-ups do not cut the back-off short: Kafka gets time to recover.
      if (backoff > 0) await this.sleep(backoff, false);
      else if (!this.pendingWake) await this.sleep(IDLE_POLL_MS, true);
      // Under a steady stream, a moment's wait lets one batch carry many events instead of one each.
      // So does another process holding the relay lock: it is publishing these rows.
      else if (this.lastSent > 0 || this.lockMissed) await this.sleep(LINGER_MS, false);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUpNow = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUpNow = () => {
        if (wakeable || this.stopped) done();
      };
    });
  }
}
