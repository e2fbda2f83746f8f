import type request from 'supertest';
import { AppsConfig, parseYamlConfig } from '@tenure/config';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  appToken,
  createInApp,
  inflict,
  RunningSaasSim,
  simulatedApp,
  startSimulatedAppsWithAdmin,
  usersIn,
} from './simulated-apps.fixture';
import { authorized, GatewayUnderTest } from './gateway-under-test.fixture';

const APP_IDS = ['burst', 'patient', 'flaky', 'outage', 'slow', 'queued', 'urgent'];

let sim: RunningSaasSim;
let gateway: GatewayUnderTest;

/** Each app gets its own settings so one test's faults and pauses never reach another's. */
function appsYaml(simUrl: string): string {
  const app = (id: string, extra: string) =>
    [
      `  - id: ${id}`,
      `    displayName: ${id}`,
      '    connector: scim',
      `    scim: { baseUrl: "${simUrl}/${id}/scim/v2" }`,
      `    auth: { type: bearer, tokenEnv: TOKEN_${id.toUpperCase()} }`,
      extra,
    ].join('\n');
  return [
    'apps:',
    app('burst', '    rateLimit: { maxRetryAfterWaitSeconds: 2 }'),
    app('patient', '    rateLimit: { maxRetryAfterWaitSeconds: 2 }'),
    app('flaky', '    circuitBreaker: { failureThreshold: 3, openSeconds: 1 }'),
    app('outage', '    circuitBreaker: { failureThreshold: 1000 }'),
    app('slow', '    timeoutMs: 300'),
    // One request at a time, with little room: callers queue for these two.
    app('queued', '    rateLimit: { requestsPerSecond: 2, burst: 1, maxConcurrent: 1 }'),
    app('urgent', '    rateLimit: { requestsPerSecond: 20, burst: 1, maxConcurrent: 1 }'),
  ].join('\n');
}

beforeAll(async () => {
  sim = await startSimulatedAppsWithAdmin(APP_IDS.map((id) => simulatedApp(id)));
  const env = Object.fromEntries(APP_IDS.map((id) => [`TOKEN_${id.toUpperCase()}`, appToken(id)]));
  const { apps } = parseYamlConfig('apps.yaml', appsYaml(sim.url), AppsConfig, env);
  gateway = await GatewayUnderTest.start(apps, env);
});

afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

const api = () => gateway.api();

let sequence = 0;
const person = () => {
  sequence += 1;
  return {
    employeeId: `E${5000 + sequence}`,
    userName: `faulty${sequence}@example.com`,
    email: `faulty${sequence}@example.com`,
    givenName: 'Fault',
    familyName: `Tolerant${sequence}`,
    groups: ['all-staff'],
  };
};

interface Attempts {
  status: number;
  body: Record<string, unknown>;
  attempts: number;
}

/**
 * Calls the gateway as the orchestrator's activities do: a retryable error is
 * tried again after its retryAfterSeconds (or a short back-off), a permanent
 * one is returned at once.
 */
async function callUntilDone(send: () => request.Test, deadlineMs = 20_000): Promise<Attempts> {
  const deadline = Date.now() + deadlineMs;
  for (let attempts = 1; ; attempts += 1) {
    const response = await send();
    const error = response.body.error as { retryable?: boolean; retryAfterSeconds?: number } | undefined;
    if (!error?.retryable || Date.now() > deadline) return { status: response.status, body: response.body, attempts };
    await new Promise((resolve) => setTimeout(resolve, Math.min((error.retryAfterSeconds ?? 0.2) * 1000, 1000)));
  }
}

const metrics = async () => (await api().get('/metrics').set(authorized).expect(200)).text;
const healthOf = async (appId: string) =>
  ((await api().get('/v1/apps').set(authorized).expect(200)).body.apps as { appId: string; health: object }[]).find(
    (app) => app.appId === appId,
  )?.health;

