import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KAFKA_READINESS, KafkaReadiness } from '@tenure/kafka';
import { scrapedGauge, SERVICE_METRICS, ServiceMetrics } from '@tenure/observability';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { INGESTED_TOPICS } from '../ingest/ingest-message.parser';
import { INGEST_SETTINGS, IngestSettings } from '../ingest/ingest-settings';

/**
 * Whether the record keeps up: records chained per topic, how far behind the
 * newest message each topic's ingest is (Kafka, read when Prometheus scrapes,
 * so a stopped consumer still shows), how old the last message recorded was
 * when it was chained, and the chain's length.
 */
@Injectable()
export class AuditMetrics {
  private readonly records: Counter<'topic'>;
  private readonly lag: Gauge<'topic'>;

  constructor(
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
    @InjectDataSource() dataSource: DataSource,
    @Inject(KAFKA_READINESS) kafka: KafkaReadiness,
    @Inject(INGEST_SETTINGS) settings: IngestSettings,
  ) {
    const registry = metrics.registry;
    this.records = new Counter({
      name: 'tenure_audit_records_total',
      help: 'Records appended to the chain, by the topic they came from (redeliveries not counted)',
      labelNames: ['topic'],
      registers: [registry],
    });
    this.lag = new Gauge({
      name: 'tenure_audit_ingest_lag_seconds',
      help: 'Age of the newest message of the last batch recorded, at the moment it was chained, by topic',
      labelNames: ['topic'],
      registers: [registry],
    });
    scrapedGauge({
      name: 'tenure_audit_ingest_backlog_messages',
      help: 'Messages on each ingested topic that the audit consumer group has not committed yet',
      labelNames: ['topic'],
      registry,
      read: () =>
        kafka.withAdmin(async (admin) => {
          const topics = INGESTED_TOPICS.map((topic) => `${settings.topicPrefix}${topic}`);
          const committed = await admin.fetchOffsets({ groupId: `${settings.topicPrefix}${settings.groupId}`, topics });
          return Promise.all(
            INGESTED_TOPICS.map(async (topic, i) => {
              const ends = await admin.fetchTopicOffsets(topics[i]);
              const done = new Map(
                (committed.find((c) => c.topic === topics[i])?.partitions ?? []).map((p) => [p.partition, p.offset]),
              );
              // A partition never committed (-1) is behind by everything on it.
              const behind = ends.reduce((sum, end) => {
                const at = Number(done.get(end.partition) ?? -1);
                return sum + Math.max(0, Number(end.high) - Math.max(at, Number(end.low)));
              }, 0);
              return { labels: { topic }, value: behind };
            }),
          );
        }),
    });
    scrapedGauge({
      name: 'tenure_audit_chain_length',
      help: 'Records in the hash chain (the last seq: seq has no gaps)',
      registry,
      read: async () => {
        const [row]: { seq: string | null }[] = await dataSource.query('SELECT max(seq) AS seq FROM audit_events');
        return [{ labels: {}, value: Number(row.seq ?? 0) }];
      },
    });
  }

  batchRecorded(topic: string, appended: number, newestMessageAt: number): void {
    this.records.inc({ topic }, appended);
    this.lag.set({ topic }, Math.max(0, (Date.now() - newestMessageAt) / 1000));
  }
}
