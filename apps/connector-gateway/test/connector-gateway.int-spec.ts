import { appToken, RunningSaasSim, simulatedApp, startSimulatedApps, usersIn } from './simulated-apps.fixture';
import { authorized, GatewayUnderTest } from './gateway-under-test.fixture';

let sim: RunningSaasSim;
let gateway: GatewayUnderTest;

/**
 * The gateway as it runs: the project's own config/apps.yaml, pointed at the
 * simulated apps, with the token variables it names. Zoom is given a token
 * the simulated Zoom does not accept; Salesforce rate-limits every request.
 */
beforeAll(async () => {
  sim = await startSimulatedApps([
    simulatedApp('slack'),
    simulatedApp('zoom'),
    simulatedApp('github'),
    simulatedApp('salesforce', { faults: { rateLimitedRatio: 1, unavailableRatio: 0, retryAfterSeconds: 4 } }),
  ]);
  const env = {
    TENURE_SAAS_SIM_URL: sim.url,
    TENURE_APP_SLACK_TOKEN: appToken('slack'),
    TENURE_APP_ZOOM_TOKEN: 'a-token-zoom-never-issued',
    TENURE_APP_GITHUB_TOKEN: appToken('github'),
    TENURE_APP_SALESFORCE_TOKEN: appToken('salesforce'),
    TENURE_APP_PAGERDUTY_TOKEN: appToken('pagerduty'),
  };
  gateway = await GatewayUnderTest.fromProjectConfig(env);
});

afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

const api = () => gateway.api();

const ada = {
  employeeId: 'E1001',
  userName: 'ada.lovelace@example.com',
  email: 'ada.lovelace@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  displayName: 'Ada Lovelace',
  department: 'Engineering',
  managerId: 'E1000',
  groups: ['all-staff'],
};

describe('connector gateway HTTP API', () => {
  it('answers health checks without a token and everything else only with one', async () => {
    await api().get('/health').expect(200, { status: 'ok' });
    await api().get('/v1/apps').expect(401);
    await api().get('/metrics').expect(401);
    await api().get('/v1/apps/slack/accounts').expect(401);
    await api()
      .post('/v1/apps/slack/accounts')
      .set({ authorization: 'Bearer wrong-token-0123456789' })
      .send(ada)
      .expect(401);
    expect(await usersIn(sim, 'slack')).toEqual([]);
  });

  it('lists the configured apps with their connector, capabilities and health', async () => {
    const { body } = await api().get('/v1/apps').set(authorized).expect(200);
    expect(body.apps.map((app: { appId: string }) => app.appId)).toEqual(['slack', 'zoom', 'github', 'salesforce', 'pagerduty']);
    expect(body.apps[0]).toEqual({
      appId: 'slack',
      displayName: 'Slack',
      kind: 'scim',
      capabilities: [
        'create',
        'update',
        'disable',
        'delete',
        'groups',
        'list_accounts',
        'revoke_sessions',
        'transfer_ownership',
      ],
      health: { circuit: 'closed', consecutiveFailures: 0 },
      // Nothing has called Slack through this gateway yet.
      recent: { requests: 0, failed: 0, windowSeconds: 300 },
    });
    const capabilitiesOf = (appId: string) =>
      body.apps.find((app: { appId: string }) => app.appId === appId).capabilities;
    expect(capabilitiesOf('zoom')).not.toContain('transfer_ownership');
    expect(capabilitiesOf('salesforce')).not.toContain('delete');
  });

  it('creates the account once: the same call again answers the same account', async () => {
    const first = await api().post('/v1/apps/slack/accounts').set(authorized).send(ada).expect(200);
    expect(first.body).toEqual({ appId: 'slack', externalId: expect.any(String), status: 'active', created: true });

    const again = await api().post('/v1/apps/slack/accounts').set(authorized).send(ada).expect(200);
    expect(again.body).toEqual({ ...first.body, created: false });

    const users = await usersIn(sim, 'slack');
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      id: first.body.externalId,
      externalId: 'E1001',
      userName: ada.userName,
      active: true,
    });
    expect(users[0].groups).toEqual([expect.objectContaining({ display: 'all-staff' })]);
  });

  it('disables the account in the app, and answers the same when it already is', async () => {
    const { body: created } = await api().post('/v1/apps/github/accounts').set(authorized).send(ada).expect(200);
    const path = `/v1/apps/github/accounts/${created.externalId}/disable`;

    await api()
      .post(path)
      .set(authorized)
      .send({})
      .expect(200, { appId: 'github', externalId: created.externalId, status: 'disabled' });
    await api().post(path).set(authorized).expect(200);
    expect((await usersIn(sim, 'github'))[0].active).toBe(false);
  });

  it('answers 404 NOT_FOUND for an account the app does not have', async () => {
    const { body } = await api().post('/v1/apps/github/accounts/no-such-account/disable').set(authorized).expect(404);
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
  });

  it('answers 404 UNKNOWN_APP for an app that is not configured', async () => {
    const { body } = await api().post('/v1/apps/myspace/accounts').set(authorized).send(ada).expect(404);
    expect(body).toEqual({ error: { code: 'UNKNOWN_APP', message: 'no app myspace is configured', retryable: false } });
    await api().post('/v1/apps/myspace/accounts/x/disable').set(authorized).expect(404);
  });

  it('answers 400 with every problem for a bad body, and never calls the app', async () => {
    const { body } = await api()
      .post('/v1/apps/slack/accounts')
      .set(authorized)
      .send({ ...ada, employeeId: 'E 1', email: 'not-an-email', groups: 'all-staff' })
      .expect(400);
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'email',
      'employeeId',
      'groups',
    ]);

    await api()
      .post('/v1/apps/slack/accounts')
      .set(authorized)
      .set('content-type', 'application/json')
      .send('{"employeeId":')
      .expect(400);
    await api().post('/v1/apps/slack/accounts').set(authorized).send([ada]).expect(400);
    expect(await usersIn(sim, 'slack', 'externalId eq "E 1"')).toEqual([]);
  });

  it('answers 502 UNAUTHORIZED, not retryable, when the app refuses the gateway credentials', async () => {
    const { body } = await api().post('/v1/apps/zoom/accounts').set(authorized).send(ada).expect(502);
    expect(body.error).toMatchObject({ code: 'UNAUTHORIZED', retryable: false });
    expect(JSON.stringify(body)).not.toContain('a-token-zoom-never-issued');
  });

  it("answers 429 RATE_LIMITED with the app's Retry-After", async () => {
    const response = await api().post('/v1/apps/salesforce/accounts').set(authorized).send(ada).expect(429);
    expect(response.body.error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 4 });
    expect(response.headers['retry-after']).toBe('4');
  });

  it("answers 422 INVALID with the app's reason when the app rejects the request", async () => {
    const { body } = await api()
      .post('/v1/apps/slack/accounts')
      .set(authorized)
      // The app's filter parser cannot read an escaped quote: a genuine 400 to the look-up of the group.
      .send({ ...ada, employeeId: 'E1002', userName: 'ada.l@example.com', groups: ['all"staff'] })
      .expect(422);
    expect(body.error).toMatchObject({
      code: 'INVALID',
      retryable: false,
      message: expect.stringContaining('invalidFilter'),
    });
  });
});
