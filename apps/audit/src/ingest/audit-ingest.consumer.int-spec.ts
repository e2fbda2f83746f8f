import { DataSource } from 'typeorm';
import pino from 'pino';
import { TOPICS } from '@tenure/contracts';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { createKafka, DeadLetterPublisher, KafkaPublisher } from '@tenure/kafka';
import {
  createTopics,
  deleteTopics,
  publishRaw,
  readTopic,
  TcpProxy,
  testStack,
  uniqueId,
  waitFor,
} from '@tenure/testing';
import { AuditLedgerService } from '../ledger/audit-ledger.service';
import { AUDIT_ROW_COLUMNS, AuditRow } from '../ledger/audit-row';
import { AUDIT_MIGRATIONS } from '../ledger/migrations';
import { ChainVerifierService } from '../verify/chain-verifier.service';
import { AuditIngestConsumer } from './audit-ingest.consumer';

/** The ingest consumer against the real Kafka and PostgreSQL, with topics and a schema of its own. */
describe('audit ingest', () => {
  const { databaseUrl, kafkaBrokers } = testStack();
  const prefix = `${uniqueId('ingest').toLowerCase()}.`;
  const schema = prefix.replace(/[-.]/g, '_');
  const logger = pino({ level: 'silent' });
  let dataSource: DataSource;
  let publisher: KafkaPublisher;
  let consumer: AuditIngestConsumer;

  const topic = (name: string) => `${prefix}${name}`;
  const recordsOf = (employeeId: string): Promise<AuditRow[]> =>
    dataSource.query(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE employee_id = $1 ORDER BY seq`, [employeeId]);

  beforeAll(async () => {
    await createTopics(kafkaBrokers, prefix);
    await ensureSchema(databaseUrl, schema);
    dataSource = new DataSource(
      postgresOptions({ url: databaseUrl, schema, entities: [], migrations: AUDIT_MIGRATIONS }),
    );
    await dataSource.initialize();
    publisher = new KafkaPublisher(createKafka('tenure-tests', kafkaBrokers, logger), prefix);
    consumer = new AuditIngestConsumer(
      new AuditLedgerService(dataSource),
      new DeadLetterPublisher(publisher),
      {
        clientId: 'tenure-tests',
        groupId: 'tenure-audit',
        brokers: kafkaBrokers,
        topicPrefix: prefix,
        partitionsConsumedConcurrently: 3,
      },
      logger,
    );
    await consumer.onApplicationBootstrap();
  });

  afterAll(async () => {
    await consumer?.onApplicationShutdown();
    await publisher?.close();
    await dataSource?.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource?.destroy();
    await deleteTopics(kafkaBrokers, prefix);
  });

  it('records an HR event, the plan decided for it and its outcome, linked by event and workflow', async () => {
    const employeeId = uniqueId('E');
    const eventId = uniqueId('evt');
    const workflowId = `employee-${employeeId}`;
    await publisher.publish(TOPICS.hrLifecycle, [
      {
        key: employeeId,
        value: {
          eventId,
          source: 'generic',
          type: 'terminate',
          effectiveAt: '2026-11-20T17:00:00.000Z',
          receivedAt: '2026-11-20T09:00:00.000Z',
          employee: {
            employeeId,
            email: 'ada@example.com',
            givenName: 'Ada',
            familyName: 'Lovelace',
            department: 'Engineering',
            employmentType: 'employee',
          },
        },
      },
    ]);
    await publisher.publish(TOPICS.planDecisions, [
      {
        key: employeeId,
        value: {
          decisionId: `${workflowId}/${eventId}/scheduled`,
          at: '2026-11-20T09:00:01.000Z',
          employeeId,
          eventId,
          eventType: 'terminate',
          workflowId,
          decision: 'scheduled',
          runAt: '2026-11-20T17:00:00.000Z',
          actor: 'system',
          changes: [{ appId: 'slack', change: 'disable', rule: 'engineering-birthright' }],
        },
      },
    ]);
    await publisher.publish(TOPICS.lifecycleOutcomes, [
      {
        key: employeeId,
        value: {
          outcomeId: `${workflowId}/${eventId}/slack/account.disable`,
          at: '2026-11-20T17:00:02.000Z',
          employeeId,
          appId: 'slack',
          action: 'account.disable',
          outcome: 'failed',
          eventId,
          workflowId,
          actor: 'operator',
          actorId: 'jane.ops',
          rule: 'engineering-birthright',
          reason: 'slack answered 503',
        },
      },
    ]);
    const records = await waitFor(
      () => recordsOf(employeeId),
      (found) => found.length === 3,
      { description: 'the three records of the person' },
    );
    const byKind = Object.fromEntries(records.map((r) => [r.kind, r]));
    expect(byKind['hr.event']).toMatchObject({
      sourceId: `hr:generic:${eventId}`,
      action: 'hr.terminate',
      eventId,
      actorId: 'hr:generic',
      at: new Date('2026-11-20T09:00:00.000Z'),
      effectiveAt: new Date('2026-11-20T17:00:00.000Z'),
    });
    expect(JSON.parse(byKind['hr.event'].details as string)).toMatchObject({ type: 'terminate', source: 'generic' });
    expect(byKind['hr.event'].details).not.toMatch(/Lovelace|ada@example.com/);
    expect(byKind['plan.decision']).toMatchObject({ action: 'plan.scheduled', eventId, workflowId, actor: 'system' });
    expect(JSON.parse(byKind['plan.decision'].details as string).changes).toEqual([
      { appId: 'slack', change: 'disable', rule: 'engineering-birthright' },
    ]);
    expect(byKind.outcome).toMatchObject({
      action: 'account.disable',
      outcome: 'failed',
      actor: 'operator',
      actorId: 'jane.ops',
      rule: 'engineering-birthright',
      reason: 'slack answered 503',
      eventId,
      workflowId,
    });
  });

  it('makes no second record when a message is delivered again', async () => {
    const employeeId = uniqueId('E');
    const value = {
      outcomeId: `employee-${employeeId}/evt-1/zoom/account.create`,
      at: new Date().toISOString(),
      employeeId,
      appId: 'zoom',
      action: 'account.create',
      outcome: 'succeeded',
      eventId: 'evt-1',
      workflowId: `employee-${employeeId}`,
      actor: 'system',
    };
    await publisher.publish(TOPICS.lifecycleOutcomes, [{ key: employeeId, value }]);
    await waitFor(
      () => recordsOf(employeeId),
      (found) => found.length === 1,
      { description: 'the first delivery' },
    );
    await publisher.publish(TOPICS.lifecycleOutcomes, [
      { key: employeeId, value },
      { key: employeeId, value: { ...value, outcomeId: `${value.outcomeId}/marker`, action: 'account.update' } },
    ]);
    const records = await waitFor(
      () => recordsOf(employeeId),
      (found) => found.some((r) => r.action === 'account.update'),
      { description: 'the message behind the redelivery' },
    );
    expect(records.map((r) => r.action)).toEqual(['account.create', 'account.update']);
  });

  it('parks malformed messages on the dead-letter topic and still records the next one on the partition', async () => {
    const employeeId = uniqueId('E');
    const marker = uniqueId('broken');
    await publishRaw(kafkaBrokers, topic(TOPICS.planDecisions), employeeId, `{"decisionId":"${marker}",`);
    await publishRaw(kafkaBrokers, topic(TOPICS.planDecisions), employeeId, JSON.stringify({ decisionId: marker }));
    await publisher.publish(TOPICS.planDecisions, [
      {
        key: employeeId,
        value: {
          decisionId: `${marker}/ok`,
          at: new Date().toISOString(),
          employeeId,
          eventId: 'evt-2',
          eventType: 'hire',
          workflowId: `employee-${employeeId}`,
          decision: 'planned',
          actor: 'system',
          changes: [],
        },
      },
    ]);
    const records = await waitFor(
      () => recordsOf(employeeId),
      (found) => found.length === 1,
      {
        description: 'the valid decision behind the broken ones',
      },
    );
    expect(records[0].sourceId).toBe(`${marker}/ok`);
    const letters = await waitFor(
      async () =>
        (await readTopic(kafkaBrokers, topic(TOPICS.deadLetter)))
          .map((l) => l.value as { sourceTopic: string; reason: string; errors: { field: string }[]; payload: string })
          .filter((v) => v.payload.includes(marker)),
      (found) => found.length === 2,
      { description: 'both broken messages on the dead-letter topic' },
    );
    for (const letter of letters) {
      expect(letter).toMatchObject({
        sourceTopic: topic(TOPICS.planDecisions),
        reason: 'message does not match its topic contract',
      });
    }
    expect(letters.flatMap((l) => l.errors.map((e) => e.field))).toEqual(
      expect.arrayContaining(['', 'at', 'employeeId', 'decision']),
    );
    expect(await new ChainVerifierService(dataSource).verify()).toMatchObject({ ok: true });
  });

  it('passes over an unreadable HR event without a second dead letter (the orchestrator parks it) and goes on', async () => {
    const employeeId = uniqueId('E');
    const marker = uniqueId('broken-hr');
    await publishRaw(kafkaBrokers, topic(TOPICS.hrLifecycle), employeeId, `{"eventId":"${marker}",`);
    await publisher.publish(TOPICS.hrLifecycle, [
      {
        key: employeeId,
        value: {
          eventId: `${marker}-ok`,
          source: 'generic',
          type: 'hire',
          effectiveAt: new Date().toISOString(),
          receivedAt: new Date().toISOString(),
          employee: { employeeId, email: 'e@example.com', givenName: 'A', familyName: 'B', employmentType: 'employee' },
        },
      },
    ]);
    const [record] = await waitFor(
      () => recordsOf(employeeId),
      (found) => found.length === 1,
      {
        description: 'the valid HR event behind the broken one',
      },
    );
    expect(record.sourceId).toBe(`hr:generic:${marker}-ok`);
    const letters = await readTopic(kafkaBrokers, topic(TOPICS.deadLetter));
    expect(letters.filter((l) => JSON.stringify(l.value).includes(marker))).toEqual([]);
  });

  interface Letter {
    sourceTopic: string;
    reason: string;
    errors: { field: string; message: string }[];
    payload: string;
  }
  const lettersMentioning = async (marker: string): Promise<Letter[]> =>
    (await readTopic(kafkaBrokers, topic(TOPICS.deadLetter)))
      .map((l) => l.value as Letter)
      .filter((v) => typeof v?.payload === 'string' && v.payload.includes(marker));

  const hrEvent = (employeeId: string, eventId: string, times: { effectiveAt: string; receivedAt: string }) => ({
    eventId,
    source: 'generic',
    type: 'hire',
    ...times,
    employee: { employeeId, email: 'e@example.com', givenName: 'A', familyName: 'B', employmentType: 'employee' },
  });

  it('parks an HR event that follows the contract but whose times no record can hold, and records the next one', async () => {
    const employeeId = uniqueId('E');
    const marker = uniqueId('weird-times');
    const now = new Date().toISOString();
    // Each is ISO-8601 as the contract reads it; none is a time the chain can hold.
    const weird = ['20261201', '2026-W49-2', '2026-335', '2026-12-01T09,5Z', '9999-12-31T23:00:00-23:59'];
    for (const [index, effectiveAt] of weird.entries()) {
      await publishRaw(
        kafkaBrokers,
        topic(TOPICS.hrLifecycle),
        employeeId,
        JSON.stringify(hrEvent(employeeId, `${marker}-${index}`, { effectiveAt, receivedAt: now })),
      );
    }
    await publishRaw(
      kafkaBrokers,
      topic(TOPICS.hrLifecycle),
      employeeId,
      JSON.stringify(hrEvent(employeeId, `${marker}-ok`, { effectiveAt: now, receivedAt: now })),
    );
    const [record] = await waitFor(
      () => recordsOf(employeeId),
      (found) => found.length === 1,
      { description: 'the valid HR event behind the unrecordable ones' },
    );
    expect(record.sourceId).toBe(`hr:generic:${marker}-ok`);
    const letters = await waitFor(
      () => lettersMentioning(marker),
      (found) => found.length === weird.length,
      { description: 'every unrecordable event on the dead-letter topic' },
    );
    for (const letter of letters) {
      expect(letter).toMatchObject({
        sourceTopic: topic(TOPICS.hrLifecycle),
        reason: 'message cannot be recorded',
        errors: [{ field: 'effectiveAt', message: 'effectiveAt must be a time between the years 0001 and 9999' }],
      });
    }
    expect(await new ChainVerifierService(dataSource).verify()).toMatchObject({ ok: true });
  });

  it('parks an outcome PostgreSQL cannot hold (a NUL character) and records the rest of its batch', async () => {
    const employeeId = uniqueId('E');
    const outcome = (suffix: string, reason: string) => ({
      key: employeeId,
      value: {
        outcomeId: `employee-${employeeId}/evt-1/slack/${suffix}`,
        at: new Date().toISOString(),
        employeeId,
        appId: 'slack',
        action: 'account.disable',
        outcome: 'failed',
        eventId: 'evt-1',
        workflowId: `employee-${employeeId}`,
        actor: 'system',
        reason,
      },
    });
    await publisher.publish(TOPICS.lifecycleOutcomes, [
      outcome('before', 'slack answered 503'),
      outcome('nul', 'slack said \u0000'),
      outcome('surrogate', 'half a pair \ud800'),
      outcome('after', 'slack answered 503 again'),
    ]);
    const records = await waitFor(
      () => recordsOf(employeeId),
      (found) => found.length === 2,
      { description: 'the recordable outcomes of the batch' },
    );
    expect(records.map((r) => r.sourceId.split('/').pop())).toEqual(['before', 'after']);
    const letters = await waitFor(
      () => lettersMentioning(employeeId),
      (found) => found.length === 2,
      { description: 'the two unrecordable outcomes on the dead-letter topic' },
    );
    expect(letters.map((l) => l.errors)).toEqual([
      [{ field: 'reason', message: 'reason holds a NUL character or a broken UTF-16 surrogate pair' }],
      [{ field: 'reason', message: 'reason holds a NUL character or a broken UTF-16 surrogate pair' }],
    ]);
    expect(await new ChainVerifierService(dataSource).verify()).toMatchObject({ ok: true });
  });

  /** PostgreSQL away is no bad message: the batch waits and is recorded whole once it is back, nothing parked. */
  describe('while PostgreSQL is away', () => {
    const outageSchema = `${schema}_outage`;
    let proxy: TcpProxy;
    let proxied: DataSource;
    let direct: DataSource;
    let outageConsumer: AuditIngestConsumer;

    beforeAll(async () => {
      await ensureSchema(databaseUrl, outageSchema);
      const url = new URL(databaseUrl);
      proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
      const throughProxy = new URL(databaseUrl);
      throughProxy.hostname = '127.0.0.1';
      throughProxy.port = String(proxy.port);
      const options = { schema: outageSchema, entities: [], migrations: AUDIT_MIGRATIONS };
      proxied = await new DataSource(postgresOptions({ ...options, url: throughProxy.toString() })).initialize();
      direct = await new DataSource(postgresOptions({ ...options, url: databaseUrl })).initialize();
      // A consumer group of its own reads the same topics into a schema of its own, PostgreSQL behind a proxy.
      outageConsumer = new AuditIngestConsumer(
        new AuditLedgerService(proxied),
        new DeadLetterPublisher(publisher),
        {
          clientId: 'tenure-tests',
          groupId: 'tenure-audit-outage',
          brokers: kafkaBrokers,
          topicPrefix: prefix,
          partitionsConsumedConcurrently: 3,
        },
        logger,
      );
      await outageConsumer.onApplicationBootstrap();
    });

    afterAll(async () => {
      proxy?.restore();
      await outageConsumer?.onApplicationShutdown();
      await proxied?.destroy();
      await direct?.query(`DROP SCHEMA "${outageSchema}" CASCADE`);
      await direct?.destroy();
      await proxy?.close();
    });

    it('retries the batch in place until PostgreSQL is back, then records every message in order', async () => {
      const employeeId = uniqueId('E');
      const outcomes = ['account.create', 'account.update', 'account.disable'].map((action, index) => ({
        key: employeeId,
        value: {
          outcomeId: `employee-${employeeId}/evt-${index}/slack/${action}`,
          at: new Date(Date.now() + index).toISOString(),
          employeeId,
          appId: 'slack',
          action,
          outcome: 'succeeded',
          eventId: `evt-${index}`,
          workflowId: `employee-${employeeId}`,
          actor: 'system',
        },
      }));
      const recordsOf = () =>
        direct.query(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE employee_id = $1 ORDER BY seq`, [
          employeeId,
        ]) as Promise<AuditRow[]>;
      // The consumer is known to be reading before PostgreSQL goes away.
      await publisher.publish(TOPICS.lifecycleOutcomes, outcomes.slice(0, 1));
      await waitFor(recordsOf, (found) => found.length === 1, { description: 'the first outcome recorded' });
      proxy.cut();
      await publisher.publish(TOPICS.lifecycleOutcomes, outcomes.slice(1));
      // Long enough for several retries with back-off.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(await recordsOf()).toHaveLength(1);
      proxy.restore();
      const records = await waitFor(recordsOf, (found) => found.length === 3, {
        description: 'the batch recorded once PostgreSQL is back',
        timeoutMs: 30_000,
      });
      expect(records.map((r) => r.action)).toEqual(['account.create', 'account.update', 'account.disable']);
      const letters = await readTopic(kafkaBrokers, topic(TOPICS.deadLetter));
      expect(letters.filter((l) => JSON.stringify(l.value).includes(employeeId))).toEqual([]);
      expect(await new ChainVerifierService(direct).verify()).toMatchObject({ ok: true });
    });
  });
});