describe('per-app protection against a misbehaving app', () => {
  it('waits out a burst of 429 with a short Retry-After, then carries the request out once', async () => {
    await inflict(sim, 'burst', { rateLimitBurst: 2, retryAfterSeconds: 1 });
    const ada = person();
    const response = await api().post('/v1/apps/burst/accounts').set(authorized).send(ada).expect(200);
    expect(response.body).toMatchObject({ created: true });
    expect(await usersIn(sim, 'burst', `externalId eq "${ada.employeeId}"`)).toHaveLength(1);
    const text = await metrics();
    expect(text).toMatch(
      /tenure_gateway_app_requests_total\{app_id="burst",outcome="RATE_LIMITED",service="connector-gateway"\} 2/,
    );
    expect(text).toMatch(
      /tenure_gateway_rate_limit_waits_total\{app_id="burst",reason="retry_after",service="connector-gateway"\} [1-9]/,
    );
  });

  it('hands a long Retry-After back to the caller and holds further requests without calling the app', async () => {
    await inflict(sim, 'patient', { rateLimitBurst: 1, retryAfterSeconds: 30 });
    const first = await api().post('/v1/apps/patient/accounts').set(authorized).send(person()).expect(429);
    expect(first.body.error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 30 });
    expect(first.headers['retry-after']).toBe('30');

    const second = await api().post('/v1/apps/patient/accounts').set(authorized).send(person()).expect(429);
    expect(second.body.error.retryAfterSeconds).toBeGreaterThan(25);
    expect(await metrics()).toMatch(
      /tenure_gateway_app_requests_total\{app_id="patient",outcome="RATE_LIMITED",service="connector-gateway"\} 1\n/,
    );
    expect(await usersIn(sim, 'patient')).toEqual([]);
  });

  it('opens the circuit after repeated 503s, fails fast while open, and closes after a successful probe', async () => {
    await inflict(sim, 'flaky', { unavailableRatio: 1 });
    for (let i = 0; i < 3; i += 1) {
      const { body } = await api().post('/v1/apps/flaky/accounts').set(authorized).send(person()).expect(503);
      expect(body.error).toMatchObject({ code: 'TEMPORARY', retryable: true });
    }
    expect(await healthOf('flaky')).toEqual({
      circuit: 'open',
      consecutiveFailures: 3,
      openUntil: expect.any(String),
    });
    const fastFail = await api().post('/v1/apps/flaky/accounts').set(authorized).send(person()).expect(503);
    expect(fastFail.body.error).toMatchObject({ code: 'TEMPORARY', retryAfterSeconds: 1 });
    expect(fastFail.body.error.message).toContain('calls resume after a pause');
    expect(await metrics()).toContain(
      'tenure_gateway_circuit_state{app_id="flaky",state="open",service="connector-gateway"} 1',
    );

    await inflict(sim, 'flaky', { reset: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await healthOf('flaky')).toMatchObject({ circuit: 'half_open' });
    const ada = person();
    await api().post('/v1/apps/flaky/accounts').set(authorized).send(ada).expect(200);
    expect(await healthOf('flaky')).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
    expect(await usersIn(sim, 'flaky')).toHaveLength(1);
  });

  // The same behaviour as an outage of a minute, shortened to 3 s to keep the suite quick.
  it('loses no operation during an outage: a retrying caller gets it done once the app is back', async () => {
    const ada = person();
    const created = await api().post('/v1/apps/outage/accounts').set(authorized).send(ada).expect(200);
    await inflict(sim, 'outage', { outageSeconds: 3 });
    const started = Date.now();
    const [createdDuringOutage, disabled] = await Promise.all([
      callUntilDone(() => api().post('/v1/apps/outage/accounts').set(authorized).send(person())),
      callUntilDone(() => api().post(`/v1/apps/outage/accounts/${created.body.externalId}/disable`).set(authorized)),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    expect(createdDuringOutage).toMatchObject({ status: 200, body: { created: true } });
    expect(createdDuringOutage.attempts).toBeGreaterThan(1);
    expect(disabled).toMatchObject({ status: 200, body: { status: 'disabled' } });
    const users = await usersIn(sim, 'outage');
    expect(users).toHaveLength(2);
    expect(users.find((user) => user.externalId === ada.employeeId)?.active).toBe(false);
  });

  it('times out a hanging app as a retryable failure', async () => {
    await inflict(sim, 'slow', { hangRatio: 1 });
    const started = Date.now();
    const { body } = await api().post('/v1/apps/slow/accounts').set(authorized).send(person()).expect(503);
    expect(body.error).toMatchObject({ code: 'TEMPORARY', retryable: true });
    expect(body.error.message).toContain('did not answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2000);
    await inflict(sim, 'slow', { reset: true });
  });

  it('makes no second account when the app created one but its answer was lost', async () => {
    const ada = person();
    await inflict(sim, 'slow', { lostWriteAnswerRatio: 1 });
    const lost = await api().post('/v1/apps/slow/accounts').set(authorized).send(ada).expect(503);
    expect(lost.body.error.message).toContain('did not answer');
    await inflict(sim, 'slow', { reset: true });

    const retried = await api().post('/v1/apps/slow/accounts').set(authorized).send(ada).expect(200);
    expect(retried.body).toMatchObject({ created: false });
    const accounts = await usersIn(sim, 'slow', `externalId eq "${ada.employeeId}"`);
    expect(accounts).toHaveLength(1);
    expect(accounts[0].id).toBe(retried.body.externalId);
  });

  it("drops the requests still queued for an app once their caller has stopped waiting; the caller's retry is sent", async () => {
    const users = await Promise.all(
      [1, 2, 3, 4].map((n) => createInApp(sim, 'queued', { userName: `queued${n}@example.com`, active: true })),
    );
    const disable = (id: string) => api().post(`/v1/apps/queued/accounts/${id}/disable`).set(authorized);
    const waited = disable(users[0].id).expect(200);
    // These callers give up while their requests wait for the app's rate limit (2 a second, one at a time).
    const givenUp = await Promise.allSettled(users.slice(1).map((user) => disable(user.id).timeout(150)));
    expect(givenUp.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await waited;
    // Long enough for the three to have gone out, had they been kept (at least 2 requests each, 2 a second).
    await sleep(3500);
    const active = async (id: string) => (await usersIn(sim, 'queued')).find((user) => user.id === id)?.active;
    expect(await active(users[0].id)).toBe(false);
    for (const user of users.slice(1)) expect(await active(user.id)).toBe(true);
    expect(await metrics()).toMatch(
      /tenure_gateway_dropped_requests_total\{app_id="queued",service="connector-gateway"\} [1-9]/,
    );

    await disable(users[1].id).expect(200);
    expect(await active(users[1].id)).toBe(false);
    expect(await healthOf('queued')).toEqual({ circuit: 'closed', consecutiveFailures: 0 });
  });

  it("sends a leaver's disable ahead of the enables queued for the app before it", async () => {
    const seeded = await Promise.all(
      Array.from({ length: 11 }, (_, n) => createInApp(sim, 'urgent', { userName: `urgent${n}@example.com` })),
    );
    const [leaver, ...returning] = seeded;
    const call = (id: string, operation: 'enable' | 'disable') =>
      api().post(`/v1/apps/urgent/accounts/${id}/${operation}`).set(authorized).expect(200);
    await call(leaver.id, 'enable');
    const finished: string[] = [];
    const enables = returning.map((user) => call(user.id, 'enable').then(() => finished.push('enable')));
    // The enables are queued first: 20 requests a second, one at a time, and each enable is more than one request.
    await sleep(100);
    await call(leaver.id, 'disable').then(() => finished.push('disable'));
    await Promise.all(enables);
    // First come, first served, the disable would finish last; only the enables already in flight may go first.
    expect(finished.indexOf('disable')).toBeLessThanOrEqual(2);
    expect((await usersIn(sim, 'urgent')).map((user) => user.active).sort()).toEqual([
      false,
      ...returning.map(() => true),
    ]);
  });
});
