import { DataSource } from 'typeorm';
import pino from 'pino';
import { TOPICS } from '@tenure/contracts';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { createKafka, DeadLetterPublisher, KafkaPublisher } from '@tenure/kafka';
import { createTopics, deleteTopics, publishRaw, readTopic, testStack, uniqueId, waitFor } from '@tenure/testing';
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
});
