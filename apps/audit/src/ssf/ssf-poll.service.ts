import { Injectable } from '@nestjs/common';
import { PollResponse } from './dto/ssf-responses.dto';
import type { PollRequestDto } from './dto/stream-config.dto';
import { SsfOutboxRepository } from './ssf-outbox.repository';
import { SsfStreamsService } from './ssf-streams.service';

export { PollResponse };

const DEFAULT_MAX_EVENTS = 100;
/** How long a poll without returnImmediately waits for a first token (RFC 8936 §2.1 long polling). */
const LONG_POLL_MS = 5_000;
const LONG_POLL_STEP_MS = 250;

/**
 * RFC 8936: the receiver acknowledges what it took and is given what is
 * still pending, oldest first. A token is sent again on every poll until it
 * is acknowledged (or reported in setErrs), so a receiver that crashed
 * between a poll and its acknowledgement loses nothing.
 */
@Injectable()
export class SsfPollService {
  constructor(
    private readonly streams: SsfStreamsService,
    private readonly outbox: SsfOutboxRepository,
  ) {}

  async poll(clientId: string, streamId: string, request: PollRequestDto): Promise<PollResponse> {
    await this.streams.pollable(clientId, streamId);
    const errors = Object.fromEntries(
      Object.entries(request.setErrs ?? {}).map(([jti, report]) => [
        jti,
        `receiver: ${String(report?.err ?? 'error')} ${String(report?.description ?? '')}`.trim(),
      ]),
    );
    await this.outbox.acknowledge(streamId, request.ack ?? [], errors);
    const max = request.maxEvents ?? DEFAULT_MAX_EVENTS;
    // maxEvents 0: only acknowledging.
    if (max === 0) return { sets: {}, moreAvailable: await this.outbox.hasMore(streamId, 0) };
    const deadline = Date.now() + (request.returnImmediately === false ? LONG_POLL_MS : 0);
    let pending = await this.outbox.pending(streamId, max);
    while (pending.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, LONG_POLL_STEP_MS));
      pending = await this.outbox.pending(streamId, max);
    }
    return {
      sets: Object.fromEntries(pending.map((item) => [item.jti, item.setJwt])),
      moreAvailable: pending.length === max && (await this.outbox.hasMore(streamId, max)),
    };
  }
}
