import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { TOPICS } from '@tenure/contracts';
import { DEAD_LETTER_PUBLISHER, DeadLetterPublisher, createKafka } from '@tenure/kafka';
import { AuditLedgerService } from '../ledger/audit-ledger.service';
import type { NewAuditRecord } from '../ledger/new-audit-record';
import { AUDIT_LOGGER } from '../audit-logger';
import { AuditMetrics } from '../metrics/audit-metrics';
import { INGEST_SETTINGS, IngestSettings } from './ingest-settings';
import { INGESTED_TOPICS, IngestedTopic, parseIngestedMessage } from './ingest-message.parser';

/**
 * HR events are consumed by the orchestrator too, which parks the unreadable
 * ones on the dead-letter topic; a second letter for the same message would
 * only be noise, so here they are logged and passed over.
 */
const PARKED_BY_ANOTHER_CONSUMER: ReadonlySet<IngestedTopic> = new Set([TOPICS.hrLifecycle]);

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }: EachBatchPayload) {
    if (batch.messages.length === 0) return;
    const topic = batch.topic.slice(this.settings.topicPrefix.length) as IngestedTopic;
    const records: NewAuditRecord[] = [];
    for (const message of batch.messages) {
      const parsed = parseIngestedMessage(topic, message.value);
      if (parsed.ok) {
        records.push(parsed.record);
        continue;
      }
      const coordinates = { topic: batch.topic, partition: batch.partition, offset: message.offset };
      if (PARKED_BY_ANOTHER_CONSUMER.has(topic)) {
        this.logger.warn(
          { ...coordinates, errors: parsed.errors },
          'invalid message passed over (parked by its main consumer)',
        );
        continue;
      }
      this.logger.warn({ ...coordinates, errors: parsed.errors }, 'invalid message sent to the dead-letter topic');
      await this.deadLetter.publish(message.key?.toString() ?? 'unknown', {
        sourceTopic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        reason: parsed.reason,
        errors: parsed.errors,
        payload: parsed.payload,
      });
    }
    const result = await this.appendUntilDone(records, heartbeat, batch.partition);
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    this.metrics?.batchRecorded(topic, result.appended, Number(batch.messages[batch.messages.length - 1].timestamp));
    this.logger.debug({ topic: batch.topic, partition: batch.partition, ...result }, 'batch recorded');
  }

  /** Retries in place with back-off (the partition waits rather than lose a record) until it is stopped. */
  private async appendUntilDone(records: NewAuditRecord[], heartbeat: () => Promise<void>, partition: number) {
    let delay = FIRST_RETRY_MS;
    for (;;) {
      try {
        return await this.ledger.append(records);
      } catch (error) {
        if (this.stopping) throw error;
        this.logger.warn({ err: error, partition, retryInMs: delay }, 'batch not recorded yet; retrying');
        await sleep(delay);
        await heartbeat();
        delay = Math.min(MAX_RETRY_MS, delay * 2);
      }
    }
  }
}
