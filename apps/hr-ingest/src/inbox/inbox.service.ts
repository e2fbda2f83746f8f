import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { isDataError } from '@tenure/database';
import type { LifecycleEvent } from '@tenure/domain';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { Acceptance, InboxEntry, KnownEmployee } from './acceptance';
import { GroupCommit } from './group-commit';
import { InboxRepository } from './inbox.repository';

/** Seconds a client is asked to wait when the database cannot take the event. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Accepting means durable: the inbox row and its outbox message commit together
 * before the HR system hears yes. The unique (source, event id) makes a repeated
 * delivery a no-op that answers "duplicate". Concurrent single events share a
 * transaction (group commit); imports hand over whole batches.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);
  private readonly groupCommit = new GroupCommit<InboxEntry, Acceptance>(
    (entries) => this.write(entries),
    1_000,
    // PostgreSQL refused one event's values: write the others one by one rather than fail them all.
    isDataError,
  );

  constructor(
    private readonly repository: InboxRepository,
    private readonly relay: OutboxRelayService,
    private readonly metrics: IngestMetrics,
  ) {}

  /** One event; `contentHash` identifies the request it came from, for sources that send state. */
  accept(event: LifecycleEvent, contentHash?: string): Promise<Acceptance> {
    return this.groupCommit.submit({ event, contentHash }).catch((error: unknown) => {
      throw this.unavailable(error);
    });
  }

  /** Stores events in one transaction, in the given order: all of them or, on failure, none. */
  acceptMany(entries: InboxEntry[]): Promise<Acceptance[]> {
    return this.store(entries);
  }

  private async store(entries: InboxEntry[]): Promise<Acceptance[]> {
    try {
      return await this.write(entries);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private async write(entries: InboxEntry[]): Promise<Acceptance[]> {
    if (entries.length === 0) return [];
    const acceptances = await this.repository.store(entries);
    this.relay.wake();
    acceptances.forEach((acceptance, i) => this.metrics.eventsStored(entries[i].event.source, acceptance.status));
    return acceptances;
  }

  /** What Tenure last accepted for each of these people (those it knows). */
  known(employeeIds: string[]): Promise<Map<string, KnownEmployee>> {
    return this.repository.known(employeeIds);
  }

  /** The database is away or refused the write: the sender keeps the event and retries. */
  private unavailable(error: unknown): ServiceUnavailableException {
    this.logger.error({ err: error }, 'could not store HR events; the sender is asked to retry');
    return new ServiceUnavailableException({
      error: 'unavailable',
      message: `the event could not be stored; retry in ${RETRY_AFTER_SECONDS} seconds`,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
}
