import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { testStack, uniqueId } from '@tenure/testing';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from './identity-store.schema';
import type { RunState } from '@tenure/temporal-contracts';
import type { OrchestratorMetrics } from '../metrics/orchestrator-metrics';
import { IdentityRepository } from './identity.repository';
import { RunRepository } from './run.repository';

/** The identity store's writes of accounts and runs on the real PostgreSQL, in a schema of its own. */
const stack = testStack();
const schema = `identity_${uniqueId('t')
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
let dataSource: DataSource;
let identity: IdentityRepository;

const ada = {
  employeeId: 'E1',
  email: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  employmentType: 'employee' as const,
};

beforeAll(async () => {
  await ensureSchema(stack.databaseUrl, schema);
  dataSource = await new DataSource(
    postgresOptions({
      url: stack.databaseUrl,
      schema,
      poolSize: 2,
      entities: IDENTITY_ENTITIES,
      migrations: IDENTITY_MIGRATIONS,
    }),
  ).initialize();
  identity = new IdentityRepository(dataSource);
  await identity.savePerson(ada, 'active', 'evt-hire');
});

afterAll(async () => {
  await dataSource.destroy();
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe('identity store accounts', () => {
  it('writes a phase’s accounts in one call; a row without the app’s id keeps the id already known', async () => {
    await identity.saveAccounts([
      { employeeId: 'E1', appId: 'slack', status: 'active', eventId: 'evt-hire', externalId: 'U1' },
      { employeeId: 'E1', appId: 'zoom', status: 'active', eventId: 'evt-hire', externalId: 'Z1' },
    ]);

    await identity.saveAccounts([
      { employeeId: 'E1', appId: 'slack', status: 'disabled', eventId: 'evt-leave', externalId: 'U1' },
      { employeeId: 'E1', appId: 'zoom', status: 'failed', eventId: 'evt-leave', reason: 'zoom is down' },
      { employeeId: 'E1', appId: 'github', status: 'disabled', eventId: 'evt-leave', externalId: 'G1' },
    ]);

    const record = await identity.findPerson('E1');
    expect(record?.person.attributes).toEqual(ada);
    const accounts = record?.accounts.map(({ appId, status, externalId, reason, lastEventId }) => ({
      appId,
      status,
      externalId,
      reason,
      lastEventId,
    }));
    expect(accounts?.sort((a, b) => a.appId.localeCompare(b.appId))).toEqual([
      { appId: 'github', status: 'disabled', externalId: 'G1', reason: null, lastEventId: 'evt-leave' },
      { appId: 'slack', status: 'disabled', externalId: 'U1', reason: null, lastEventId: 'evt-leave' },
      { appId: 'zoom', status: 'failed', externalId: 'Z1', reason: 'zoom is down', lastEventId: 'evt-leave' },
    ]);
  });

  it('keeps the last of two changes to the same account in one write, instead of refusing the write', async () => {
    await identity.saveAccounts([
      { employeeId: 'E1', appId: 'jira', status: 'active', eventId: 'evt-1', externalId: 'J1' },
      { employeeId: 'E1', appId: 'jira', status: 'suspended', eventId: 'evt-2', externalId: 'J1' },
    ]);

    expect(await identity.accountsOf('E1')).toContainEqual({ appId: 'jira', status: 'suspended', externalId: 'J1' });
  });

  it('finds no person, rather than accounts without one, for someone the store does not know', async () => {
    expect(await identity.findPerson('nobody')).toBeUndefined();
  });
});

describe('identity store runs', () => {
  const leaving: RunState = {
    runId: 'E1~evt-leave',
    employeeId: 'E1',
    eventId: 'evt-leave',
    eventType: 'terminate',
    subject: { kind: 'event', event: { eventId: 'evt-leave' } } as unknown as RunState['subject'],
    status: 'running',
    effectiveAt: '2026-12-01T09:00:00.000Z',
    completedPhases: [],
    steps: [],
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
  };

  it('counts a leaver’s access as revoked once, at the save that first records the disable phase done', async () => {
    const accessRevoked = jest.fn();
    const runs = new RunRepository(dataSource, { accessRevoked } as unknown as OrchestratorMetrics);

    await runs.saveRun(leaving);
    expect(accessRevoked).not.toHaveBeenCalled();
    await runs.saveRun({ ...leaving, completedPhases: ['disable'] });
    await runs.saveRun({ ...leaving, status: 'completed', completedPhases: ['disable', 'delete'] });

    expect(accessRevoked).toHaveBeenCalledTimes(1);
    expect(await runs.findRun(leaving.runId)).toMatchObject({
      status: 'completed',
      completedPhases: ['disable', 'delete'],
    });
  });

  it('stores a run whose text PostgreSQL cannot hold, with those characters replaced', async () => {
    const runs = new RunRepository(dataSource);
    await runs.saveRun({ ...leaving, runId: 'E1~evt-nul', reason: 'bad\u0000name \uD800' });

    expect((await runs.findRun('E1~evt-nul'))?.reason).toBe('bad\uFFFDname \uFFFD');
  });
});
