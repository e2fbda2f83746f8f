import type { INestApplication } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import type { KafkaEnvironment, LoggingEnvironment } from '@tenure/config';
import { createLogger } from '@tenure/observability';
import type { Logger } from 'pino';
import { kafkaLogCreator } from './kafka-client';
import { PrefixedKafkaServer } from './prefixed-kafka.server';

/** As many as the topics have partitions (deploy/topics.txt): more would idle. */
const PARTITIONS_CONSUMED_CONCURRENTLY = 3;

export interface KafkaConsumerSettings {
  clientId: string;
  groupId: string;
  brokers: string[];
  topicPrefix: string;
  logger: Logger;
}

/** Nest Kafka consumer options shared by every service that listens to a topic. */
export function kafkaConsumerStrategy(settings: KafkaConsumerSettings): CustomStrategy {
  const server = new PrefixedKafkaServer(
    {
      client: {
        clientId: settings.clientId,
        brokers: settings.brokers,
        logCreator: kafkaLogCreator(settings.logger),
        retry: { initialRetryTime: 300, retries: 8 },
      },
      consumer: {
        // The prefix keeps dev and test consumers of the same topic apart.
        groupId: `${settings.topicPrefix}${settings.groupId}`,
        // A replica that died (kill -9, a lost node) hands its partitions over after 10 s, not kafkajs's 30 s;
        // a consumer waiting to apply a message heartbeats meanwhile (consume-validated.ts).
        sessionTimeout: 10_000,
        heartbeatInterval: 2_000,
        allowAutoTopicCreation: false,
      },
      subscribe: { fromBeginning: true },
      // Each partition still runs one message at a time (the order per key holds); the partitions no longer
      // wait for each other, so a slow hand-over on one does not hold up the people on the others.
      run: { autoCommit: true, partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY },
      postfixId: '',
    },
    settings.topicPrefix,
  );
  return { strategy: server };
}

/** Adds the service's Kafka consumer (group `tenure-<service>`) to its HTTP app and starts it. */
export async function startKafkaConsumer(
  app: INestApplication,
  service: string,
  env: KafkaEnvironment & LoggingEnvironment,
): Promise<void> {
  app.connectMicroservice(
    kafkaConsumerStrategy({
      clientId: `tenure-${service}`,
      groupId: `tenure-${service}`,
      brokers: env.KAFKA_BROKERS,
      topicPrefix: env.TENURE_TOPIC_PREFIX,
      logger: createLogger(`${service}.consumer`, env.LOG_LEVEL),
    }),
  );
  await app.startAllMicroservices();
}
