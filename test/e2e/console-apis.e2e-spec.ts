import { uniqueId, waitFor } from '@tenure/testing';
import { accessTokenOf } from './dev-sign-in';
import { LifecycleClient } from './lifecycle-client';

/** The ops API reads the console's pages are built on, called as any client would. */
const stack = new LifecycleClient();

interface PersonSummary {
  employeeId: string;
  displayName: string;
  email: string;
  department: string;
}

describe('ops API reads for the console', () => {
  it('finds people by part of their name, employee id, e-mail or department', async () => {
    const familyName = uniqueId('Search').replace(/-/g, '');
    const hired = await stack.hire({ givenName: 'Ada', familyName, department: 'Finance' });
    for (const q of [familyName.toLowerCase(), `Ada ${familyName}`, hired.employeeId, hired.email.toUpperCase()]) {
      const found = await stack.ops<{ items: PersonSummary[] }>('GET', `/v1/people?q=${encodeURIComponent(q)}`, { as: 'olivia' });
      expect(found.status).toBe(200);
      expect(found.body.items).toEqual([
        { employeeId: hired.employeeId, state: 'active', displayName: `Ada ${familyName}`, email: hired.email, department: 'Finance', title: hired.title },
      ]);
    }
    const byDepartment = await stack.ops<{ items: PersonSummary[] }>('GET', '/v1/people?q=finan&limit=200');
    expect(byDepartment.body.items.every((p) => p.department === 'Finance')).toBe(true);
    // A wildcard typed by someone is searched for as itself.
    expect((await stack.ops<{ items: unknown[] }>('GET', '/v1/people?q=%25%25%25')).body.items).toEqual([]);
    expect((await stack.ops('GET', '/v1/people?limit=0')).status).toBe(400);
    expect((await stack.ops('GET', '/v1/people', { as: 'avery' })).status).toBe(403);
    expect((await stack.ops('GET', '/v1/people', { token: null })).status).toBe(401);
  });

  it("reports each app's circuit, recent error rate and steps needing attention", async () => {
    const answer = await stack.ops<{ apps: { appId: string; circuit: string; requests: number; failed: number; errorRate: number | null; stepsNeedingAttention: number }[] }>(
      'GET',
      '/v1/apps/health',
      { as: 'maria' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.apps.map((a) => a.appId).sort()).toEqual(['github', 'pagerduty', 'salesforce', 'slack', 'zoom']);
    for (const app of answer.body.apps) {
      expect(['closed', 'open', 'half_open']).toContain(app.circuit);
      expect(app.failed).toBeLessThanOrEqual(app.requests);
      expect(app.errorRate).toBe(app.requests > 0 ? app.failed / app.requests : null);
    }
    expect(answer.body.apps.find((a) => a.appId === 'slack')?.requests).toBeGreaterThan(0);
    expect((await stack.ops('GET', '/v1/apps/health', { as: 'ravi' })).status).toBe(403);
  });

  it('lists the access requests waiting for the signed-in person: a manager sees their report’s, nobody else does', async () => {
    const maria = await stack.hireDevPerson('maria');
    const ravi = await stack.hireDevPerson('ravi');
    const requested = await stack.ops<{ requestId: string }>('POST', `/v1/employees/${ravi.employeeId}/access-requests`, {
      as: 'ravi',
      body: { appId: 'github', groups: ['engineering'], reason: uniqueId('queue') },
    });
    const queue = (as: string) => stack.ops<{ items: { requestId: string }[] }>('GET', '/v1/access-requests?status=pending', { as });
    expect((await queue('maria')).body.items.map((r) => r.requestId)).toContain(requested.body.requestId);
    for (const as of ['ravi', 'olivia', 'avery']) {
      expect((await queue(as)).body.items.map((r) => r.requestId)).not.toContain(requested.body.requestId);
    }
    expect((await stack.ops('GET', '/v1/access-requests?status=approved', { as: 'maria' })).status).toBe(400);
    expect((await stack.ops('GET', '/v1/access-requests', { token: undefined })).status).toBe(403);
    await stack.ops('POST', `/v1/access-requests/${requested.body.requestId}/deny`, { as: 'maria' });
    expect((await queue('maria')).body.items.map((r) => r.requestId)).not.toContain(requested.body.requestId);
    expect(maria.employeeId).toBe(ravi.managerId);
  });

  it('shows the policy in force and the latest reconciliation report of each app', async () => {
    const policy = await stack.ops<{ text: string; rules: { name: string }[] }>('GET', '/v1/policy', { as: 'olivia' });
    expect(policy.status).toBe(200);
    expect(policy.body.rules.map((r) => r.name)).toEqual(['everyone', 'engineering', 'sales', 'it-operations']);
    expect(policy.body.text).toContain('name: it-operations');

    const started = await stack.ops<{ id: string }>('POST', '/v1/reconciliations', { body: { appId: 'zoom' } });
    await waitFor(
      () => stack.ops<{ status: string }>('GET', `/v1/reconciliations/${started.body.id}`),
      (r) => r.body.status === 'completed',
      { description: 'the reconciliation', timeoutMs: 60_000 },
    );
    const latest = await stack.ops<{ items: { appId: string; reconciliationId: string; report: { counts: object } }[] }>(
      'GET',
      '/v1/reconciliation-reports/latest',
      { as: 'maria' },
    );
    expect(latest.body.items.find((i) => i.appId === 'zoom')).toMatchObject({
      reconciliationId: started.body.id,
      report: { counts: expect.objectContaining({ orphaned: expect.any(Number) }) },
    });
  });

  it('lets operators and approvers read the time-to-deprovision report, but not the record itself', async () => {
    for (const as of ['olivia', 'maria']) {
      const token = await accessTokenOf(as);
      const headers = { authorization: `Bearer ${token}` };
      expect((await fetch(`${stack.auditUrl}/v1/audit/deprovisioning`, { headers })).status).toBe(200);
      expect((await fetch(`${stack.auditUrl}/v1/audit/events`, { headers })).status).toBe(403);
    }
    const ravi = { authorization: `Bearer ${await accessTokenOf('ravi')}` };
    expect((await fetch(`${stack.auditUrl}/v1/audit/deprovisioning`, { headers: ravi })).status).toBe(403);
  });
});
