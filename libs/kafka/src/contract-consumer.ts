import { OnApplicationShutdown, Provider } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { ClassConstructor } from 'class-transformer';
import type { Logger } from 'pino';
import type { KafkaEnvironment, LoggingEnvironment } from '@tenure/config';
import { createLogger } from '@tenure/observability';
import { consumeValidated } from './consume-validated';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { createKafka } from './kafka-client';
import { KafkaPublisher } from './kafka-publisher';
import { KAFKA_READINESS, KafkaReadiness } from './kafka-readiness';

export const KAFKA_PUBLISHER = Symbol('KAFKA_PUBLISHER');
export const DEAD_LETTER_PUBLISHER = Symbol('DEAD_LETTER_PUBLISHER');
export const CONSUMER_LOGGER = Symbol('CONSUMER_LOGGER');

/** The Kafka settings of a service's validated environment. */
export type KafkaServiceEnvironment = KafkaEnvironment & LoggingEnvironment;

/** The publisher, dead-letter publisher and logger a Kafka-using service injects. */
export function kafkaProviders(service: string, env: KafkaServiceEnvironment): Provider[] {
  const logger = createLogger(`${service}.kafka`, env.LOG_LEVEL);
  return [
    {
      provide: KAFKA_PUBLISHER,
      useFactory: () =>
        new KafkaPublisher(createKafka(`tenure-${service}`, env.KAFKA_BROKERS, logger), env.TENURE_TOPIC_PREFIX),
    },
    {
      provide: DEAD_LETTER_PUBLISHER,
      inject: [KAFKA_PUBLISHER],
      useFactory: (publisher: KafkaPublisher) => new DeadLetterPublisher(publisher),
    },
    { provide: CONSUMER_LOGGER, useValue: logger },
    // Reported by /health/ready; no service stops taking requests because Kafka is away.
    {
      provide: KAFKA_READINESS,
      useFactory: () => KafkaReadiness.forBrokers(`tenure-${service}-readiness`, env.KAFKA_BROKERS, false),
    },
  ];
}

/**
 * Base of a topic's consumer: validates against the contract, dead-letters the
 * invalid, retries the rest. Subclasses inject DEAD_LETTER_PUBLISHER and CONSUMER_LOGGER.
 */
export abstract class ContractConsumer implements OnApplicationShutdown {
  private stopping = false;

  // No @Inject here: Nest would merge these into each subclass's own constructor metadata.
  constructor(
    private readonly deadLetter: DeadLetterPublisher,
    protected readonly logger: Logger,
  ) {}

  protected consume<T extends object>(
    payload: unknown,
    context: KafkaContext,
    contract: ClassConstructor<T>,
    handle: (message: T) => Promise<void>,
  ): Promise<void> {
    return consumeValidated(payload, context, {
      contract,
      handle,
      deadLetter: this.deadLetter,
      logger: this.logger,
      isStopping: () => this.stopping,
    });
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }
}
