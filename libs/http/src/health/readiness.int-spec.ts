import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseReadiness } from '@tenure/database';
import { KafkaReadiness } from '@tenure/kafka';
import { firstBroker, socketFactoryThrough, TcpProxy, testStack, waitFor } from '@tenure/testing';
import { HttpErrorFilter } from '../http-error.filter';
import { HealthController } from './health.controller';
import { READINESS_CHECKS } from './readiness';

/**
 * /health/ready against the real PostgreSQL and Kafka, each reached through a
 * proxy the test cuts: the answer follows what is reachable, an essential
 * server missing takes the service out of rotation, a reported one does not,
 * and liveness never depends on either.
 */
describe('GET /health/ready over real servers', () => {
  const stack = testStack();
  let database: TcpProxy;
  let kafka: TcpProxy;
  let dataSource: DataSource;
  let kafkaCheck: KafkaReadiness;
  let app: INestApplication;

  beforeAll(async () => {
    const url = new URL(stack.databaseUrl);
    database = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    kafka = await TcpProxy.start(firstBroker(stack.kafkaBrokers));
    url.hostname = '127.0.0.1';
    url.port = String(database.port);
    dataSource = await new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 2 } }).initialize();
    const client = new Kafka({
      clientId: 'readiness-test',
      brokers: [`127.0.0.1:${kafka.port}`],
      socketFactory: socketFactoryThrough(kafka),
      connectionTimeout: 1_500,
      requestTimeout: 1_500,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    kafkaCheck = new KafkaReadiness(client, false);
    const module = await Test.createTestingModule({
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, useValue: [databaseReadiness(dataSource), kafkaCheck] }],
    }).compile();
    app = module.createNestApplication({ logger: false });
    app.useGlobalFilters(new HttpErrorFilter());
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await kafkaCheck?.onApplicationShutdown();
    await dataSource?.destroy().catch(() => undefined);
    await database?.close();
    await kafka?.close();
  });

  const ready = () => request(app.getHttpServer()).get('/health/ready');

  it('is ready with every check ok when both servers answer', async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { database: 'ok', kafka: 'ok' } });
  });

  it('stays ready but reports Kafka while Kafka is unreachable, and sees it come back', async () => {
    kafka.cut();
    try {
      const response = await ready();
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ready', checks: { database: 'ok', kafka: 'unavailable' } });
    } finally {
      kafka.restore();
    }
    await waitFor(ready, (response) => response.body.checks.kafka === 'ok', { description: 'Kafka ok again' });
  });

  it('is not ready (503) while the database is unreachable, is still live, and recovers', async () => {
    database.cut();
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'unavailable', checks: { database: 'unavailable', kafka: 'ok' } });
      const live = await request(app.getHttpServer()).get('/health/live');
      expect({ status: live.status, body: live.body }).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      database.restore();
    }
    await waitFor(ready, (response) => response.status === 200, { description: 'ready again' });
  });
});
