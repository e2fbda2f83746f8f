import { Kafka, Producer } from 'kafkajs';

export interface KeyedMessage {
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

/**
 * Publishes JSON messages keyed by employee. The producer is idempotent and
 * waits for all in-sync replicas, so a retried send neither loses nor
 * reorders a person's messages.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async publish(topic: string, messages: KeyedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    this.connected ??= this.producer.connect();
    await this.connected;
    await this.producer.send({
      topic: `${this.topicPrefix}${topic}`,
      acks: -1,
      messages: messages.map((message) => ({
        key: message.key,
        value: JSON.stringify(message.value),
        headers: message.headers,
      })),
    });
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
