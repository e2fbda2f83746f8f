import { createServer } from 'node:net';
import { BearerCredential } from '../src/connectors/bearer-credential';
import { CreateAccountRequest } from '../src/connectors/connector';
import { ScimClient } from '../src/connectors/drivers/scim/scim.client';
import { ScimConnector } from '../src/connectors/drivers/scim/scim.connector';
import {
  appToken,
  createInApp,
  groupsIn,
  RunningSaasSim,
  simulatedApp,
  startSimulatedApps,
  usersIn,
} from './simulated-apps.fixture';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

let sim: RunningSaasSim;

beforeAll(async () => {
  sim = await startSimulatedApps([
    // A fixed delay makes concurrent calls overlap, as they do against real apps.
    simulatedApp('slack', { latencyMs: { min: 15, max: 15 } }),
    simulatedApp('zoom'),
    simulatedApp('limited', { faults: { rateLimitedRatio: 1, unavailableRatio: 0, retryAfterSeconds: 9 } }),
    simulatedApp('slow', { latencyMs: { min: 1000, max: 1000 } }),
  ]);
});

afterAll(() => sim.close());

function connectorFor(
  appId: string,
  options: { token?: string; timeoutMs?: number; baseUrl?: string } = {},
): ScimConnector {
  return new ScimConnector(
    new ScimClient({
      baseUrl: options.baseUrl ?? `${sim.url}/${appId}/scim/v2`,
      credential: new BearerCredential(options.token ?? appToken(appId)),
      timeoutMs: options.timeoutMs ?? 5000,
    }),
  );
}

let sequence = 0;
function person(overrides: Partial<CreateAccountRequest> = {}): CreateAccountRequest {
  sequence += 1;
  return {
    employeeId: `E${2000 + sequence}`,
    userName: `person${sequence}@example.com`,
    email: `person${sequence}@example.com`,
    givenName: 'Ada',
    familyName: 'Lovelace',
    department: 'Engineering',
    title: 'Engineer',
    groups: [],
    active: true,
    ...overrides,
  };
}

describe('ScimConnector against a simulated SCIM app', () => {
  it('creates the account, which the app then holds, and finds it again instead of making a second', async () => {
    const slack = connectorFor('slack');
    const request = person();
    const first = await slack.createAccount(request);
    const second = await slack.createAccount(request);

    expect(first.created).toBe(true);
    expect(second).toEqual({ externalId: first.externalId, created: false });
    const users = await usersIn(sim, 'slack', `externalId eq "${request.employeeId}"`);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      id: first.externalId,
      userName: request.userName,
      active: true,
      title: 'Engineer',
    });
    expect(users[0][ENTERPRISE]).toMatchObject({ employeeNumber: request.employeeId, department: 'Engineering' });
  });

  it("points the account at the manager's account in the same app", async () => {
    const zoom = connectorFor('zoom');
    const manager = person();
    const { externalId: managerAccount } = await zoom.createAccount(manager);
    const report = person({ managerId: manager.employeeId });
    const { externalId } = await zoom.createAccount(report);

    const [user] = await usersIn(sim, 'zoom', `externalId eq "${report.employeeId}"`);
    expect(user.id).toBe(externalId);
    expect(user[ENTERPRISE]).toMatchObject({ manager: { value: managerAccount } });
  });

  it('makes one account when two calls for the same person race (the loser links on 409)', async () => {
    const request = person({ groups: ['all-staff'] });
    const results = await Promise.all([
      connectorFor('slack').createAccount(request),
      connectorFor('slack').createAccount(request),
    ]);

    expect(new Set(results.map((result) => result.externalId)).size).toBe(1);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await usersIn(sim, 'slack', `userName eq "${request.userName}"`)).toHaveLength(1);
    const [group] = await groupsIn(sim, 'slack', 'all-staff');
    expect(
      (group.members as { value: string }[]).filter((member) => member.value === results[0].externalId),
    ).toHaveLength(1);
  });

  it('adds the account to its groups once, creating a group the app lacks', async () => {
    const zoom = connectorFor('zoom');
    const request = person({ groups: ['zoom-pro', 'zoom-webinar'] });
    const { externalId } = await zoom.createAccount(request);
    await zoom.createAccount(request);

    for (const name of ['zoom-pro', 'zoom-webinar']) {
      const [group] = await groupsIn(sim, 'zoom', name);
      expect(group.members).toEqual([expect.objectContaining({ value: externalId })]);
    }
  });

  it('takes over an account made in the app before Tenure, and sets its externalId', async () => {
    const request = person();
    const legacy = await createInApp(sim, 'zoom', { userName: request.userName.toUpperCase(), active: true });

    expect(await connectorFor('zoom').createAccount(request)).toEqual({ externalId: legacy.id, created: false });
    const [user] = await usersIn(sim, 'zoom', `userName eq "${request.userName}"`);
    expect(user).toMatchObject({ id: legacy.id, externalId: request.employeeId });
  });

  it("refuses a userName that is another person's account", async () => {
    const request = person();
    await createInApp(sim, 'zoom', { userName: request.userName, externalId: 'E-SOMEONE-ELSE' });
    await expect(connectorFor('zoom').createAccount(request)).rejects.toMatchObject({
      code: 'CONFLICT',
      retryable: false,
    });
  });

  it('disables the account in the app, again without harm, and re-activates it for a rehire', async () => {
    const zoom = connectorFor('zoom');
    const request = person();
    const { externalId } = await zoom.createAccount(request);

    await zoom.disableAccount(externalId);
    await zoom.disableAccount(externalId);
    expect((await usersIn(sim, 'zoom', `externalId eq "${request.employeeId}"`))[0].active).toBe(false);

    expect(await zoom.createAccount(request)).toEqual({ externalId, created: false });
    expect((await usersIn(sim, 'zoom', `externalId eq "${request.employeeId}"`))[0].active).toBe(true);
  });

  it('reports an account the app does not have as NOT_FOUND', async () => {
    await expect(connectorFor('zoom').disableAccount('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('reports credentials the app refuses as UNAUTHORIZED, not retryable', async () => {
    await expect(connectorFor('zoom', { token: appToken('slack') }).createAccount(person())).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      retryable: false,
    });
  });

  it("reports the app's rate limit with its Retry-After", async () => {
    await expect(connectorFor('limited').createAccount(person())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterSeconds: 9,
    });
  });

  it('reports an app that does not answer in time, or cannot be reached, as TEMPORARY', async () => {
    await expect(connectorFor('slow', { timeoutMs: 150 }).createAccount(person())).rejects.toMatchObject({
      code: 'TEMPORARY',
      message: 'the app did not answer within 150 ms',
    });

    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    await expect(
      connectorFor('zoom', { baseUrl: `http://127.0.0.1:${closedPort}/zoom/scim/v2` }).disableAccount('x'),
    ).rejects.toMatchObject({
      code: 'TEMPORARY',
      message: 'the app could not be reached (ECONNREFUSED)',
    });
  });

  it("reports a request the app rejects as INVALID with the app's reason", async () => {
    // The simulated app's filter parser cannot read an escaped quote: a genuine 400 from the app, here to the
    // look-up of the manager's account (a new hire's userName is not looked up, only POSTed).
    await expect(connectorFor('zoom').createAccount(person({ managerId: 'M"1' }))).rejects.toMatchObject({
      code: 'INVALID',
      retryable: false,
      message: expect.stringMatching(/^the app answered HTTP 400: invalidFilter/),
    });
  });
});
