import { createHash } from 'node:crypto';
import { waitFor } from '@tenure/testing';
import { AuditClient, AuditRecordView } from './audit-client';
import { devUser } from './dev-sign-in';
import { LifecycleClient } from './lifecycle-client';
import { POLICY_GIVING_IT_SALESFORCE_REPORTS } from './sod-candidate-policy';

const stack = new LifecycleClient();
const audit = new AuditClient();
afterAll(() => audit.close());

interface ItemBody {
  itemId: string;
  employeeId: string;
  appId: string;
  source: string;
  groups: string[];
  reviewerIds: string[];
  sod: { rule: string }[];
  decision: string | null;
  revocation: string | null;
  runId: string | null;
}

/** The groups of the person's account in a simulated app, as its SCIM User shows them. */
async function groupsIn(appId: string, email: string): Promise<string[]> {
  const user = (await stack.appUser(appId, email)) as { groups?: { display: string }[] } | undefined;
  return (user?.groups ?? []).map((group) => group.display);
}

const records = (query: Record<string, string>, accept: (records: AuditRecordView[]) => boolean, description: string) =>
  waitFor(() => audit.allEvents(query, 100), accept, { description, timeoutMs: 30_000 });

/**
 * Separation of duties and access reviews against the running services,
 * signed in through the development provider: maria (E9001, approver) manages
 * ravi (E9002), who manages a new IT engineer hired here.
 */
