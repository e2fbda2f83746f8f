import { createLogger } from '@tenure/observability';
import { SimulatedAppSettings } from '../src/config/simulated-app';
import { RunningSaasSim, startSaasSim } from '../src/saas-sim.server';

const token = (id: string) => `${id}-token-0123456789abcdef`;
const app = (id: string, overrides: Partial<SimulatedAppSettings> = {}): SimulatedAppSettings => ({
  id,
  displayName: id,
  token: token(id),
  latencyMs: { min: 0, max: 0 },
  faults: { rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 1 },
  extensions: ['sessions', 'ownedItems'],
  ...overrides,
});

let sim: RunningSaasSim;

beforeAll(async () => {
  sim = await startSaasSim({
    apps: [app('slack'), app('plain', { extensions: [], allowUserDelete: false })],
    logger: createLogger('saas-sim', 'silent'),
    host: '127.0.0.1',
    port: 0,
  });
});

afterAll(() => sim.close());

async function call(
  appId: string,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/${appId}${path}`, {
    method,
    headers: { authorization: `Bearer ${options.token ?? token(appId)}`, 'content-type': 'application/json' },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

let sequence = 0;
async function newUser(appId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  sequence += 1;
  const { status, body } = await call(appId, 'POST', '/scim/v2/Users', {
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `user${sequence}`, ...overrides },
  });
  expect(status).toBe(201);
  return body.id as string;
}

describe("a simulated app's own API", () => {
  it('signs users in and ends every session at once', async () => {
    const userId = await newUser('slack');
    expect((await call('slack', 'POST', `/api/v1/users/${userId}/sessions`)).status).toBe(201);
    expect((await call('slack', 'POST', `/api/v1/users/${userId}/sessions`)).status).toBe(201);
    expect((await call('slack', 'GET', `/api/v1/users/${userId}/sessions`)).body.sessions).toHaveLength(2);
    expect(await call('slack', 'DELETE', `/api/v1/users/${userId}/sessions`)).toEqual({
      status: 200,
      body: { revoked: 2 },
    });
    expect(await call('slack', 'DELETE', `/api/v1/users/${userId}/sessions`)).toEqual({
      status: 200,
      body: { revoked: 0 },
    });
  });

  it('refuses a sign-in for a deactivated user', async () => {
    const userId = await newUser('slack', { active: false });
    const { status } = await call('slack', 'POST', `/api/v1/users/${userId}/sessions`);
    expect(status).toBe(400);
  });

  it('transfers owned items between users, and refuses an unknown receiver', async () => {
    const from = await newUser('slack');
    const to = await newUser('slack');
    expect((await call('slack', 'POST', `/api/v1/users/${from}/items`, { body: { name: 'roadmap' } })).status).toBe(
      201,
    );
    const transfer = (toUserId: string) =>
      call('slack', 'POST', `/api/v1/users/${from}/items/transfer`, { body: { toUserId } });
    expect(await transfer(to)).toEqual({ status: 200, body: { transferred: 1 } });
    expect(await transfer(to)).toEqual({ status: 200, body: { transferred: 0 } });
    expect((await transfer('nobody')).status).toBe(404);
    const { body } = await call('slack', 'GET', `/api/v1/users/${to}/items`);
    expect(body.items).toEqual([expect.objectContaining({ name: 'roadmap', ownerId: to })]);
  });

  it('answers 400 for a body that is not JSON or lacks a field, 401 without its token, 404 for what it lacks', async () => {
    const userId = await newUser('slack');
    expect((await call('slack', 'POST', `/api/v1/users/${userId}/items`, { raw: '{"name":' })).status).toBe(400);
    expect((await call('slack', 'POST', `/api/v1/users/${userId}/items`, { body: {} })).status).toBe(400);
    expect((await call('slack', 'GET', `/api/v1/users/${userId}/items`, { token: token('plain') })).status).toBe(401);
    expect((await call('slack', 'GET', '/api/v1/users/no-such-user/sessions')).status).toBe(404);
    const plainUser = await newUser('plain');
    expect((await call('plain', 'GET', `/api/v1/users/${plainUser}/sessions`)).status).toBe(404);
  });

  it('refuses to delete users in an app that only deactivates them', async () => {
    const userId = await newUser('plain');
    expect((await call('plain', 'DELETE', `/scim/v2/Users/${userId}`)).status).toBe(405);
    expect((await call('plain', 'GET', `/scim/v2/Users/${userId}`)).status).toBe(200);
    const other = await newUser('slack');
    expect((await call('slack', 'DELETE', `/scim/v2/Users/${other}`)).status).toBe(204);
  });

  it('pages SCIM lists by the count and startIndex asked for', async () => {
    for (let i = 0; i < 3; i += 1) await newUser('plain');
    const first = await call('plain', 'GET', '/scim/v2/Users?startIndex=1&count=2');
    const total = first.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(4);
    expect(first.body.Resources).toHaveLength(2);
    const last = await call('plain', 'GET', `/scim/v2/Users?startIndex=${total}&count=2`);
    expect(last.body.Resources).toHaveLength(1);
  });
});
