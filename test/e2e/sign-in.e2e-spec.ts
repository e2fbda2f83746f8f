import { requiredEnv, signInWithPassword, waitFor } from '@tenure/testing';
import { AuditClient } from './audit-client';
import { accessTokenOf, devUser } from './dev-sign-in';
import { LifecycleClient } from './lifecycle-client';

const stack = new LifecycleClient();
const audit = new AuditClient();
const opsServiceToken = requiredEnv('TENURE_OPS_TOKEN');

/** A GET or POST on an API with a signed-in development user's token (or a given credential). */
async function call(url: string, method: 'GET' | 'POST', as: string | { token: string }, body: unknown = {}) {
  const token = typeof as === 'string' ? await accessTokenOf(as) : as.token;
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const ops = (method: 'GET' | 'POST', path: string, as: string | { token: string }, body?: unknown) =>
  call(`${stack.opsUrl}${path}`, method, as, body);
const auditApi = (path: string, as: string | { token: string }) => call(`${audit.url}${path}`, 'GET', as);

afterAll(() => audit.close());

describe('signing in', () => {
  it.each(['olivia', 'avery', 'adele', 'maria', 'ravi'])(
    'gives %s a JWT access token for Tenure from the provider',
    async (username) => {
      const token = await accessTokenOf(username);
      const [header, payload] = token
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toMatchObject({ typ: 'at+jwt' });
      expect(payload).toMatchObject({
        iss: requiredEnv('TENURE_OIDC_ISSUER'),
        aud: requiredEnv('TENURE_OIDC_AUDIENCE'),
        sub: username,
        email: devUser(username).email,
        groups: devUser(username).groups,
      });
    },
  );

  it('refuses a wrong password at the provider', async () => {
    await expect(
      signInWithPassword(
        {
          issuer: requiredEnv('TENURE_OIDC_ISSUER'),
          clientId: 'tenure-cli',
          clientSecret: requiredEnv('TENURE_DEV_IDP_CLIENT_SECRET'),
          redirectUri: 'http://127.0.0.1/callback',
          resource: requiredEnv('TENURE_OIDC_AUDIENCE'),
        },
        'olivia',
        'not-her-password',
      ),
    ).rejects.toThrow("refused olivia's password");
  });

  it('refuses a token whose signature does not match (401), and the retired actor header (400)', async () => {
    const token = await accessTokenOf('adele');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        groups: ['tenure-admins'],
        sub: 'x',
      }),
    ).toString('base64url');
    expect((await ops('GET', '/v1/runs', { token: `${header}.${forged}.${signature}` })).status).toBe(401);
    const withHeader = await fetch(`${stack.opsUrl}/v1/runs`, {
      headers: { authorization: `Bearer ${token}`, 'x-tenure-actor': 'E9001' },
    });
    expect(withHeader.status).toBe(400);
  });
});

describe('what each role may do', () => {
  it('lets operators, approvers and admins read runs; not auditors or people without a role', async () => {
    for (const as of ['olivia', 'maria', 'adele', { token: opsServiceToken }]) {
      expect((await ops('GET', '/v1/runs', as)).status).toBe(200);
    }
    for (const as of ['avery', 'ravi']) {
      const answer = await ops('GET', '/v1/runs', as);
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: 'forbidden', message: 'this needs the role operator or approver' });
    }
  });

  it('lets auditors and admins read the audit record; nobody else', async () => {
    for (const as of ['avery', 'adele']) {
      expect((await auditApi('/v1/audit/events?limit=1', as)).status).toBe(200);
      expect((await auditApi('/v1/audit/verify', as)).status).toBe(200);
    }
    for (const as of ['olivia', 'maria', 'ravi']) {
      expect((await auditApi('/v1/audit/events?limit=1', as)).status).toBe(403);
    }
    // The ops API's service credential means nothing to the audit API.
    expect((await auditApi('/v1/audit/events?limit=1', { token: opsServiceToken })).status).toBe(401);
    // Operators see whether ingest keeps up.
    expect((await auditApi('/v1/audit/status', 'olivia')).status).toBe(200);
  });

  it('lets operators start reconciliations; approvers, auditors and people without a role may not', async () => {
    expect((await ops('POST', '/v1/reconciliations', 'olivia', { appId: 'zoom' })).status).toBe(202);
    for (const as of ['maria', 'avery', 'ravi']) {
      expect((await ops('POST', '/v1/reconciliations', as, { appId: 'zoom' })).status).toBe(403);
    }
  });

  it('lets only approvers and admins decide policy rollouts and guarded runs; never a service credential', async () => {
    for (const as of ['olivia', 'avery', 'ravi', { token: opsServiceToken }]) {
      expect((await ops('POST', '/v1/policy/rollouts/no-such-rollout/approve', as)).status).toBe(403);
      expect((await ops('POST', '/v1/runs/no-such-run/approve', as)).status).toBe(403);
    }
    for (const as of ['maria', 'adele']) {
      expect((await ops('POST', '/v1/runs/no-such-run/approve', as)).status).toBe(404);
    }
  });

  it('lets operators and approvers cancel scheduled runs; never a service credential', async () => {
    expect((await ops('POST', '/v1/runs/no-such-run/cancel', 'olivia')).status).toBe(404);
    for (const as of ['avery', 'ravi', { token: opsServiceToken }]) {
      expect((await ops('POST', '/v1/runs/no-such-run/cancel', as)).status).toBe(403);
    }
  });
});

