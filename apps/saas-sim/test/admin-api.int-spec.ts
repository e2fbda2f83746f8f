import { createLogger } from '@tenure/observability';
import { SimulatedAppSettings } from '../src/config/simulated-app';
import { RunningSaasSim, startSaasSim } from '../src/saas-sim.server';

const ADMIN_TOKEN = 'saas-sim-admin-token-0123456789';
const app = (id: string): SimulatedAppSettings => ({
  id,
  displayName: id,
  token: `${id}-token-0123456789abcdef`,
  latencyMs: { min: 0, max: 0 },
  faults: { rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 1 },
});

let sim: RunningSaasSim;
let closedSim: RunningSaasSim;

beforeAll(async () => {
  const logger = createLogger('saas-sim', 'silent');
  sim = await startSaasSim({
    apps: [app('slack'), app('zoom')],
    logger,
    host: '127.0.0.1',
    port: 0,
    adminToken: ADMIN_TOKEN,
  });
  closedSim = await startSaasSim({ apps: [app('slack')], logger, host: '127.0.0.1', port: 0 });
});

afterAll(() => Promise.all([sim.close(), closedSim.close()]));

async function admin(method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN, base = sim) {
  const response = await fetch(`${base.url}/admin/apps${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const listUsers = () =>
  fetch(`${sim.url}/slack/scim/v2/Users`, { headers: { authorization: 'Bearer slack-token-0123456789abcdef' } });

describe('the simulator admin API', () => {
  it('refuses calls without its token, and refuses everyone when no token is configured', async () => {
    expect((await admin('GET', '/slack/conditions', undefined, null)).status).toBe(401);
    expect((await admin('GET', '/slack/conditions', undefined, 'slack-token-0123456789abcdef')).status).toBe(401);
    expect((await admin('GET', '/slack/conditions', undefined, ADMIN_TOKEN, closedSim)).status).toBe(401);
    expect((await admin('GET', '/nope/conditions')).status).toBe(404);
  });

  it('changes an app’s faults at run time and resets them', async () => {
    const changed = await admin('PUT', '/slack/conditions', { outageSeconds: 60 });
    expect(changed.body).toMatchObject({ outageUntil: expect.any(String) });
    const refused = await listUsers();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);

    await admin('DELETE', '/slack/conditions');
    expect((await listUsers()).status).toBe(200);

    await admin('PUT', '/slack/conditions', { rateLimitBurst: 1, retryAfterSeconds: 5 });
    const limited = await listUsers();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect((await listUsers()).status).toBe(200);
  });

  it('answers 400 naming each bad field, and changes nothing', async () => {
    const { status, body } = await admin('PUT', '/slack/conditions', { unavailableRatio: 2, hangRatio: 'x', bogus: 1 });
    expect(status).toBe(400);
    expect((body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'bogus',
      'hangRatio',
      'unavailableRatio',
    ]);
    expect((await admin('PUT', '/slack/conditions', '{"broken":')).status).toBe(400);
    expect((await admin('GET', '/slack/conditions')).body).toMatchObject({ unavailableRatio: 0, hangRatio: 0 });
  });

  it('shows each value a user’s active took through SCIM, creation first', async () => {
    const scim = (method: string, path: string, body: unknown) =>
      fetch(`${sim.url}/slack/scim/v2${path}`, {
        method,
        headers: { authorization: 'Bearer slack-token-0123456789abcdef', 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'prepared@example.com',
      active: false,
    });
    const { id } = (await created.json()) as { id: string };
    await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    const { status, body } = await admin('GET', `/slack/users/${id}/activations`);
    expect(status).toBe(200);
    expect(body).toEqual({
      userId: id,
      activations: [
        { at: expect.any(String), active: false },
        { at: expect.any(String), active: true },
      ],
    });
    expect((await admin('GET', '/slack/users/nobody/activations')).status).toBe(404);
    expect((await admin('GET', `/slack/users/${id}/activations`, undefined, null)).status).toBe(401);
  });

  it('seeds many users at once', async () => {
    const users = Array.from({ length: 50 }, (_, i) => ({ userName: `seeded${i}`, active: true }));
    expect(await admin('POST', '/slack/users', { users })).toMatchObject({ status: 201, body: { created: 50 } });
    expect((await admin('POST', '/slack/users', { users: 'nope' })).status).toBe(400);
    expect((await admin('POST', '/slack/users', { users: [{ userName: 'seeded1' }] })).status).toBe(400);
  });

  it('looks accounts up by externalId, with their activations, and counts the requests each app served', async () => {
    const users = [0, 1].map((i) => ({
      userName: `lookup${i}@example.com`,
      externalId: `LOOKUP-${i}`,
      active: i === 0,
    }));
    const { body: seeded } = await admin('POST', '/zoom/users', { users });
    const before = (await admin('GET', '/zoom/requests')).body.requests as number;
    await fetch(`${sim.url}/zoom/scim/v2/Users/${(seeded.ids as string[])[0]}`, {
      headers: { authorization: 'Bearer zoom-token-0123456789abcdef' },
    });
    expect((await admin('GET', '/zoom/requests')).body.requests).toBe(before + 1);

    const { status, body } = await admin('POST', '/zoom/users/lookup', {
      externalIds: ['LOOKUP-1', 'LOOKUP-0', 'NOBODY'],
    });
    expect(status).toBe(200);
    expect(body.users).toEqual([
      {
        id: (seeded.ids as string[])[1],
        externalId: 'LOOKUP-1',
        active: false,
        activations: [{ at: expect.any(String), active: false }],
      },
      {
        id: (seeded.ids as string[])[0],
        externalId: 'LOOKUP-0',
        active: true,
        activations: [{ at: expect.any(String), active: true }],
      },
    ]);
    expect((await admin('POST', '/zoom/users/lookup', { externalIds: [1] })).status).toBe(400);
  });
});
