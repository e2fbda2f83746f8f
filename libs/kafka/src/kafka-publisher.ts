import { Kafka, Partitioners, Producer } from 'kafkajs';
import { CoalescedSends } from './coalesced-sends';

export interface KeyedMessage {
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

/**
 * Publishes JSON messages keyed by employee. Sends wait for all in-sync
 * replicas and one request is in flight at a time, so a retried send never
 * reorders a person's messages; it may repeat one, which every consumer
 * recognises by its id (event id, outcome id). Sends made while a request is
 * in flight go out together in the next one.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private readonly sends: CoalescedSends;
  private connected?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.sends = new CoalescedSends((topicMessages) => this.producer.sendBatch({ acks: -1, topicMessages }));
  }

  async publish(topic: string, messages: KeyedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // A failed connect is forgotten, so the next publish tries again (Kafka may be back by then).
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    await this.sends.send(
      `${this.topicPrefix}${topic}`,
      messages.map((message) => ({
        key: message.key,
        value: JSON.stringify(message.value),
        headers: message.headers,
      })),
    );
  }

  /** Nest calls this on shutdown for publishers it provides. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
