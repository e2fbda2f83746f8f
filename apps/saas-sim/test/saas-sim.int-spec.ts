import { createLogger } from '@tenure/observability';
import { SimulatedAppSettings } from '../src/config/simulated-app';
import { RunningSaasSim, startSaasSim } from '../src/saas-sim.server';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const app = (id: string, overrides: Partial<SimulatedAppSettings> = {}): SimulatedAppSettings => ({
  id,
  displayName: id,
  token: `${id}-token-0123456789abcdef`,
  latencyMs: { min: 0, max: 0 },
  faults: { rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 1 },
  ...overrides,
});

const apps = [
  app('slack'),
  app('zoom'),
  app('slow', { latencyMs: { min: 150, max: 150 } }),
  app('alpha', { latencyMs: { min: 0, max: 15 } }),
  app('beta', { latencyMs: { min: 0, max: 15 } }),
  app('flaky', { faults: { rateLimitedRatio: 1, unavailableRatio: 0, retryAfterSeconds: 7 } }),
  app('large'),
];
const ADMIN_TOKEN = 'saas-sim-admin-token-0123456789';

let sim: RunningSaasSim;

beforeAll(async () => {
  sim = await startSaasSim({
    apps,
    logger: createLogger('saas-sim', 'silent'),
    host: '127.0.0.1',
    port: 0,
    adminToken: ADMIN_TOKEN,
  });
});

afterAll(() => sim.close());

interface Reply {
  status: number;
  body: Record<string, unknown> & { Resources?: Record<string, unknown>[] };
  headers: Headers;
}

