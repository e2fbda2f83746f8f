import { MessageHandler, ServerKafka } from '@nestjs/microservices';
import type { KafkaOptions } from '@nestjs/microservices';

/**
 * Nest's Kafka transport, with every subscribed topic given the environment's
 * prefix. Handlers keep declaring the versioned names from @tenure/contracts
 * (`@EventPattern(TOPICS.hrLifecycle)`) while dev and test share one broker.
 */
export class PrefixedKafkaServer extends ServerKafka {
  constructor(
    options: KafkaOptions['options'],
    private readonly topicPrefix: string,
  ) {
    super(options ?? {});
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const prefixed = typeof pattern === 'string' ? `${this.topicPrefix}${pattern}` : pattern;
    super.addHandler(prefixed, callback, isEventHandler, extras);
  }
}
