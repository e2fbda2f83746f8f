import type { CustomStrategy } from '@nestjs/microservices';
import type { Logger } from 'pino';
import { kafkaLogCreator } from './kafka-client';
import { PrefixedKafkaServer } from './prefixed-kafka.server';

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
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        allowAutoTopicCreation: false,
      },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true },
      postfixId: '',
    },
    settings.topicPrefix,
  );
  return { strategy: server };
}