describe('who decides an access request', () => {
  it('is the signed-in manager of the person, never the person, another operator or a service; the record shows who', async () => {
    const manager = await stack.hireDevPerson('maria');
    const report = await stack.hireDevPerson('ravi');
    expect(report.managerId).toBe(manager.employeeId);
    // The manager's id is no secret: anyone can read it. Knowing it no longer lets anyone act as them.
    expect((await stack.person(report.employeeId)).body.attributes.managerId).toBe(manager.employeeId);

    const requested = await ops('POST', `/v1/employees/${report.employeeId}/access-requests`, 'ravi', {
      appId: 'github',
      groups: ['engineering'],
      reason: 'on-call rota',
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', requestedBy: report.employeeId });
    const approvePath = `/v1/access-requests/${requested.body.requestId as string}/approve`;

    const self = await ops('POST', approvePath, 'ravi');
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('your own');
    for (const as of ['olivia', 'adele', 'avery', { token: opsServiceToken }]) {
      expect((await ops('POST', approvePath, as)).status).toBe(403);
    }
    const approved = await ops('POST', approvePath, 'maria', { reason: 'agreed in 1:1' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: manager.employeeId });

    const decision = await waitFor(
      () => audit.allEvents({ employeeId: report.employeeId, action: 'plan.approved' }, 50),
      (records) => records.some((r) => r.eventId === `access-${requested.body.requestId as string}`),
      { description: 'the approval in the audit record', timeoutMs: 30_000 },
    );
    const record = decision.find((r) => r.eventId === `access-${requested.body.requestId as string}`);
    expect(record).toMatchObject({ actor: 'approver', actorId: manager.employeeId });
  });
});

describe('what may be requested', () => {
  it('is what the app’s catalogue lists; anything else is 400 naming the entry', async () => {
    const analyst = await stack.hire({ department: 'Finance', managerId: devUser('maria').employeeId });
    const answer = await ops('POST', `/v1/employees/${analyst.employeeId}/access-requests`, 'olivia', {
      appId: 'github',
      groups: ['engineering', 'owners-of-everything'],
      reason: 'x',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        field: 'groups[1]',
        message: expect.stringContaining("owners-of-everything is not in github's catalogue"),
      },
    ]);
  });

  it('needs the entitlement owner’s approval as well as the manager’s', async () => {
    const owner = await stack.hireDevPerson('ravi');
    const analyst = await stack.hire({ department: 'Finance', managerId: devUser('maria').employeeId });
    const requested = await ops('POST', `/v1/employees/${analyst.employeeId}/access-requests`, 'olivia', {
      appId: 'github',
      groups: ['on-call'],
      reason: 'joins the rota',
    });
    expect(requested.body).toMatchObject({ status: 'pending', owners: [owner.employeeId] });
    const approvePath = `/v1/access-requests/${requested.body.requestId as string}/approve`;
    const byManager = await ops('POST', approvePath, 'maria');
    expect(byManager.body).toMatchObject({ status: 'pending', approvedBy: [devUser('maria').employeeId] });
    expect((await ops('POST', approvePath, 'maria')).status).toBe(409);
    expect(await stack.appUser('github', analyst.email)).toBeUndefined();
    const byOwner = await ops('POST', approvePath, 'ravi');
    expect(byOwner.body).toMatchObject({ status: 'approved', decidedBy: owner.employeeId });
    await stack.personWhen(analyst.employeeId, (p) => p.accounts.some((a) => a.appId === 'github'), 'granted');
  });
});
