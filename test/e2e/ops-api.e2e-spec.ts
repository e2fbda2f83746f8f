import { TOPICS } from '@tenure/contracts';
import { employeeFixture, readTopic, testStack, uniqueId } from '@tenure/testing';
import { accountStatuses, LifecycleClient, RunBody } from './lifecycle-client';

interface PlanBody {
  decision: string;
  effectiveAt: string;
  blastRadius: { accounts: number };
  phases: { name: string; at: string; changes: { appId: string; change: string; support: string; rule?: string }[] }[];
}

/** The ops API: dry-run plans, a leaver with many apps, access requests and operator commands. */
describe('ops API, end to end', () => {
  const stack = new LifecycleClient();

  const send = stack.send.bind(stack);
  const hire = stack.hire.bind(stack);

  it('refuses every lifecycle route without the ops token', async () => {
    for (const [method, path] of [
      ['GET', '/v1/runs'],
      ['POST', '/v1/plans'],
      ['POST', '/v1/runs/x/approve'],
      ['POST', '/v1/access-requests/x/approve'],
    ] as const) {
      expect((await stack.ops(method, path, { token: null })).status).toBe(401);
      expect((await stack.ops(method, path, { token: 'not-the-ops-token-at-all' })).status).toBe(401);
    }
  });

  it('plans a termination without doing anything: per-app changes, their moments and rules, unsupported ones shown', async () => {
    const seller = await hire({ department: 'Sales' });
    const plan = await stack.ops<PlanBody>('POST', '/v1/plans', {
      body: {
        eventId: uniqueId('evt-plan'),
        type: 'terminate',
        effectiveAt: '2030-01-15T17:00:00',
        employee: { ...seller, timeZone: 'Asia/Tokyo' },
      },
    });
    expect(plan.status).toBe(200);
    expect(plan.body.decision).toBe('scheduled');
    expect(plan.body.effectiveAt).toBe('2030-01-15T08:00:00.000Z');
    const changes = plan.body.phases.flatMap((p) =>
      p.changes.map((c) => `${p.name} ${c.appId} ${c.change} ${c.support}`),
    );
    expect(changes).toEqual(
      expect.arrayContaining([
        'disable salesforce disable supported',
        'disable slack disable supported',
        'disable zoom disable supported',
        'cleanup zoom revoke_sessions supported',
        'delete salesforce delete not_supported',
        'delete slack delete supported',
      ]),
    );
    expect(plan.body.phases.find((p) => p.name === 'delete')?.at).toBe('2030-02-14T08:00:00.000Z');
    expect(plan.body.phases[0].changes.every((c) => c.rule === 'terminated')).toBe(true);
    const person = await stack.person(seller.employeeId);
    expect(Object.values(accountStatuses(person.body)).every((s) => s === 'active')).toBe(true);
    expect(person.body.state).toBe('active');
  });

  it('answers a malformed plan request with 400 and the fields at fault', async () => {
    const answer = await stack.ops<{ errors: { field: string }[] }>('POST', '/v1/plans', {
      body: { eventId: 'x', type: 'promote', effectiveAt: 'soon', employee: { employeeId: 'E1' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['type', 'employee.email', 'effectiveAt']),
    );
  });

  it('deprovisions a leaver with five apps at once, with no approval, in the shipped configuration', async () => {
    const admin = await hire({ department: 'IT' });
    const hired = await stack.person(admin.employeeId);
    expect(accountStatuses(hired.body)).toEqual({
      github: 'active',
      pagerduty: 'active',
      salesforce: 'active',
      slack: 'active',
      zoom: 'active',
    });
    const plan = await stack.ops<PlanBody>('POST', '/v1/plans', {
      body: { eventId: uniqueId('evt-plan'), type: 'terminate', employee: admin },
    });
    expect(plan.body).toMatchObject({ decision: 'planned', blastRadius: { accounts: 5 } });

    const terminateId = await send('terminate', admin);
    const done = await stack.personWhen(
      admin.employeeId,
      (p) => p.state === 'terminated' && Object.values(accountStatuses(p)).every((s) => s === 'disabled'),
      'terminated',
    );
    expect(done.accounts).toHaveLength(5);
    expect(done.waitingApproval).toEqual([]);
    for (const appId of ['github', 'pagerduty', 'salesforce', 'slack', 'zoom']) {
      expect((await stack.appUser(appId, admin.email)).active).toBe(false);
    }

    // The audit service hears the decision and every outcome, made by the system with the rule that justified it.
    const { kafkaBrokers, topicPrefix } = testStack();
    const decisions = (await readTopic(kafkaBrokers, `${topicPrefix}${TOPICS.planDecisions}`))
      .filter((m) => m.key === admin.employeeId)
      .map((m) => m.value as { eventId: string; decision: string; actor: string; decisionId: string });
    expect(decisions.filter((d) => d.eventId === terminateId).map((d) => [d.decision, d.actor])).toEqual([
      ['planned', 'system'],
    ]);
    expect(new Set(decisions.map((d) => d.decisionId)).size).toBe(decisions.length);
    const outcomes = (await readTopic(kafkaBrokers, `${topicPrefix}${TOPICS.lifecycleOutcomes}`))
      .filter((m) => m.key === admin.employeeId)
      .map((m) => m.value as { eventId: string; action: string; actor: string; rule?: string });
    const disables = outcomes.filter((o) => o.eventId === terminateId && o.action === 'account.disable');
    expect(disables).toHaveLength(5);
    expect(disables.every((o) => o.actor === 'system' && o.rule === 'terminated')).toBe(true);
  });

  it('answers commands on runs that do not apply: 400 without an actor, 404 unknown, 409 not waiting', async () => {
    const seller = await hire({ department: 'Sales' });
    const { body } = await stack.person(seller.employeeId);
    const hireRun = body.runs[0];
    expect((await stack.runCommand(hireRun.runId, 'approve')).status).toBe(400);
    expect((await stack.runCommand(hireRun.runId, 'approve', 'bad actor!')).status).toBe(400);
    expect((await stack.runCommand(hireRun.runId, 'approve', 'ops.alice')).status).toBe(409);
    expect((await stack.runCommand(hireRun.runId, 'reject', 'ops.bob')).status).toBe(409);
    expect((await stack.runCommand('no-such-run', 'cancel', 'ops.bob')).status).toBe(404);
    expect((await stack.runCommand(hireRun.runId, 'retry', 'ops.bob')).status).toBe(409);
  });

  it('grants extra access only when the person’s manager approves it', async () => {
    const manager = await hire();
    const analyst = await hire({ department: 'Finance', managerId: manager.employeeId });
    const path = `/v1/employees/${analyst.employeeId}/access-requests`;
    const invalid = await stack.ops<{ errors: { field: string }[] }>('POST', path, {
      actor: analyst.employeeId,
      body: { appId: 'jira', reason: 'x' },
    });
    expect(invalid.status).toBe(400);
    const withRoles = await stack.ops<{ errors: { field: string; message: string }[] }>('POST', path, {
      actor: analyst.employeeId,
      body: { appId: 'salesforce', roles: ['admin'], reason: 'x' },
    });
    expect(withRoles.status).toBe(400);
    expect(withRoles.body.errors).toEqual([
      { field: 'roles', message: expect.stringContaining('app "salesforce" does not support roles') },
    ]);
    const requested = await stack.ops<{ requestId: string; status: string }>('POST', path, {
      actor: analyst.employeeId,
      body: { appId: 'salesforce', groups: ['reports'], reason: 'quarter close', endDate: '2030-01-01' },
    });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('pending');
    const approvePath = `/v1/access-requests/${requested.body.requestId}/approve`;
    expect((await stack.ops('POST', approvePath, { actor: 'E-not-the-manager' })).status).toBe(403);
    expect(await stack.appUser('salesforce', analyst.email)).toBeUndefined();

    const approved = await stack.ops<{ status: string; decidedBy: string }>('POST', approvePath, {
      actor: manager.employeeId,
    });
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: manager.employeeId });
    const granted = await stack.personWhen(
      analyst.employeeId,
      (p) => accountStatuses(p).salesforce === 'active',
      'granted',
    );
    expect(granted.accessRequests).toEqual([expect.objectContaining({ appId: 'salesforce', status: 'approved' })]);
    expect((await stack.appUser('salesforce', analyst.email)).active).toBe(true);
    expect(
      (await stack.ops('POST', `/v1/access-requests/${requested.body.requestId}/deny`, { actor: manager.employeeId }))
        .status,
    ).toBe(409);
  });

  it('records a denied request and grants nothing', async () => {
    const manager = await hire();
    const analyst = await hire({ department: 'Finance', managerId: manager.employeeId });
    const requested = await stack.ops<{ requestId: string }>(
      'POST',
      `/v1/employees/${analyst.employeeId}/access-requests`,
      {
        actor: analyst.employeeId,
        body: { appId: 'github', reason: 'curious' },
      },
    );
    const denied = await stack.ops<{ status: string }>('POST', `/v1/access-requests/${requested.body.requestId}/deny`, {
      actor: manager.employeeId,
      body: { reason: 'not needed' },
    });
    expect(denied.body.status).toBe('denied');
    const person = await stack.person(analyst.employeeId);
    expect(person.body.accessRequests).toEqual([
      expect.objectContaining({ status: 'denied', decidedBy: manager.employeeId }),
    ]);
    expect(await stack.appUser('github', analyst.email)).toBeUndefined();
  });

  it('shows a step an app refuses as needing attention while the other apps complete, and retries it on command', async () => {
    const engineer = await hire();
    const slack = await stack.appUser('slack', engineer.email);
    await stack.deleteAppUser('slack', slack.id);
    const changeId = await send('change', { ...engineer, title: 'Principal Engineer' });
    const failed = await stack.personWhen(
      engineer.employeeId,
      (p) => p.runs.some((r) => r.eventId === changeId && r.status === 'failed'),
      'the update refused by slack',
    );
    expect(failed.failedSteps).toEqual([
      expect.objectContaining({ appId: 'slack', change: 'update', reason: expect.stringContaining('NOT_FOUND') }),
    ]);
    expect((await stack.appUser('github', engineer.email)).title).toBe('Principal Engineer');
    expect((await stack.appUser('zoom', engineer.email)).title).toBe('Principal Engineer');
    const run = failed.runs.find((r) => r.eventId === changeId) as RunBody;
    const listed = await stack.ops<{ items: RunBody[] }>('GET', '/v1/runs?status=failed&limit=500');
    expect(listed.body.items.map((r) => r.runId)).toContain(run.runId);

    const retried = await stack.runCommand(run.runId, 'retry', 'ops.carol', { appId: 'slack' });
    expect(retried.status).toBe(200);
    const after = await stack.personWhen(
      engineer.employeeId,
      (p) =>
        p.runs.some(
          (r) =>
            r.eventId === changeId &&
            r.steps.some((s) => s.appId === 'slack' && s.retries === 1 && s.status === 'needs_attention'),
        ),
      'the retry to be attempted',
    );
    expect(after.runs.find((r) => r.eventId === changeId)?.status).toBe('failed');
    const outcomes = await stack.auditEvents({
      employeeId: engineer.employeeId,
      appId: 'slack',
      action: 'account.update',
    });
    expect(outcomes.body.items.map((i) => i.outcome)).toEqual(['failed', 'failed']);
  });
});
