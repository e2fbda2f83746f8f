import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Consumer, EachBatchPayload } from 'kafkajs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LifecycleOutcomeMessage, TOPICS, validatePayload } from '@tenure/contracts';
import { createKafka } from '@tenure/kafka';
import { SecurityEvent, securityEventOf } from './ssf-events';
import { SSF_SETTINGS, SsfSettings } from './ssf-settings';
import { SsfStreamsService } from './ssf-streams.service';

export const SSF_LOGGER = Symbol('SSF_LOGGER');
export const SSF_CONSUMER_GROUP = 'tenure-ssf';

const RETRY_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Outcomes from Kafka into the SSF outbox, a batch at a time, in its own
 * consumer group (the audit chain's pace is not the receivers'): the tokens
 * of a batch are queued in one transaction and only then is the offset
 * committed. A crash in between redelivers the batch, and the outbox's
 * (stream, jti) key makes the second queueing a no-op. Messages that break
 * the outcome contract are passed over: the audit ingest parks them.
 */
@Injectable()
export class SsfOutcomeConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: Consumer;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly streams: SsfStreamsService,
    @Inject(SSF_SETTINGS) private readonly settings: SsfSettings,
    @Inject(SSF_LOGGER) private readonly logger: Logger,
  ) {
    this.consumer = createKafka('tenure-ssf', settings.brokers, logger).consumer({
      groupId: `${settings.topicPrefix}${SSF_CONSUMER_GROUP}`,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.connect();
    // From the beginning for a new group, so nothing is missed while it first joins; streams
    // hear only of what happened after they were created (enqueueForStreams).
    await this.consumer.subscribe({
      topics: [`${this.settings.topicPrefix}${TOPICS.lifecycleOutcomes}`],
      fromBeginning: true,
    });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
  }

  // eslint-disable-next-line @typescript-eslint/unbound-method -- kafkajs hands these over as closures; destructuring them is its documented use
  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }: EachBatchPayload) {
    const events: SecurityEvent[] = [];
    for (const message of batch.messages) {
      const outcome = this.parse(message.value);
      const event = outcome && securityEventOf(outcome);
      if (event) events.push(event);
    }
    while (!this.stopping) {
      try {
        const queued = await this.dataSource.transaction((manager) => this.streams.enqueueForStreams(events, manager));
        if (queued > 0) this.logger.info({ partition: batch.partition, queued }, 'security events queued');
        break;
      } catch (error) {
        // The database away: the batch waits, nothing is skipped.
        this.logger.warn({ err: error }, 'could not queue security events; retrying');
        await heartbeat();
        await sleep(RETRY_MS);
      }
    }
    if (this.stopping) return;
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
  }

  private parse(value: Buffer | null): LifecycleOutcomeMessage | undefined {
    try {
      const result = validatePayload(LifecycleOutcomeMessage, JSON.parse(value?.toString('utf8') ?? ''));
      return result.ok ? result.value : undefined;
    } catch {
      return undefined;
    }
  }
}