async function scim(
  appId: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null } = {},
): Promise<Reply> {
  const token = init.token === undefined ? `${appId}-token-0123456789abcdef` : init.token;
  const response = await fetch(`${sim.url}/${appId}/scim/v2${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/scim+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

let sequence = 0;
function newUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
    userName: `person${sequence}@example.com`,
    externalId: `E${sequence}`,
    active: true,
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ value: `person${sequence}@example.com`, type: 'work', primary: true }],
    [ENTERPRISE]: { department: 'Engineering', employeeNumber: `E${sequence}`, manager: { value: 'M1' } },
    ...overrides,
  };
}

const filter = (expression: string) => `/Users?filter=${encodeURIComponent(expression)}`;

describe('simulated SaaS apps over SCIM 2.0', () => {
  it('answers health checks without a token', async () => {
    const response = await fetch(`${sim.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it("refuses a request without a token, or with another app's token, with a SCIM 401", async () => {
    const withSlackToken = await scim('zoom', '/Users', { token: 'slack-token-0123456789abcdef' });
    expect(withSlackToken.status).toBe(401);
    expect(withSlackToken.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
    expect((await scim('zoom', '/Users', { token: null })).status).toBe(401);
    expect((await scim('slack', '/Users')).status).toBe(200);
  });

  it('answers 404 for an app it does not serve', async () => {
    expect((await scim('nope', '/Users')).status).toBe(404);
  });

  it('creates a user with an app-generated UUID and keeps the enterprise extension', async () => {
    const created = await scim('slack', '/Users', { method: 'POST', body: newUser() });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.meta).toMatchObject({
      resourceType: 'User',
      location: `/slack/scim/v2/Users/${created.body.id}`,
    });

    const read = await scim('slack', `/Users/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body[ENTERPRISE]).toMatchObject({ department: 'Engineering', manager: { value: 'M1' } });
  });

  it('keeps each app its own users', async () => {
    const user = newUser();
    await scim('slack', '/Users', { method: 'POST', body: user });
    expect((await scim('zoom', filter(`userName eq "${user.userName}"`))).body.totalResults).toBe(0);
    expect((await scim('zoom', '/Users', { method: 'POST', body: user })).status).toBe(201);
  });

  it('refuses a second user with the same userName, whatever its case, with 409 uniqueness', async () => {
    const user = newUser();
    await scim('slack', '/Users', { method: 'POST', body: user });
    const duplicate = await scim('slack', '/Users', {
      method: 'POST',
      body: { ...user, userName: String(user.userName).toUpperCase(), externalId: 'other' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('finds users by userName (case-insensitive) and by externalId (exact)', async () => {
    const user = newUser();
    const { body: created } = await scim('slack', '/Users', { method: 'POST', body: user });

    const byUserName = await scim('slack', filter(`userName eq "${String(user.userName).toUpperCase()}"`));
    expect(byUserName.body.totalResults).toBe(1);
    expect(byUserName.body.Resources?.[0].id).toBe(created.id);

    const byExternalId = await scim('slack', filter(`externalId eq "${user.externalId}"`));
    expect(byExternalId.body.Resources?.map((found) => found.id)).toEqual([created.id]);
    expect(
      (await scim('slack', filter(`externalId eq "${String(user.externalId).toLowerCase()}"`))).body.totalResults,
    ).toBe(0);
  });

  it('refuses a filter it cannot read with 400 invalidFilter', async () => {
    for (const expression of ['bogus', 'userName eq "a\\"b"']) {
      const refused = await scim('slack', filter(expression));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    }
  });

  it('deactivates a user with PATCH, replaces with PUT and deletes', async () => {
    const user = newUser();
    const { body: created } = await scim('slack', '/Users', { method: 'POST', body: user });
    const patched = await scim('slack', `/Users/${created.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] },
    });
    expect(patched.status).toBe(200);
    expect((await scim('slack', `/Users/${created.id}`)).body.active).toBe(false);

    const replaced = await scim('slack', `/Users/${created.id}`, {
      method: 'PUT',
      body: { ...user, title: 'Engineer', active: true },
    });
    expect(replaced.body).toMatchObject({ id: created.id, title: 'Engineer', active: true });

    expect((await scim('slack', `/Users/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await scim('slack', `/Users/${created.id}`)).status).toBe(404);
  });

  it('adds and removes group members with PATCH, never twice', async () => {
    const { body: ada } = await scim('slack', '/Users', { method: 'POST', body: newUser() });
    const { body: grace } = await scim('slack', '/Users', { method: 'POST', body: newUser() });
    const group = await scim('slack', '/Groups', {
      method: 'POST',
      body: { displayName: 'all-staff', members: [{ value: ada.id }] },
    });
    expect(group.status).toBe(201);

    const addGrace = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: grace.id }] }],
    };
    await scim('slack', `/Groups/${group.body.id}`, { method: 'PATCH', body: addGrace });
    await scim('slack', `/Groups/${group.body.id}`, { method: 'PATCH', body: addGrace });
    const members = async () =>
      ((await scim('slack', `/Groups/${group.body.id}`)).body.members as { value: string }[]).map(
        (member) => member.value,
      );
    expect((await members()).sort()).toEqual([ada.id, grace.id].sort());
    expect((await scim('slack', `/Users/${grace.id}`)).body.groups).toEqual([
      expect.objectContaining({ value: group.body.id, display: 'all-staff' }),
    ]);

    await scim('slack', `/Groups/${group.body.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${ada.id}"]` }] },
    });
    expect(await members()).toEqual([grace.id]);

    const byName = await scim('slack', `/Groups?filter=${encodeURIComponent('displayName eq "All-Staff"')}`);
    expect(byName.body.Resources?.map((found) => found.id)).toEqual([group.body.id]);
  });

  it('refuses a member who is not a user of the app', async () => {
    const refused = await scim('zoom', '/Groups', {
      method: 'POST',
      body: { displayName: 'x', members: [{ value: 'ghost' }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ scimType: 'invalidValue' });
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim('slack', '/ServiceProviderConfig');
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    const types = await scim('slack', '/ResourceTypes');
    expect((types.body.Resources ?? []).map((type) => type.name).sort()).toEqual(['Group', 'User']);
    expect((await scim('slack', '/Schemas')).status).toBe(200);
  });

  it('delays every request by the app latency', async () => {
    const started = performance.now();
    expect((await scim('slow', '/Users')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('refuses requests with 429 and Retry-After when told to', async () => {
    const refused = await scim('flaky', '/Users');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(refused.body).toMatchObject({ status: '429' });
  });

  it('gives each app its own resource locations under concurrent requests', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const appId = index % 2 === 0 ? 'alpha' : 'beta';
        return scim(appId, '/Users', { method: 'POST', body: newUser() }).then((reply) => ({ appId, reply }));
      }),
    );
    for (const { appId, reply } of created) {
      expect((reply.body.meta as { location: string }).location).toBe(`/${appId}/scim/v2/Users/${reply.body.id}`);
    }
  });

  /** Look-ups by userName, externalId and id, a leave and a join: the calls provisioning makes, timed per request. */
  async function provisioningRound(
    appId: string,
    groupId: string,
    users: { id: string; n: string }[],
  ): Promise<number> {
    const started = performance.now();
    for (const { id, n } of users) {
      const byName = await scim(appId, `/Users?filter=${encodeURIComponent(`userName eq "USER-${n}@EXAMPLE.com"`)}`);
      expect(byName.body.Resources?.map((user) => user.id)).toEqual([id]);
      const byExternalId = await scim(appId, `/Users?filter=${encodeURIComponent(`externalId eq "X-${n}"`)}`);
      expect(byExternalId.body.Resources?.map((user) => user.id)).toEqual([id]);
      expect((await scim(appId, `/Users/${id}`)).status).toBe(200);
      const leave = await scim(appId, `/Groups/${groupId}`, {
        method: 'PATCH',
        body: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${id}"]` }] },
      });
      expect(leave.status).toBe(204);
      const join = await scim(appId, `/Groups/${groupId}`, {
        method: 'PATCH',
        body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] },
      });
      expect(join.status).toBe(204);
    }
    return (performance.now() - started) / (users.length * 5);
  }

  async function seeded(appId: string, count: number): Promise<{ ids: string[]; groupId: string }> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 20_000) {
      const users = Array.from({ length: Math.min(20_000, count - start) }, (_, k) => ({
        userName: `user-${appId}-${start + k}@example.com`,
        externalId: `X-${appId}-${start + k}`,
      }));
      const response = await fetch(`${sim.url}/admin/apps/${appId}/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ users }),
      });
      expect(response.status).toBe(201);
      ids.push(...((await response.json()) as { ids: string[] }).ids);
    }
    const group = await scim(appId, '/Groups', { method: 'POST', body: { displayName: `everyone-${appId}` } });
    for (let start = 0; start < ids.length; start += 5_000) {
      const value = ids.slice(start, start + 5_000).map((id) => ({ value: id }));
      const added = await scim(appId, `/Groups/${group.body.id}`, {
        method: 'PATCH',
        body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value }] },
      });
      expect(added.status).toBe(204);
    }
    return { ids, groupId: String(group.body.id) };
  }

  it('answers as fast with 100,000 users in a 100,000-member group as with ten', async () => {
    const small = await seeded('alpha', 10);
    const large = await seeded('large', 100_000);
    const sample = (appId: string, ids: string[], picks: number[]) =>
      picks.map((k) => ({ id: ids[k], n: `${appId}-${k}` }));
    // alpha answers in 0–15 ms: its latency is set to nothing for this comparison.
    await fetch(`${sim.url}/admin/apps/alpha/conditions`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: { min: 0, max: 0 } }),
    });
    const picks = [0, 3, 5, 7, 9, 1, 2, 4, 6, 8];
    const smallMs = await provisioningRound('alpha', small.groupId, sample('alpha', small.ids, picks));
    const largeMs = await provisioningRound(
      'large',
      large.groupId,
      sample(
        'large',
        large.ids,
        picks.map((k) => k * 9_999),
      ),
    );
    expect(largeMs).toBeLessThan(Math.max(3 * smallMs, 5));
    const mine = await scim(
      'large',
      `/Groups?filter=${encodeURIComponent(`members[value eq "${large.ids[7]}"]`)}&attributes=displayName`,
    );
    expect(mine.body.Resources?.map((found) => found.displayName)).toEqual(['everyone-large']);
    await fetch(`${sim.url}/admin/apps/alpha/conditions`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
  }, 120_000);
});
