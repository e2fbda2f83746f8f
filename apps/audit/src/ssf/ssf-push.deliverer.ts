import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SSF_LOGGER } from './ssf-outcome.consumer';
import { PushDue, SsfOutboxRepository } from './ssf-outbox.repository';

const IDLE_MS = 500;
const BATCH = 20;
const REQUEST_TIMEOUT_MS = 5_000;

type Attempt = { done: true; rejected?: string } | { done: false; error: string };

/**
 * RFC 8935 push: each queued token is POSTed to its stream's endpoint as
 * `application/secevent+jwt` until the receiver answers 202. A 400 is the
 * receiver refusing that token for good (RFC 8935 §2.3): it is kept with the
 * reason and not sent again. Anything else (a 5xx, a timeout, the receiver
 * away) is retried with back-off; the row stays in PostgreSQL meanwhile.
 * Rows are locked per batch with SKIP LOCKED, so replicas share the work.
 */
@Injectable()
export class SsfPushDeliverer implements OnApplicationBootstrap, OnApplicationShutdown {
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: SsfOutboxRepository,
    @Inject(SSF_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let sent = 0;
      try {
        sent = await this.deliverBatch();
      } catch (error) {
        this.logger.warn({ err: error }, 'security event delivery failed; retrying');
      }
      if (sent === 0) await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    }
  }

  /** Delivers one batch in one transaction; the locks keep other replicas off these rows meanwhile. */
  private deliverBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.outbox.duePush(manager, BATCH);
      for (const item of due) {
        const attempt = await this.push(item);
        if (attempt.done) await this.outbox.delivered(manager, item.seq, attempt.rejected);
        else {
          await this.outbox.retryLater(manager, item.seq, item.attempts, attempt.error);
          this.logger.info({ streamId: item.streamId, jti: item.jti, attempt: item.attempts + 1 }, attempt.error);
        }
      }
      return due.length;
    });
  }

  private async push(item: PushDue): Promise<Attempt> {
    try {
      const response = await fetch(item.endpointUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/secevent+jwt',
          accept: 'application/json',
          ...(item.authorizationHeader ? { authorization: item.authorizationHeader } : {}),
        },
        body: item.setJwt,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text().catch(() => '');
      if (response.status === 202 || response.status === 200) return { done: true };
      if (response.status === 400) return { done: true, rejected: `receiver refused the token: ${text.slice(0, 300)}` };
      return { done: false, error: `receiver answered ${response.status}` };
    } catch (error) {
      return { done: false, error: `receiver not reached: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
