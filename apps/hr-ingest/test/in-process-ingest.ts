import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Kafka } from 'kafkajs';
import { createValidationPipe, HttpErrorFilter, installJsonBodyParser } from '@tenure/http';
import { KAFKA_PUBLISHER, KafkaPublisher } from '@tenure/kafka';
import { createTopics, deleteTopics, testStack, uniqueId } from '@tenure/testing';
import { loadIngestEnvironment } from '../src/ingest.environment';
import { installClientErrorHandler } from '../src/client-error.middleware';
import { IngestModule } from '../src/ingest.module';
import { installScimBodyParser } from '../src/scim/scim-body-parser';
import { parseHrSources } from '../src/sources/load-hr-sources';

export interface InProcessIngest {
  url: string;
  prefix: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface InProcessOptions {
  /** config/hr-sources.yaml for this instance. */
  sourcesYaml: string;
  /** Environment on top of the test stack's (secrets, ...). */
  env?: Record<string, string>;
  /** The Kafka client the outbox relay publishes with (e.g. one behind a TcpProxy). */
  kafka?: Kafka;
}

/**
 * A second hr-ingest, in the test's process, with its own schema, topic
 * prefix, configuration and secrets, on the real PostgreSQL and Kafka; set up
 * as main.ts sets up the service.
 */
export async function startInProcessIngest(options: InProcessOptions): Promise<InProcessIngest> {
  const stack = testStack();
  const prefix = `${uniqueId('ip').toLowerCase()}.`;
  const schema = prefix.replace(/[^a-z0-9]/g, '_').replace(/_$/, '');
  await createTopics(stack.kafkaBrokers, prefix);
  const env = loadIngestEnvironment({
    ...stack.env,
    TENURE_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    TENURE_WEBHOOK_SECRET_GENERIC_PREVIOUS: '',
    TENURE_SCIM_TOKEN_PREVIOUS: '',
    TENURE_WEBHOOK_SECRET_BAMBOOHR_PREVIOUS: '',
    ...options.env,
  });
  const sources = parseHrSources('hr-sources.yaml', options.sourcesYaml, {});
  let builder = Test.createTestingModule({ imports: [IngestModule.register(env, sources, schema)] });
  if (options.kafka)
    builder = builder.overrideProvider(KAFKA_PUBLISHER).useValue(new KafkaPublisher(options.kafka, prefix));
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  installJsonBodyParser(app, { limit: `${sources.limits.maxBodyBytes}b`, keepRawBody: true });
  installScimBodyParser(app, sources.limits.maxBodyBytes);
  installClientErrorHandler(app);
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    prefix,
    dataSource,
    close: async () => {
      await app.close();
      const client = new Client({ connectionString: stack.databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
      await deleteTopics(stack.kafkaBrokers, prefix);
    },
  };
}
