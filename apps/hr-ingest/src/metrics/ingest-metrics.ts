import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { scrapedGauge, SERVICE_METRICS, ServiceMetrics } from '@tenure/observability';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AcceptanceStatus } from '../inbox/acceptance';

/**
 * hr-ingest's own figures: events accepted (or recognised as duplicates) and
 * requests refused, by HR source; and the outbox, whose backlog grows while
 * Kafka is away or the relay falls behind.
 */
@Injectable()
export class IngestMetrics {
  private readonly events: Counter<'source' | 'outcome'>;
  private readonly refusals: Counter<'source' | 'status'>;

  constructor(@Inject(SERVICE_METRICS) metrics: ServiceMetrics, @InjectDataSource() dataSource: DataSource) {
    const registry = metrics.registry;
    this.events = new Counter({
      name: 'tenure_ingest_events_total',
      help: 'HR events stored in the inbox (accepted) or recognised as already there (duplicate), by source',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    });
    this.refusals = new Counter({
      name: 'tenure_ingest_refusals_total',
      help: "Requests to an HR source's endpoint refused (4xx) or failed (5xx), by source and status code",
      labelNames: ['source', 'status'],
      registers: [registry],
    });
    scrapedGauge({
      name: 'tenure_ingest_outbox_backlog',
      help: 'Accepted events not yet published to Kafka',
      registry,
      read: async () => {
        const [row]: { count: string }[] = await dataSource.query(
          'SELECT count(*) AS count FROM outbox WHERE sent_at IS NULL',
        );
        return [{ labels: {}, value: Number(row.count) }];
      },
    });
    scrapedGauge({
      name: 'tenure_ingest_outbox_oldest_seconds',
      help: 'Age of the oldest accepted event not yet published to Kafka (0 when none waits)',
      registry,
      read: async () => {
        const [row]: { age: string | null }[] = await dataSource.query(
          'SELECT EXTRACT(EPOCH FROM now() - min(created_at)) AS age FROM outbox WHERE sent_at IS NULL',
        );
        return [{ labels: {}, value: Number(row.age ?? 0) }];
      },
    });
  }

  eventsStored(source: string, outcome: AcceptanceStatus, count = 1): void {
    this.events.inc({ source, outcome }, count);
  }

  requestRefused(source: string, status: number): void {
    this.refusals.inc({ source, status: String(status) });
  }
}
