import { DataSource } from 'typeorm';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@tenure/contracts';
import { ensureSchema, postgresOptions } from '@tenure/database';
import type { LifecycleEvent } from '@tenure/domain';
import { KafkaPublisher } from '@tenure/kafka';
import { ServiceMetrics } from '@tenure/observability';
import { createTopics, deleteTopics, employeeFixture, readTopic, testStack, uniqueId } from '@tenure/testing';
import { INGEST_ENTITIES, INGEST_MIGRATIONS } from '../database/ingest-schema';
import { InboxEventEntity } from '../inbox/inbox-event.entity';
import { InboxRepository } from '../inbox/inbox.repository';
import { InboxService } from '../inbox/inbox.service';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelayService } from './outbox-relay.service';

/** Accepted means durable, and durable means delivered: against the real PostgreSQL and Kafka. */
describe('inbox and outbox', () => {
  const stack = testStack();
  const prefix = `${uniqueId('it').toLowerCase()}.`;
  const schema = prefix.replace(/[^a-z0-9]/g, '_').replace(/_$/, '');
  let dataSource: DataSource;
  let publisher: KafkaPublisher;

  const kafka = () => new Kafka({ clientId: 'tenure-tests', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
  const relayWith = (p: KafkaPublisher) => new OutboxRelayService(dataSource, p);
  const event = (employeeId: string, n: number): LifecycleEvent => ({
    eventId: uniqueId(`evt-${n}`),
    source: 'generic',
    type: 'change',
    effectiveAt: new Date().toISOString(),
    receivedAt: new Date().toISOString(),
    employee: { ...employeeFixture({ employeeId }), title: `Title ${n}` },
  });
  const unsent = () =>
    dataSource.getRepository(OutboxMessageEntity).createQueryBuilder('o').where('o.sent_at IS NULL').getCount();

  beforeAll(async () => {
    await createTopics(stack.kafkaBrokers, prefix);
    await ensureSchema(stack.databaseUrl, schema);
    dataSource = new DataSource(
      postgresOptions({
        url: stack.databaseUrl,
        schema,
        entities: INGEST_ENTITIES,
        migrations: INGEST_MIGRATIONS,
      }),
    );
    await dataSource.initialize();
    publisher = new KafkaPublisher(kafka(), prefix);
  });

  afterAll(async () => {
    await publisher?.close();
    await deleteTopics(stack.kafkaBrokers, prefix);
    if (dataSource?.isInitialized) {
      await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
      await dataSource.destroy();
    }
  });

  it('stores an event and its outbox message once, however often it is delivered', async () => {
    const inbox = new InboxService(
      new InboxRepository(dataSource),
      relayWith(publisher),
      new IngestMetrics(new ServiceMetrics('hr-ingest'), dataSource),
    );
    const first = event('E-dup', 1);
    expect(await inbox.accept(first)).toEqual({ eventId: first.eventId, status: 'accepted' });
    expect(await inbox.accept({ ...first, receivedAt: new Date().toISOString() })).toEqual({
      eventId: first.eventId,
      status: 'duplicate',
    });
    expect(await dataSource.getRepository(InboxEventEntity).countBy({ eventId: first.eventId })).toBe(1);
    expect(await unsent()).toBe(1);
  });

  it('keeps accepting while Kafka is unreachable and delivers everything, in order per employee, once it is back', async () => {
    const unreachable = new KafkaPublisher(
      new Kafka({
        clientId: 'tenure-tests',
        brokers: ['127.0.0.1:1'],
        logLevel: logLevel.NOTHING,
        retry: { retries: 0 },
        connectionTimeout: 300,
      }),
      prefix,
    );
    const inbox = new InboxService(
      new InboxRepository(dataSource),
      relayWith(unreachable),
      new IngestMetrics(new ServiceMetrics('hr-ingest'), dataSource),
    );
    const events = [...Array(10).keys()].map((n) => event(n % 2 === 0 ? 'E-even' : 'E-odd', n));
    for (const e of events) expect((await inbox.accept(e)).status).toBe('accepted');
    await expect(relayWith(unreachable).relayBatch()).rejects.toThrow();
    expect(await unsent()).toBe(11);

    expect(await relayWith(publisher).relayBatch()).toBe(11);
    expect(await unsent()).toBe(0);
    const messages = await readTopic(stack.kafkaBrokers, `${prefix}${TOPICS.hrLifecycle}`, 4_000);
    const received = messages.map((m) => ({ key: m.key, eventId: (m.value as LifecycleEvent).eventId }));
    for (const employeeId of ['E-even', 'E-odd']) {
      const sent = events.filter((e) => e.employee.employeeId === employeeId).map((e) => e.eventId);
      expect(received.filter((m) => m.key === employeeId).map((m) => m.eventId)).toEqual(sent);
    }
    await unreachable.close();
  });
});
