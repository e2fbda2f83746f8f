import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@tenure/contracts';

/** Creates every contract topic under a prefix of the test's own, so parallel tests never see each other's messages. */
export async function createTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'tenure-tests', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: Object.values(TOPICS).map((topic) => ({ topic: `${prefix}${topic}`, numPartitions: 3 })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** Reads a topic from the beginning and returns the JSON values seen within `windowMs`. */
export async function readTopic(
  brokers: string[],
  topic: string,
  windowMs = 3_000,
): Promise<{ key: string; value: unknown }[]> {
  const kafka = new Kafka({ clientId: 'tenure-tests', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `tenure-tests-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  const seen: { key: string; value: unknown }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ key: message.key?.toString() ?? '', value: JSON.parse(message.value?.toString() ?? 'null') });
      },
    });
    await new Promise((resolve) => setTimeout(resolve, windowMs));
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
