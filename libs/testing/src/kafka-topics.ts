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

/** Removes the topics createTopics made, so test runs leave no clutter on a shared broker. */
export async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'tenure-tests', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: Object.values(TOPICS).map((topic) => `${prefix}${topic}`) });
  } finally {
    await admin.disconnect();
  }
}

/** A topic may hold anything (tests publish broken messages on purpose): unreadable JSON stays a string. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
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
        seen.push({ key: message.key?.toString() ?? '', value: parseJson(message.value?.toString() ?? '') });
      },
    });
    await new Promise((resolve) => setTimeout(resolve, windowMs));
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

/** Publishes raw bytes, as a faulty or hostile producer would, bypassing every contract. */
export async function publishRaw(brokers: string[], topic: string, key: string, value: string): Promise<void> {
  const producer = new Kafka({ clientId: 'tenure-tests', brokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ key, value }] });
  } finally {
    await producer.disconnect();
  }
}
