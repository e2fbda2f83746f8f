import { join } from 'node:path';
import { loadYamlConfig } from '@tenure/config';
import { SaasSimConfig } from '../../saas-sim/src/config/saas-sim-config';
import { resolveSimulatedApps } from '../../saas-sim/src/config/simulated-app';
import {
  appToken,
  callAppApi,
  createInApp,
  RunningSaasSim,
  startSimulatedApps,
  usersIn,
} from './simulated-apps.fixture';
import { authorized, CONFIG_DIR, GatewayUnderTest } from './gateway-under-test.fixture';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const APP_IDS = ['slack', 'zoom', 'github', 'salesforce', 'pagerduty'];

let sim: RunningSaasSim;
let gateway: GatewayUnderTest;

/**
 * The project's own config/saas-sim.yaml and config/apps.yaml, as they run
 * (without the simulated latency): what each app offers in the simulator and
 * what its connector declares must agree.
 */
beforeAll(async () => {
  const tokens = Object.fromEntries(APP_IDS.map((id) => [`TENURE_APP_${id.toUpperCase()}_TOKEN`, appToken(id)]));
  const simConfig = loadYamlConfig(join(CONFIG_DIR, 'saas-sim.yaml'), SaasSimConfig);
  sim = await startSimulatedApps(
    resolveSimulatedApps(simConfig.apps, tokens).map((app) => ({ ...app, latencyMs: { min: 0, max: 0 } })),
  );
  const env = { ...tokens, TENURE_SAAS_SIM_URL: sim.url };
  gateway = await GatewayUnderTest.fromProjectConfig(env);
});

afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

const api = () => gateway.api();

let sequence = 0;
function person(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    employeeId: `E${3000 + sequence}`,
    userName: `person${sequence}@example.com`,
    email: `person${sequence}@example.com`,
    givenName: 'Grace',
    familyName: `Hopper${sequence}`,
    department: 'Engineering',
    title: 'Engineer',
    groups: ['all-staff'],
    ...overrides,
  };
}

async function createAccount(appId: string, body: Record<string, unknown> = person()): Promise<string> {
  const { body: created } = await api().post(`/v1/apps/${appId}/accounts`).set(authorized).send(body).expect(200);
  return created.externalId as string;
}

const userIn = async (appId: string, externalId: string) =>
  (await usersIn(sim, appId, `id eq "${externalId}"`)).find((user) => user.id === externalId);

describe('PATCH /v1/apps/:appId/accounts/:externalId', () => {
  it('changes the given profile fields and groups, and the same call again changes nothing more', async () => {
    const externalId = await createAccount('slack');
    const change = {
      givenName: 'Amazing',
      title: 'Rear Admiral',
      department: 'Navy',
      email: 'amazing.grace@example.com',
      addGroups: ['engineering', 'on-call'],
      removeGroups: ['all-staff', 'never-joined'],
    };
    const path = `/v1/apps/slack/accounts/${externalId}`;
    const first = await api().patch(path).set(authorized).send(change).expect(200);
    expect(first.body).toEqual({ appId: 'slack', externalId, groups: ['engineering', 'on-call'] });
    const again = await api().patch(path).set(authorized).send(change).expect(200);
    expect(again.body).toEqual(first.body);

    const user = await userIn('slack', externalId);
    expect(user).toMatchObject({
      name: expect.objectContaining({ givenName: 'Amazing' }),
      title: 'Rear Admiral',
      emails: [expect.objectContaining({ value: 'amazing.grace@example.com' })],
      [ENTERPRISE]: expect.objectContaining({ department: 'Navy' }),
    });
    expect((user?.groups as { display: string }[]).map((group) => group.display).sort()).toEqual([
      'engineering',
      'on-call',
    ]);
  });

  it('points the manager attribute at the manager’s account in the app', async () => {
    const managerId = await createAccount('github', person({ employeeId: 'E3900' }));
    const externalId = await createAccount('github');
    await api()
      .patch(`/v1/apps/github/accounts/${externalId}`)
      .set(authorized)
      .send({ managerId: 'E3900' })
      .expect(200);
    expect((await userIn('github', externalId))?.[ENTERPRISE]).toMatchObject({ manager: { value: managerId } });
  });

  it('answers 400 for a bad body and 404 for an account the app does not have', async () => {
    const externalId = await createAccount('slack');
    const { body } = await api()
      .patch(`/v1/apps/slack/accounts/${externalId}`)
      .set(authorized)
      .send({ email: 'nope', addGroups: 'engineering', removeGroups: [''] })
      .expect(400);
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'addGroups',
      'email',
      'removeGroups',
    ]);
    const missing = await api().patch('/v1/apps/slack/accounts/no-such-id').set(authorized).send({ title: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
  });
});

describe('POST …/enable and …/disable', () => {
  it('re-enables a disabled account, and answers the same when it already is active', async () => {
    const externalId = await createAccount('zoom');
    await api().post(`/v1/apps/zoom/accounts/${externalId}/disable`).set(authorized).expect(200);
    expect((await userIn('zoom', externalId))?.active).toBe(false);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await api()
        .post(`/v1/apps/zoom/accounts/${externalId}/enable`)
        .set(authorized)
        .expect(200, { appId: 'zoom', externalId, status: 'active' });
    }
    expect((await userIn('zoom', externalId))?.active).toBe(true);
  });
});

describe('POST …/revoke-sessions', () => {
  it("ends the account's sessions in the app; again, there are none left to end", async () => {
    const externalId = await createAccount('zoom');
    for (let signIn = 0; signIn < 2; signIn += 1) {
      expect((await callAppApi(sim, 'zoom', 'POST', `/users/${externalId}/sessions`)).status).toBe(201);
    }
    const path = `/v1/apps/zoom/accounts/${externalId}/revoke-sessions`;
    await api().post(path).set(authorized).expect(200, { appId: 'zoom', externalId, revoked: 2 });
    await api().post(path).set(authorized).expect(200, { appId: 'zoom', externalId, revoked: 0 });
    expect((await callAppApi(sim, 'zoom', 'GET', `/users/${externalId}/sessions`)).body).toEqual({ sessions: [] });
  });
});

