import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { FieldError, TOPICS } from '@tenure/contracts';
import { isDataError } from '@tenure/database';
import { DEAD_LETTER_PUBLISHER, DeadLetterPublisher, createKafka } from '@tenure/kafka';
import { AppendResult, AuditLedgerService } from '../ledger/audit-ledger.service';
import type { NewAuditRecord } from '../ledger/new-audit-record';
import { AUDIT_LOGGER } from '../audit-logger';
import { AuditMetrics } from '../metrics/audit-metrics';
import { INGEST_SETTINGS, IngestSettings } from './ingest-settings';
import { INGESTED_TOPICS, IngestedTopic, parseIngestedMessage, UNRECORDABLE } from './ingest-message.parser';

/**
 * HR events are consumed by the orchestrator too, which parks the ones that
 * break the contract on the dead-letter topic; a second letter for the same
 * message would only be noise, so here they are logged and passed over. One
 * that follows the contract but cannot be recorded is parked here.
 */
const PARKED_BY_ANOTHER_CONSUMER: ReadonlySet<IngestedTopic> = new Set([TOPICS.hrLifecycle]);

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A record waiting to be appended, with the message it came from (to park it if it cannot be). */
interface PendingRecord {
  record: NewAuditRecord;
  message: KafkaMessage;
}

/**
 * Whether appending failed because of a record in it rather than the
 * database: PostgreSQL refused a value, or hashing could not read one. Those
 * fail the same way every time; anything else (the database away, a lost
 * connection) is tried again, without skipping a record.
 */
export function refusedForItsData(error: unknown): boolean {
  return isDataError(error) || error instanceof RangeError || error instanceof TypeError;
}

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Outcomes, HR events and plan decisions from Kafka into the chain, a batch at
 * a time: each partition's batch is parsed, what cannot be parsed goes to the
 * dead-letter topic, the rest is chained in one transaction, and only then are
 * the offsets committed. A crash in between means a redelivery, which the
 * ledger recognises by source id.
 */
@Injectable()
export class AuditIngestConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: Consumer;
  private stopping = false;

  constructor(
    private readonly ledger: AuditLedgerService,
    @Inject(DEAD_LETTER_PUBLISHER) private readonly deadLetter: DeadLetterPublisher,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(AUDIT_LOGGER) private readonly logger: Logger,
    @Optional() private readonly metrics?: AuditMetrics,
  ) {
    const kafka: Kafka = createKafka(settings.clientId, settings.brokers, logger);
    this.consumer = kafka.consumer({
      // The prefix keeps dev and test consumers of the same topic apart.
      groupId: `${settings.topicPrefix}${settings.groupId}`,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: INGESTED_TOPICS.map((topic) => `${this.settings.topicPrefix}${topic}`),
      fromBeginning: true,
    });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
  }

  // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs hands these over as closures; destructuring them is its documented use
  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }: EachBatchPayload) {
    if (batch.messages.length === 0) return;
    const topic = batch.topic.slice(this.settings.topicPrefix.length) as IngestedTopic;
    const pending: PendingRecord[] = [];
    for (const message of batch.messages) {
      const parsed = parseIngestedMessage(topic, message.value);
      if (parsed.ok) {
        pending.push({ record: parsed.record, message });
        continue;
      }
      if (PARKED_BY_ANOTHER_CONSUMER.has(topic) && parsed.reason !== UNRECORDABLE) {
        this.logger.warn(
          { topic: batch.topic, partition: batch.partition, offset: message.offset, errors: parsed.errors },
          'invalid message passed over (parked by its main consumer)',
        );
        continue;
      }
      await this.park(batch, message, { reason: parsed.reason, errors: parsed.errors, payload: parsed.payload });
    }
    const result = await this.appendUntilDone(pending, batch, heartbeat);
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    this.metrics?.batchRecorded(topic, result.appended, Number(batch.messages[batch.messages.length - 1].timestamp));
    this.logger.debug({ topic: batch.topic, partition: batch.partition, ...result }, 'batch recorded');
  }

  private async park(
    batch: Batch,
    message: KafkaMessage,
    letter: { reason: string; errors: FieldError[]; payload: unknown },
  ): Promise<void> {
    const coordinates = { topic: batch.topic, partition: batch.partition, offset: message.offset };
    this.logger.warn(
      { ...coordinates, reason: letter.reason, errors: letter.errors },
      'message sent to the dead-letter topic',
    );
    await this.deadLetter.publish(message.key?.toString() ?? 'unknown', {
      sourceTopic: batch.topic,
      partition: batch.partition,
      offset: message.offset,
      ...letter,
    });
  }

  /**
   * Appends the batch in one transaction, retried in place with back-off (the
   * partition waits rather than lose a record) until it is stopped. When a
   * record in it is refused for its data, the records are appended one by one
   * instead and the refused ones parked, so one bad message never holds the rest.
   */
  private async appendUntilDone(
    pending: PendingRecord[],
    batch: Batch,
    heartbeat: () => Promise<void>,
  ): Promise<AppendResult> {
    const all = await this.retrying(batch, heartbeat, () => this.ledger.append(pending.map((p) => p.record)));
    if (all.ok) return all.result;
    this.logger.warn(
      { topic: batch.topic, partition: batch.partition, err: all.error },
      'batch refused; recording one by one',
    );
    const total: AppendResult = { appended: 0, duplicates: 0 };
    for (const item of pending) {
      const one = await this.retrying(batch, heartbeat, () => this.ledger.append([item.record]));
      if (one.ok) {
        total.appended += one.result.appended;
        total.duplicates += one.result.duplicates;
        continue;
      }
      await this.park(batch, item.message, {
        reason: UNRECORDABLE,
        errors: [{ field: '', message: reasonOf(one.error) }],
        payload: item.message.value?.toString('utf8') ?? '',
      });
    }
    return total;
  }

  /** Runs an append until it succeeds or is refused for its data; the infrastructure failing is waited out. */
  private async retrying(
    batch: Batch,
    heartbeat: () => Promise<void>,
    append: () => Promise<AppendResult>,
  ): Promise<{ ok: true; result: AppendResult } | { ok: false; error: unknown }> {
    let delay = FIRST_RETRY_MS;
    for (;;) {
      try {
        return { ok: true, result: await append() };
      } catch (error) {
        if (refusedForItsData(error)) return { ok: false, error };
        if (this.stopping) throw error;
        this.logger.warn(
          { err: error, partition: batch.partition, retryInMs: delay },
          'batch not recorded yet; retrying',
        );
        await sleep(delay);
        await heartbeat();
        delay = Math.min(MAX_RETRY_MS, delay * 2);
      }
    }
  }
}
