import { createServer, Server } from 'node:http';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { TOPICS } from '@tenure/contracts';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { createKafka, KafkaPublisher } from '@tenure/kafka';
import { createTopics, deleteTopics, freePort, testStack, uniqueId, waitFor } from '@tenure/testing';
import { AUDIT_MIGRATIONS } from '../ledger/migrations';
import { POLL_DELIVERY, PUSH_DELIVERY } from './ssf-events';
import { SsfOutboxRepository } from './ssf-outbox.repository';
import { SsfOutcomeConsumer } from './ssf-outcome.consumer';
import { SsfPushDeliverer } from './ssf-push.deliverer';
import type { SsfSettings } from './ssf-settings';
import { SsfSigningKeyService } from './ssf-signing-key.service';
import { SsfStreamsService } from './ssf-streams.service';

/**
 * Nothing is lost across restarts: outcomes published while the SSF consumer
 * is stopped are queued when it is back, a redelivered outcome is queued
 * once, and a token a push receiver did not take survives the deliverer's
 * restart. Real Kafka and PostgreSQL, with topics and a schema of its own.
 */
describe('Shared Signals delivery across restarts', () => {
  const { databaseUrl, kafkaBrokers } = testStack();
  const prefix = `${uniqueId('ssf').toLowerCase()}.`;
  const schema = prefix.replace(/[-.]/g, '_');
  const logger = pino({ level: 'silent' });
  const settings: SsfSettings = {
    issuer: 'http://127.0.0.1:1',
    audience: 'urn:tenure:ssf',
    receivers: ['receiver-a'],
    oauthIssuer: 'http://127.0.0.1:1',
    topicPrefix: prefix,
    brokers: kafkaBrokers,
  };
  let dataSource: DataSource;
  let publisher: KafkaPublisher;
  let streams: SsfStreamsService;
  let outbox: SsfOutboxRepository;

  const consumer = () => new SsfOutcomeConsumer(dataSource, streams, settings, logger);
  const outcome = (employeeId: string, n: number) => ({
    key: employeeId,
    value: {
      outcomeId: `employee-${employeeId}/evt-${n}/slack/account.disable//`,
      at: new Date().toISOString(),
      employeeId,
      appId: 'slack',
      action: 'account.disable',
      outcome: 'succeeded',
      eventId: `evt-${n}`,
      workflowId: `employee-${employeeId}`,
      actor: 'system',
    },
  });
  const queued = async (streamId: string): Promise<{ jti: string; delivered: boolean; attempts: number }[]> =>
    dataSource.query(
      `SELECT jti, delivered_at IS NOT NULL AS delivered, attempts FROM ssf_outbox WHERE stream_id = $1 ORDER BY seq`,
      [streamId],
    );

  beforeAll(async () => {
    await createTopics(kafkaBrokers, prefix);
    await ensureSchema(databaseUrl, schema);
    dataSource = new DataSource(
      postgresOptions({ url: databaseUrl, schema, entities: [], migrations: AUDIT_MIGRATIONS }),
    );
    await dataSource.initialize();
    await dataSource.runMigrations();
    publisher = new KafkaPublisher(createKafka('tenure-tests', kafkaBrokers, logger), prefix);
    outbox = new SsfOutboxRepository(dataSource);
    streams = new SsfStreamsService(dataSource, settings, new SsfSigningKeyService(dataSource), outbox);
  });

  afterAll(async () => {
    await publisher?.close();
    await dataSource?.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource?.destroy();
    await deleteTopics(kafkaBrokers, prefix);
  });

  it('queues what was published while the consumer was stopped, each outcome once', async () => {
    const stream = await streams.create('receiver-a', { delivery: { method: POLL_DELIVERY } });
    const employeeId = uniqueId('E');
    let running = consumer();
    await running.onApplicationBootstrap();
    await publisher.publish(
      TOPICS.lifecycleOutcomes,
      [1, 2, 3].map((n) => outcome(employeeId, n)),
    );
    await waitFor(
      () => queued(stream.stream_id),
      (rows) => rows.length === 3,
      { description: 'three queued' },
    );

    await running.onApplicationShutdown();
    // While it is away: four new outcomes, and one of the first three again (a producer's retry).
    await publisher.publish(
      TOPICS.lifecycleOutcomes,
      [4, 5, 6, 7, 2].map((n) => outcome(employeeId, n)),
    );
    running = consumer();
    await running.onApplicationBootstrap();
    try {
      await waitFor(
        () => queued(stream.stream_id),
        (rows) => rows.length >= 7,
        { description: 'seven queued' },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rows = await queued(stream.stream_id);
      expect(rows).toHaveLength(7);
      expect(new Set(rows.map((row) => row.jti)).size).toBe(7);
    } finally {
      await running.onApplicationShutdown();
    }
  });

  it('keeps a token a push receiver did not take until a restarted deliverer delivers it', async () => {
    const port = await freePort();
    const stream = await streams.create('receiver-a', {
      delivery: { method: PUSH_DELIVERY, endpoint_url: `http://127.0.0.1:${port}/events` },
    });
    await streams.verify('receiver-a', stream.stream_id, 'after-restart');
    let deliverer = new SsfPushDeliverer(dataSource, outbox, logger);
    deliverer.onApplicationBootstrap();
    // Nobody listens yet: the attempt fails and the token stays queued.
    await waitFor(
      () => queued(stream.stream_id),
      (rows) => rows.length === 1 && rows[0].attempts >= 1,
      { description: 'a failed attempt' },
    );
    await deliverer.onApplicationShutdown();
    expect((await queued(stream.stream_id))[0].delivered).toBe(false);

    const received: string[] = [];
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(body);
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    // The database says when the next attempt is due; bring it forward rather than wait out the back-off.
    await dataSource.query(`UPDATE ssf_outbox SET next_attempt_at = now() WHERE stream_id = $1`, [stream.stream_id]);
    deliverer = new SsfPushDeliverer(dataSource, outbox, logger);
    deliverer.onApplicationBootstrap();
    try {
      await waitFor(
        () => queued(stream.stream_id),
        (rows) => rows[0]?.delivered === true,
        {
          description: 'the token delivered',
        },
      );
      expect(received).toHaveLength(1);
      expect(JSON.parse(Buffer.from(received[0].split('.')[1], 'base64url').toString())).toMatchObject({
        events: { 'https://schemas.openid.net/secevent/ssf/event-type/verification': { state: 'after-restart' } },
      });
    } finally {
      await deliverer.onApplicationShutdown();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