describe('separation of duties and access reviews', () => {
  let engineer: { employeeId: string; email: string };

  beforeAll(async () => {
    await stack.hireDevPerson('maria');
    await stack.hireDevPerson('ravi');
    // IT birthright: github it-admins and salesforce admins.
    engineer = await stack.hire({ department: 'IT', title: 'Engineer', managerId: devUser('ravi').employeeId });
  });

  it('refuses a request that breaks a high-severity rule, and records the check', async () => {
    const answer = await stack.ops<{ error: string; message: string; violations: { rule: string }[] }>(
      'POST',
      `/v1/employees/${engineer.employeeId}/access-requests`,
      { as: 'olivia', body: { appId: 'salesforce', groups: ['reports'], reason: 'month end' } },
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: 'sod_violation',
      violations: [
        {
          rule: 'salesforce-admin-reports',
          severity: 'high',
          entitlements: ['salesforce:admins', 'salesforce:reports'],
        },
      ],
    });
    const checks = await records(
      { employeeId: engineer.employeeId, kind: 'sod' },
      (found) => found.some((r) => r.outcome === 'refused'),
      'the refused check in the audit record',
    );
    expect(checks.find((r) => r.outcome === 'refused')).toMatchObject({
      action: 'sod.check',
      appId: 'salesforce',
      actor: 'operator',
      rule: 'salesforce-admin-reports',
    });
  });

  it('lets a medium-severity exception through with a justification and the rule’s approver, then reviews and revokes it', async () => {
    const path = `/v1/employees/${engineer.employeeId}/access-requests`;
    const body = { appId: 'slack', groups: ['incident-response'], reason: 'major incident rota' };
    const unjustified = await stack.ops<{ errors: { field: string }[] }>('POST', path, { as: 'olivia', body });
    expect(unjustified.status).toBe(400);
    expect(unjustified.body.errors).toEqual([
      { field: 'justification', message: expect.stringContaining('github-admin-incident-response') },
    ]);

    const justification = 'the on-call lead is away for three weeks';
    const requested = await stack.ops<{ requestId: string; owners: string[]; sod: { outcome: string } }>('POST', path, {
      as: 'olivia',
      body: { ...body, justification },
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ owners: [devUser('maria').employeeId], sod: { outcome: 'needs_approval' } });
    const approve = `/v1/access-requests/${requested.body.requestId}/approve`;
    // The manager approves, and the rule's approver must as well.
    expect((await stack.ops<{ status: string }>('POST', approve, { as: 'ravi' })).body.status).toBe('pending');
    expect((await stack.ops<{ status: string }>('POST', approve, { as: 'maria' })).body.status).toBe('approved');
    await waitFor(
      () => groupsIn('slack', engineer.email),
      (groups) => groups.includes('incident-response'),
      { description: 'the group granted in slack', timeoutMs: 30_000 },
    );
    const check = await records(
      { employeeId: engineer.employeeId, kind: 'sod' },
      (found) => found.some((r) => r.outcome === 'needs_approval'),
      'the justified check',
    );
    expect(check.find((r) => r.outcome === 'needs_approval')).toMatchObject({ reason: justification });

    // The violation is listed, for operators, approvers and auditors; not for anyone else.
    const violations = await stack.ops<{ items: { employeeId: string; rule: string }[] }>(
      'GET',
      `/v1/sod/violations?employeeId=${engineer.employeeId}`,
      { as: 'avery' },
    );
    expect(violations.body.items).toEqual([
      expect.objectContaining({ employeeId: engineer.employeeId, rule: 'github-admin-incident-response' }),
    ]);
    expect((await stack.ops('GET', '/v1/sod/violations', { as: 'ravi' })).status).toBe(403);

    // An access review of what the engineer holds beyond birthright: their manager reviews.
    const definition = {
      name: `IT review ${engineer.employeeId}`,
      scope: { employeeIds: [engineer.employeeId], beyondBirthright: true },
      reviewers: { kind: 'manager' },
      duration: '14d',
      reminders: ['3d'],
      undecided: 'keep',
    };
    expect((await stack.ops('POST', '/v1/reviews/campaigns', { as: 'olivia', body: definition })).status).toBe(403);
    expect(
      (
        await stack.ops<{ errors: { field: string }[] }>('POST', '/v1/reviews/campaigns', {
          as: 'maria',
          body: { ...definition, undecided: 'forget' },
        })
      ).body.errors,
    ).toEqual([{ field: 'undecided', message: expect.stringContaining('keep, revoke, escalate') }]);
    const created = await stack.ops<{ campaignId: string; status: string }>('POST', '/v1/reviews/campaigns', {
      as: 'maria',
      body: definition,
    });
    expect(created.status).toBe(201);
    const { campaignId } = created.body;
    const items = await waitFor(
      () => stack.ops<{ items: ItemBody[] }>('GET', `/v1/reviews/campaigns/${campaignId}/items`, { as: 'olivia' }),
      (answer) => answer.body.items?.length > 0,
      { description: 'the campaign opened with its items', timeoutMs: 30_000 },
    );
    expect(items.body.items).toEqual([
      expect.objectContaining({
        employeeId: engineer.employeeId,
        appId: 'slack',
        source: 'access_request',
        groups: ['incident-response'],
        reviewerIds: [devUser('ravi').employeeId],
        sod: [expect.objectContaining({ rule: 'github-admin-incident-response' })],
      }),
    ]);
    const [item] = items.body.items;
    const mine = await stack.ops<{ items: ItemBody[] }>('GET', '/v1/reviews/my-items', { as: 'ravi' });
    expect(mine.body.items.map((i) => i.itemId)).toContain(item.itemId);
    const decide = `/v1/reviews/items/${item.itemId}/decision`;
    expect((await stack.ops('POST', decide, { as: 'maria', body: { decision: 'revoke', reason: 'x' } })).status).toBe(
      403,
    );
    expect((await stack.ops('POST', decide, { body: { decision: 'revoke', reason: 'x' } })).status).toBe(403);
    expect((await stack.ops('POST', decide, { as: 'ravi', body: { decision: 'maybe', reason: 'x' } })).status).toBe(
      400,
    );

    // A bulk decision asks first, and decides only when confirmed.
    const bulk = `/v1/reviews/campaigns/${campaignId}/decisions`;
    const reason = 'the lead is back';
    const preview = await stack.ops<{ confirmed: boolean; items: ItemBody[] }>('POST', bulk, {
      as: 'ravi',
      body: { decision: 'revoke', reason },
    });
    expect(preview.body).toMatchObject({ confirmed: false, items: [expect.objectContaining({ itemId: item.itemId })] });
    const confirmed = await stack.ops<{ confirmed: boolean; decided: ItemBody[] }>('POST', bulk, {
      as: 'ravi',
      body: { decision: 'revoke', reason, confirm: true },
    });
    expect(confirmed.body.decided).toEqual([
      expect.objectContaining({ decision: 'revoke', revocation: 'requested', runId: expect.any(String) }),
    ]);

    // The revoke goes through the engineer's lifecycle: planned, executed, audited, within seconds.
    const left = await waitFor(
      () => groupsIn('slack', engineer.email),
      (groups) => !groups.includes('incident-response'),
      { description: 'the group removed in slack', timeoutMs: 30_000 },
    );
    expect(left).toEqual(['all-staff']);
    const report = await waitFor(
      () =>
        stack.ops<{ status: string; completion: number; counts: Record<string, number> }>(
          'GET',
          `/v1/reviews/campaigns/${campaignId}/report`,
          { as: 'avery' },
        ),
      (answer) => answer.body.status === 'completed',
      { description: 'the campaign closed once decided', timeoutMs: 30_000 },
    );
    expect(report.body).toMatchObject({ completion: 100, counts: { items: 1, revoked: 1, overdue: 0 } });

    const trail = await records(
      { employeeId: engineer.employeeId },
      (found) =>
        found.some((r) => r.action === 'review.revoke') &&
        found.some((r) => r.action === 'group.remove' && r.outcome === 'succeeded' && r.appId === 'slack'),
      'the review decision and the removal in the audit record',
    );
    expect(trail.find((r) => r.action === 'review.revoke')).toMatchObject({
      kind: 'review',
      eventId: campaignId,
      actor: 'approver',
      actorId: devUser('ravi').employeeId,
      reason,
    });
    expect(trail.find((r) => r.action === 'group.remove' && r.appId === 'slack')).toMatchObject({
      actor: 'approver',
      actorId: devUser('ravi').employeeId,
      group: 'incident-response',
    });
    expect(
      trail.find((r) => r.action === 'plan.planned' && r.eventId === `revoke-${requested.body.requestId}`),
    ).toBeDefined();
    expect((await stack.auditVerify()).ok).toBe(true);

    // The campaign's records are in the evidence bundle of the period.
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const bundle = await audit.bytes('/v1/audit/evidence', { from, to });
    expect(bundle.status).toBe(200);
    const text = bundle.body.toString('latin1');
    expect(text).toContain('access-reviews.jsonl');
    expect(text).toContain('sod-checks.jsonl');
    expect(createHash('sha256').update(bundle.body).digest('hex')).toHaveLength(64);
  });

  it('records a birthright grant that breaks a rule, and shows who a candidate policy would put in violation', async () => {
    const analyst = await stack.hire({ department: 'Finance', managerId: devUser('maria').employeeId });
    const requested = await stack.ops<{ requestId: string }>(
      'POST',
      `/v1/employees/${analyst.employeeId}/access-requests`,
      {
        as: 'olivia',
        body: { appId: 'slack', groups: ['incident-response'], reason: 'incident rota' },
      },
    );
    expect(requested.status).toBe(201);
    await stack.ops('POST', `/v1/access-requests/${requested.body.requestId}/approve`, { as: 'maria' });
    await stack.personWhen(analyst.employeeId, (p) => p.accessRequests.some((r) => r.status === 'approved'), 'granted');

    // Policy says github it-admins for IT; moving there brings a conflict with what was granted before.
    await stack.send('change', { ...analyst, department: 'IT' });
    const check = await records(
      { employeeId: analyst.employeeId, kind: 'sod' },
      (found) => found.some((r) => r.outcome === 'violation'),
      'the birthright check in the audit record',
    );
    expect(check.find((r) => r.outcome === 'violation')).toMatchObject({
      action: 'sod.check',
      actor: 'system',
      rule: 'github-admin-incident-response',
    });
    const listed = await stack.ops<{ items: { rule: string }[] }>(
      'GET',
      `/v1/sod/violations?employeeId=${analyst.employeeId}`,
      { as: 'olivia' },
    );
    expect(listed.body.items.map((v) => v.rule)).toEqual(['github-admin-incident-response']);

    // A candidate policy that gives every IT person Salesforce reports would put the IT engineer in violation.
    const candidate = POLICY_GIVING_IT_SALESFORCE_REPORTS;
    const preview = await stack.ops<{ sodViolations: { employeeId: string; rule: string; severity: string }[] }>(
      'POST',
      '/v1/policy/preview',
      { body: { policy: candidate, employeeIds: [engineer.employeeId] } },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.sodViolations).toEqual([
      {
        employeeId: engineer.employeeId,
        rule: 'salesforce-admin-reports',
        severity: 'high',
        entitlements: ['salesforce:admins', 'salesforce:reports'],
      },
    ]);
  });
});
