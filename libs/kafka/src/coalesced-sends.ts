import type { Message, TopicMessages } from 'kafkajs';

/** Under Kafka's default 1 MB per request, with room for the record batches' own framing. */
export const MAX_COALESCED_BYTES = 512 * 1024;

interface PendingSend {
  topic: string;
  messages: Message[];
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function sizeOf(messages: Message[]): number {
  return messages.reduce(
    (total, message) => total + String(message.key ?? '').length + String(message.value ?? '').length,
    0,
  );
}

/** Messages by topic, each topic's in the order they were sent. */
function byTopic(sends: PendingSend[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const send of sends) {
    const messages = topics.get(send.topic) ?? [];
    messages.push(...send.messages);
    topics.set(send.topic, messages);
  }
  return [...topics.entries()].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Sends one request at a time; whatever is sent while one is in flight goes
 * out together in the next (group commit). An idle producer adds no wait, and
 * a busy one (a layoff's outcomes, a first load's decisions) makes one request
 * of many sends instead of queueing them one by one behind each other's
 * acknowledgements. Order is kept: requests go one after another and each
 * topic's messages keep the order they were sent in. A failed request fails
 * every send in it; each sender retries its own, as before.
 */
export class CoalescedSends {
  private readonly pending: PendingSend[] = [];
  private draining = false;

  constructor(
    private readonly sendBatch: (topicMessages: TopicMessages[]) => Promise<unknown>,
    private readonly maxBytes = MAX_COALESCED_BYTES,
  ) {}

  send(topic: string, messages: Message[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ topic, messages, bytes: sizeOf(messages), resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.nextBatch();
        try {
          await this.sendBatch(byTopic(batch));
          for (const send of batch) send.resolve();
        } catch (error) {
          for (const send of batch) send.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The oldest sends up to the size limit; one larger than the limit goes alone, so it fails alone. */
  private nextBatch(): PendingSend[] {
    const batch = [this.pending.shift() as PendingSend];
    let bytes = batch[0].bytes;
    while (this.pending.length > 0 && bytes + this.pending[0].bytes <= this.maxBytes) {
      const next = this.pending.shift() as PendingSend;
      bytes += next.bytes;
      batch.push(next);
    }
    return batch;
  }
}