describe('POST …/transfer-ownership', () => {
  it("hands the leaver's items to the receiving person's account, once", async () => {
    const managerId = await createAccount('github', person({ employeeId: 'E3901' }));
    const leaverId = await createAccount('github');
    for (const name of ['tenure-docs', 'tenure-infra']) {
      expect((await callAppApi(sim, 'github', 'POST', `/users/${leaverId}/items`, { name })).status).toBe(201);
    }
    const path = `/v1/apps/github/accounts/${leaverId}/transfer-ownership`;
    const expected = { appId: 'github', externalId: leaverId, toExternalId: managerId };
    await api()
      .post(path)
      .set(authorized)
      .send({ toEmployeeId: 'E3901' })
      .expect(200, { ...expected, transferred: 2 });
    await api()
      .post(path)
      .set(authorized)
      .send({ toEmployeeId: 'E3901' })
      .expect(200, { ...expected, transferred: 0 });
    const { body } = await callAppApi(sim, 'github', 'GET', `/users/${managerId}/items`);
    expect((body.items as { name: string }[]).map((item) => item.name).sort()).toEqual(['tenure-docs', 'tenure-infra']);
  });

  it('answers 404 when the receiving person has no account in the app, and 400 for a bad body', async () => {
    const leaverId = await createAccount('github');
    const path = `/v1/apps/github/accounts/${leaverId}/transfer-ownership`;
    const { body } = await api().post(path).set(authorized).send({ toEmployeeId: 'E9999' }).expect(404);
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    await api().post(path).set(authorized).send({ toEmployeeId: 'not an id' }).expect(400);
    await api().post(path).set(authorized).send({}).expect(400);
  });
});

describe('DELETE /v1/apps/:appId/accounts/:externalId', () => {
  it('deletes the account; deleting it again answers deleted: false', async () => {
    const externalId = await createAccount('slack');
    const path = `/v1/apps/slack/accounts/${externalId}`;
    await api()
      .delete(path)
      .set(authorized)
      .expect(200, { appId: 'slack', externalId, status: 'deleted', deleted: true });
    expect(await userIn('slack', externalId)).toBeUndefined();
    await api()
      .delete(path)
      .set(authorized)
      .expect(200, { appId: 'slack', externalId, status: 'deleted', deleted: false });
  });
});

describe('an operation the app does not support', () => {
  it('answers 422 NOT_SUPPORTED, not retryable, without touching the app', async () => {
    const externalId = await createAccount('salesforce');
    const refused = await api().delete(`/v1/apps/salesforce/accounts/${externalId}`).set(authorized).expect(422);
    expect(refused.body.error).toMatchObject({ code: 'NOT_SUPPORTED', retryable: false });
    expect(await userIn('salesforce', externalId)).toMatchObject({ active: true });

    const zoomId = await createAccount('zoom');
    const transfer = await api()
      .post(`/v1/apps/zoom/accounts/${zoomId}/transfer-ownership`)
      .set(authorized)
      .send({ toEmployeeId: 'E3000' })
      .expect(422);
    expect(transfer.body.error).toMatchObject({ code: 'NOT_SUPPORTED', retryable: false });
  });

  it('agrees with the simulated app: Salesforce itself refuses deletes', async () => {
    const [user] = await usersIn(sim, 'salesforce');
    const response = await fetch(`${sim.url}/salesforce/scim/v2/Users/${user.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${appToken('salesforce')}` },
    });
    expect(response.status).toBe(405);
  });
});

describe('GET /v1/apps/:appId/accounts', () => {
  it('pages through every account of the app with the attributes reconciliation compares', async () => {
    const created = [await createAccount('github', person({ groups: ['engineering'] }))];
    await createInApp(sim, 'github', { userName: 'shadow.signup@example.com', active: true });
    const everyone = (await usersIn(sim, 'github')).map((user) => user.id);
    expect(everyone.length).toBeGreaterThan(3);

    const seen: { externalId: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { body } = await api()
        .get('/v1/apps/github/accounts')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(authorized)
        .expect(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen.map((item) => item.externalId).sort()).toEqual([...everyone].sort());
    expect(pages).toBe(Math.ceil(everyone.length / 2));

    const managed = seen.find((item) => item.externalId === created[0]);
    expect(managed).toEqual({
      externalId: created[0],
      userName: expect.stringMatching(/@example\.com$/),
      employeeId: expect.stringMatching(/^E3/),
      email: expect.stringMatching(/@example\.com$/),
      active: true,
      groups: ['engineering'],
      department: 'Engineering',
      title: 'Engineer',
    });
    const shadow = seen.find((item) => (item as { userName?: string }).userName === 'shadow.signup@example.com');
    expect(shadow).toEqual({
      externalId: expect.any(String),
      userName: 'shadow.signup@example.com',
      active: true,
      groups: [],
    });
  });

  it('answers 400 for a limit out of range or a cursor it never issued', async () => {
    await api().get('/v1/apps/github/accounts?limit=0').set(authorized).expect(400);
    await api().get('/v1/apps/github/accounts?limit=5000').set(authorized).expect(400);
    await api().get('/v1/apps/github/accounts?cursor=%27%20or%201').set(authorized).expect(400);
    const { body } = await api().get('/v1/apps/github/accounts?cursor=abc').set(authorized).expect(422);
    expect(body.error).toMatchObject({ code: 'INVALID', retryable: false });
  });
});
