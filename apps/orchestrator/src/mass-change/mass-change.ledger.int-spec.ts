import { Client } from 'pg';
import { IDENTITY_MIGRATIONS } from '../identity/identity-store.schema';
import { DataSource } from 'typeorm';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { MassChangeSettings } from '@tenure/policy';
import { testStack, uniqueId } from '@tenure/testing';
import type { RemovalRequest } from '@tenure/temporal-contracts';
import { AccountEntity } from '../identity/account.entity';
import { EntitlementEntity } from '../identity/entitlement.entity';
import { PersonEntity } from '../identity/person.entity';
import { RunEntity } from '../identity/run.entity';
import { PolicyRolloutEntity } from '../policy-rollout/policy-rollout.entity';
import { MassChangeBatchEntity } from './mass-change-batch.entity';
import { MassChangeEntryEntity } from './mass-change-entry.entity';
import { MassChangeLedger } from './mass-change.ledger';
import { MassChangeQueries } from './mass-change.queries';

/**
 * The ledger on the real PostgreSQL, in a schema of its own (so its bursts
 * never count against the test stack's window): many runs asking at once,
 * on separate connections as separate replicas would, never admit more
 * people than the limit between them.
 */
const stack = testStack();
const schema = `mass_change_${uniqueId('t')
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
const settings = Object.assign(new MassChangeSettings(), { window: '15m', maxPeople: 5, maxPeopleDeleted: 2 });
let dataSources: DataSource[] = [];

const entities = [
  PersonEntity,
  AccountEntity,
  EntitlementEntity,
  RunEntity,
  PolicyRolloutEntity,
  MassChangeBatchEntity,
  MassChangeEntryEntity,
];

function leaver(employeeId: string, change: 'disable' | 'delete' = 'disable'): RemovalRequest {
  return {
    runId: `${employeeId}~evt-terminate`,
    employeeId,
    eventId: 'evt-terminate',
    eventType: 'terminate',
    source: 'csv',
    origin: 'hr',
    phase: change === 'disable' ? 'disable' : 'delete',
    accounts: ['slack', 'zoom', 'github', 'salesforce', 'pagerduty'].map((appId) => ({ appId, change })),
  };
}

async function connect(): Promise<DataSource> {
  const dataSource = await new DataSource(
    postgresOptions({
      url: stack.databaseUrl,
      schema,
      poolSize: 4,
      entities,
      migrations: IDENTITY_MIGRATIONS,
    }),
  ).initialize();
  dataSources.push(dataSource);
  return dataSource;
}

async function clearLedger(dataSource: DataSource): Promise<void> {
  await dataSource.query('DELETE FROM mass_change_entries');
  await dataSource.query('DELETE FROM mass_change_batches');
}

let ledgers: MassChangeLedger[];
let queries: MassChangeQueries;

beforeAll(async () => {
  await ensureSchema(stack.databaseUrl, schema);
  const first = await connect();
  // Four "replicas", each with its own pool.
  const others = await Promise.all([connect(), connect(), connect()]);
  ledgers = [first, ...others].map((dataSource) => new MassChangeLedger(dataSource, () => settings));
  queries = new MassChangeQueries(first);
});

afterAll(async () => {
  await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
  dataSources = [];
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

beforeEach(() => clearLedger(dataSources[0]));

describe('mass-change ledger', () => {
  it('admits exactly the limit out of 40 leavers asking at once from four replicas, and holds the rest as one batch', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => leaver(`E${i}`));
    const answers = await Promise.all(requests.map((request, i) => ledgers[i % ledgers.length].admit(request)));
    const admitted = answers.filter((answer) => answer.decision === 'admitted');
    const held = answers.flatMap((answer) => (answer.decision === 'held' ? [answer] : []));
    expect(admitted).toHaveLength(5);
    expect(held).toHaveLength(35);
    expect(new Set(held.map((answer) => answer.batchId)).size).toBe(1);

    const [batch] = await queries.list();
    expect(batch).toMatchObject({
      batchId: held[0].batchId,
      status: 'waiting_approval',
      window: '15m',
      limits: { maxPeople: 5, maxPeopleDeleted: 2 },
      counts: { people: 35, accounts: 175, runs: 35, waiting: 35, peopleDisabled: 35, peopleDeleted: 0 },
      sources: ['csv'],
    });
    // The first run past the limit opens the batch; the others join it while it waits.
    const batchId = held[0].batchId;
    expect(held.map((answer) => answer.reason).sort()).toEqual([
      `6 people would lose access within 15m (limit 5): held in mass change ${batchId}`,
      ...Array.from({ length: 34 }, () => `mass change ${batchId} is waiting for approval`),
    ]);
  });

  it('answers a repeated question with the first answer, so a retried activity changes nothing', async () => {
    for (let i = 0; i < 5; i++) await ledgers[0].admit(leaver(`E${i}`));
    const held = await ledgers[1].admit(leaver('E5'));
    expect(held.decision).toBe('held');
    expect(await Promise.all([ledgers[2].admit(leaver('E5')), ledgers[3].admit(leaver('E0'))])).toEqual([
      held,
      { decision: 'admitted' },
    ]);
    const [batch] = await queries.list();
    expect(batch.counts.runs).toBe(1);
  });

  it('counts a person once and lets one leaver with many runs through', async () => {
    for (let i = 0; i < 4; i++) await ledgers[0].admit(leaver(`E${i}`));
    const second = { ...leaver('E0'), runId: 'E0~evt-other', eventId: 'evt-other' };
    expect(await ledgers[0].admit(second)).toEqual({ decision: 'admitted' });
    expect(await ledgers[0].admit(leaver('E4'))).toEqual({ decision: 'admitted' });
    expect((await ledgers[0].admit(leaver('E5'))).decision).toBe('held');
  });

  it('holds deletions past their own, tighter limit', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ledgers[0].admit(leaver(`E${i}`, 'delete')));
    expect(answers.map((answer) => answer.decision)).toEqual(['admitted', 'admitted', 'held', 'held']);
    const [batch] = await queries.list();
    expect(batch.counts).toMatchObject({ people: 2, peopleDeleted: 2, peopleDisabled: 0 });
  });

  it('decides a batch once: approving again repeats, rejecting after approval is a conflict', async () => {
    for (let i = 0; i < 7; i++) await ledgers[i % 4].admit(leaver(`E${i}`));
    const [batch] = await queries.list('waiting_approval');
    const approved = await ledgers[0].decideBatch(batch.batchId, 'approved', 'ops.alice', 'planned layoff');
    expect(approved.map((entry) => entry.employeeId)).toEqual(['E5', 'E6']);
    expect((await ledgers[1].decideBatch(batch.batchId, 'approved', 'ops.alice', undefined)).length).toBe(2);
    await expect(ledgers[2].decideBatch(batch.batchId, 'rejected', 'ops.bob', undefined)).rejects.toThrow(
      `mass change ${batch.batchId} is already approved`,
    );
    await expect(ledgers[2].decideBatch('mc-nope', 'approved', 'ops.bob', undefined)).rejects.toThrow(
      'no mass change mc-nope',
    );
    // An approved run asking again (as its workflow does) is admitted; a new leaver opens a new batch.
    expect(await ledgers[3].admit(leaver('E5'))).toEqual({ decision: 'admitted' });
    const next = await ledgers[3].admit(leaver('E7'));
    expect(next).toMatchObject({ decision: 'held' });
    expect(next.decision === 'held' && next.batchId).not.toBe(batch.batchId);
    const detail = await queries.get(batch.batchId);
    expect(detail).toMatchObject({ status: 'approved', decidedBy: 'ops.alice', reason: 'planned layoff' });
    expect(detail?.runs.map((run) => [run.employeeId, run.status, run.accounts.length])).toEqual([
      ['E5', 'approved', 5],
      ['E6', 'approved', 5],
    ]);
  });

  it('lowers the limit to maxPercent of the people who are active or on leave', async () => {
    const people = dataSources[0].getRepository(PersonEntity);
    await dataSources[0].query('DELETE FROM people');
    const person = (employeeId: string, state: PersonEntity['state']) => ({
      employeeId,
      state,
      attributes: { employeeId } as PersonEntity['attributes'],
      lastEventId: 'evt-hire',
    });
    await people.insert([
      ...Array.from({ length: 16 }, (_, i) => person(`A${i}`, 'active')),
      ...Array.from({ length: 4 }, (_, i) => person(`L${i}`, 'on_leave')),
      ...Array.from({ length: 30 }, (_, i) => person(`T${i}`, 'terminated')),
    ]);
    const ledger = new MassChangeLedger(dataSources[0], () =>
      Object.assign(new MassChangeSettings(), { ...settings, maxPercent: 10 }),
    );
    try {
      // 10% of the 20 active or on leave is 2, below maxPeople's 5.
      expect(await ledger.admit(leaver('A0'))).toEqual({ decision: 'admitted' });
      expect(await ledger.admit(leaver('A1'))).toEqual({ decision: 'admitted' });
      const held = await ledger.admit(leaver('A2'));
      expect(held).toMatchObject({
        decision: 'held',
        reason: expect.stringMatching(/^3 people would lose access within 15m \(limit 2\)/),
      });
    } finally {
      await dataSources[0].query('DELETE FROM people');
    }
  });

  it('never holds the re-plans of a policy rollout, which is guarded as a whole', async () => {
    for (let i = 0; i < 5; i++) await ledgers[0].admit(leaver(`E${i}`));
    const replan: RemovalRequest = {
      ...leaver('E9'),
      runId: `E9~policy-${'a'.repeat(32)}-E9`,
      eventId: `policy-${'a'.repeat(32)}-E9`,
      eventType: 'change',
      source: 'policy',
      phase: 'apply',
    };
    expect(await ledgers[0].admit(replan)).toEqual({ decision: 'admitted' });
  });
});
