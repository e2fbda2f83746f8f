import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@tenure/contracts';
import type { LifecycleEvent } from '@tenure/domain';
import {
  employeeFixture,
  firstBroker,
  readTopic,
  signWebhook,
  socketFactoryThrough,
  TcpProxy,
  testStack,
  uniqueId,
  waitFor,
} from '@tenure/testing';
import { InProcessIngest, startInProcessIngest } from './in-process-ingest';

const SECRET = 'outage-test-webhook-secret-0001';
const SOURCES = `
sources:
  generic: {}
`;

/**
 * Kafka goes away for the relay only (a proxy the test cuts, never the shared
 * broker): webhooks are still accepted, and once Kafka is back every accepted
 * event is on the topic exactly once, in order per employee.
 */
describe('hr-ingest while Kafka is unreachable', () => {
  const stack = testStack();
  let proxy: TcpProxy;
  let ingest: InProcessIngest;

  beforeAll(async () => {
    proxy = await TcpProxy.start(firstBroker(stack.kafkaBrokers));
    const kafka = new Kafka({
      clientId: 'tenure-outage-test',
      brokers: [`127.0.0.1:${proxy.port}`],
      socketFactory: socketFactoryThrough(proxy),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { initialRetryTime: 100, retries: 2 },
    });
    ingest = await startInProcessIngest({
      sourcesYaml: SOURCES,
      env: { TENURE_WEBHOOK_SECRET_GENERIC: SECRET },
      kafka,
    });
  });

  afterAll(async () => {
    await ingest?.close();
    await proxy?.close();
  });

  const unsent = async (): Promise<number> => {
    const [{ count }] = await ingest.dataSource.query(
      'SELECT count(*)::int AS count FROM outbox WHERE sent_at IS NULL',
    );
    return count;
  };

  async function post(payload: unknown): Promise<number> {
    const signed = signWebhook(SECRET, payload);
    const response = await fetch(`${ingest.url}/v1/events/generic`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    return response.status;
  }

  async function burst(employees: string[], perEmployee: number, tag: string): Promise<Map<string, string[]>> {
    const sent = new Map<string, string[]>(employees.map((id) => [id, []]));
    // Each employee's events go one after another (their order is what must hold); employees run concurrently.
    await Promise.all(
      employees.map(async (employeeId) => {
        for (let n = 0; n < perEmployee; n++) {
          const eventId = uniqueId(`evt-${tag}-${n}`);
          const status = await post({
            eventId,
            type: n === 0 ? 'hire' : 'change',
            employee: { ...employeeFixture({ employeeId }), title: `Title ${n}` },
          });
          expect(status).toBe(202);
          sent.get(employeeId)?.push(eventId);
        }
      }),
    );
    return sent;
  }

  async function expectDeliveredOnceInOrder(sent: Map<string, string[]>): Promise<void> {
    const expected = [...sent.values()].reduce((total, ids) => total + ids.length, 0);
    const topic = `${ingest.prefix}${TOPICS.hrLifecycle}`;
    const messages = await waitFor(
      () => readTopic(stack.kafkaBrokers, topic, 2_000),
      (seen) => seen.length >= expected,
      { timeoutMs: 60_000, description: `${expected} events on ${topic}` },
    );
    for (const [employeeId, eventIds] of sent) {
      const received = messages
        .filter((message) => message.key === employeeId)
        .map((message) => (message.value as LifecycleEvent).eventId);
      expect(received).toEqual(eventIds);
    }
    expect(messages).toHaveLength(expected);
  }

  it('accepts a burst while Kafka is cut off and delivers it once, in order, when Kafka is back', async () => {
    proxy.cut();
    const employees = [...Array(8).keys()].map((n) => uniqueId(`E-out${n}`));
    const sent = await burst(employees, 25, 'cut');
    expect(await unsent()).toBe(200);
    // The relay keeps trying meanwhile; nothing gets through.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await unsent()).toBe(200);

    proxy.restore();
    await waitFor(unsent, (count) => count === 0, { timeoutMs: 60_000, description: 'the outbox to drain' });
    await expectDeliveredOnceInOrder(sent);
  });

  it('delivers everything, in order, when Kafka drops in the middle of a burst', async () => {
    const employees = [...Array(5).keys()].map((n) => uniqueId(`E-mid${n}`));
    const cutLater = new Promise<void>((resolve) =>
      setTimeout(() => {
        proxy.cut();
        resolve();
      }, 150),
    );
    const sent = await burst(employees, 30, 'mid');
    await cutLater;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    proxy.restore();
    await waitFor(unsent, (count) => count === 0, { timeoutMs: 60_000, description: 'the outbox to drain' });
    const expected = [...sent.values()].flat();
    const topic = `${ingest.prefix}${TOPICS.hrLifecycle}`;
    const messages = await waitFor(
      () => readTopic(stack.kafkaBrokers, topic, 2_000),
      (seen) => expected.every((id) => seen.some((m) => (m.value as LifecycleEvent).eventId === id)),
      { timeoutMs: 60_000, description: 'every event of the burst on the topic' },
    );
    for (const [employeeId, eventIds] of sent) {
      // A send cut off after the broker wrote it but before it answered is sent again: delivery is
      // at least once, and consumers drop a repeat by its event id. What they keep is in order.
      const firstSeen = [
        ...new Set(
          messages
            .filter((message) => message.key === employeeId)
            .map((message) => (message.value as LifecycleEvent).eventId),
        ),
      ];
      expect(firstSeen).toEqual(eventIds);
    }
  });
});
