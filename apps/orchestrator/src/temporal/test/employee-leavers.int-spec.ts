import { GatewayError } from '../../gateway/connector-gateway.client';
import { approveRunUpdate, decideAccessUpdate, requestAccessUpdate, retryStepUpdate } from '@tenure/temporal-contracts';
import { waitFor } from '@tenure/testing';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, person } from './lifecycle-fixtures';

/** Leavers, leave, approvals and failures on the time-skipping server. */
describe('employee lifecycle workflow: leavers, approvals and failures', () => {
  let h: LifecycleHarness;

  beforeAll(async () => {
    h = await LifecycleHarness.start({
      prepareLeadTime: '2d',
      moverOverlap: '0s',
      retentionBeforeDelete: '30d',
      blastRadiusLimit: 3,
    });
  });
  afterAll(() => h?.stop());

  async function hired(overrides: Parameters<typeof person>[0] = {}) {
    const now = await h.now();
    const employee = person(overrides);
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(employee.employeeId, (s) => s.state === 'active' && s.runs[0]?.status === 'completed', 'hired');
    return employee;
  }

  it('terminates at the local effective moment: disable first, then sessions and data, zoom’s transfer not supported', async () => {
    const manager = await hired();
    const tokyo = await hired({ timeZone: 'Asia/Tokyo', managerId: manager.employeeId });
    const now = await h.now();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(now + 3 * DAY));
    const terminate = lifecycleEvent('terminate', tokyo, { effectiveAt: `${day}T18:00:00`, receivedAt: iso(now) });
    await h.send(terminate);
    const moment = Date.parse(`${day}T09:00:00Z`);
    const decided = await h.settle(
      tokyo.employeeId,
      (s) => s.runs.some((r) => r.eventId === terminate.eventId),
      'decided',
    );
    expect(decided.runs.find((r) => r.eventId === terminate.eventId)?.nextAt).toBe(iso(moment));
    const scheduled = h.decisions(tokyo.employeeId).find((d) => d.eventId === terminate.eventId);
    expect(scheduled?.decision).toBe('scheduled');
    expect(scheduled?.changes).toContainEqual(
      expect.objectContaining({ appId: 'zoom', change: 'not_supported', requested: 'transfer_ownership' }),
    );

    await h.env.sleep(moment - now - 60_000);
    expect(h.gateway.accountsOf(tokyo.employeeId).every((a) => a.active)).toBe(true);
    await h.env.sleep(120_000);
    const done = await h.settle(
      tokyo.employeeId,
      (s) => s.runs.find((r) => r.eventId === terminate.eventId)?.completedPhases.includes('cleanup') ?? false,
      'terminated',
    );
    expect(done.state).toBe('terminated');
    const accounts = h.gateway.accountsOf(tokyo.employeeId);
    expect(accounts.map((a) => [a.appId, a.active, a.sessionsRevoked, a.transferredTo])).toEqual([
      ['github', false, 1, manager.employeeId],
      ['slack', false, 1, manager.employeeId],
      ['zoom', false, 1, undefined],
    ]);
    // Every account is disabled before any session is revoked or data moved.
    const actions = h.outcomes(tokyo.employeeId).map((o) => o.action);
    const lastDisable = actions.lastIndexOf('account.disable');
    expect(lastDisable).toBeGreaterThanOrEqual(2);
    expect(actions.indexOf('sessions.revoke')).toBeGreaterThan(lastDisable);
    const transfer = h.outcomes(tokyo.employeeId).find((o) => o.action === 'ownership.transfer');
    expect(transfer).toMatchObject({ outcome: 'succeeded', rule: 'terminated', actor: 'system' });
  });

  it('terminates at once when the event says immediate, deletes after retention, and a rehire cancels the deletion', async () => {
    const leaver = await hired();
    const returning = await hired();
    const now = await h.now();
    for (const employee of [leaver, returning]) {
      await h.send(
        lifecycleEvent(
          'terminate',
          employee,
          { effectiveAt: iso(now + 20 * DAY), receivedAt: iso(now) },
          { immediate: true },
        ),
      );
      await h.settle(employee.employeeId, (s) => s.state === 'terminated', 'terminated at once');
      expect(h.gateway.accountsOf(employee.employeeId).every((a) => !a.active)).toBe(true);
    }
    await h.env.sleep(10 * DAY);
    const later = await h.now();
    await h.send(lifecycleEvent('rehire', returning, { effectiveAt: iso(later), receivedAt: iso(later) }));
    const back = await h.settle(returning.employeeId, (s) => s.state === 'active', 'rehired');
    expect(back.runs.find((r) => r.eventType === 'terminate')?.status).toBe('cancelled');
    const accounts = h.gateway.accountsOf(returning.employeeId);
    expect(accounts.map((a) => [a.appId, a.active])).toEqual([
      ['github', true],
      ['slack', true],
      ['zoom', true],
    ]);

    await h.env.sleep(21 * DAY);
    await h.settle(
      leaver.employeeId,
      (s) => s.runs.some((r) => r.eventType === 'terminate' && r.status === 'completed'),
      'deleted',
    );
    expect(h.gateway.accountsOf(leaver.employeeId).every((a) => a.deleted)).toBe(true);
    expect((await h.identity.accountsOf(leaver.employeeId)).every((a) => a.status === 'deleted')).toBe(true);
    expect(h.gateway.accountsOf(returning.employeeId)).toEqual(accounts);
    expect(h.gateway.accountsOf(returning.employeeId).every((a) => a.active && !a.deleted)).toBe(true);
  });

  it('suspends access for a leave and restores it on return', async () => {
    const parent = await hired();
    const now = await h.now();
    await h.send(lifecycleEvent('leave_start', parent, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(parent.employeeId, (s) => s.state === 'on_leave', 'on leave');
    expect((await h.identity.accountsOf(parent.employeeId)).map((a) => a.status)).toEqual([
      'suspended',
      'suspended',
      'suspended',
    ]);
    expect(h.gateway.accountsOf(parent.employeeId).every((a) => !a.active)).toBe(true);
    await h.env.sleep(DAY);
    const back = await h.now();
    await h.send(lifecycleEvent('leave_end', parent, { effectiveAt: iso(back), receivedAt: iso(back) }));
    await h.settle(parent.employeeId, (s) => s.state === 'active', 'back');
    expect((await h.identity.accountsOf(parent.employeeId)).every((a) => a.status === 'active')).toBe(true);
    expect(h.gateway.accountsOf(parent.employeeId).every((a) => a.active)).toBe(true);
  });

  it('holds a termination that would disable more accounts than the limit until an operator approves', async () => {
    const admin = await hired({ department: 'IT' });
    expect(h.gateway.accountsOf(admin.employeeId)).toHaveLength(4);
    const now = await h.now();
    const terminate = lifecycleEvent('terminate', admin, { effectiveAt: iso(now), receivedAt: iso(now) });
    await h.send(terminate);
    const waiting = await h.settle(
      admin.employeeId,
      (s) => s.runs.some((r) => r.status === 'waiting_approval'),
      'waiting',
    );
    const run = waiting.runs.find((r) => r.eventId === terminate.eventId);
    expect(run?.reason).toBe('would disable or delete 4 accounts (limit 3)');
    await h.env.sleep(DAY);
    expect(h.gateway.accountsOf(admin.employeeId).every((a) => a.active)).toBe(true);

    const approved = await h
      .handle(admin.employeeId)
      .executeUpdate(approveRunUpdate, { args: [{ runId: run?.runId ?? '', actorId: 'ops.alice' }] });
    expect(approved.actorId).toBe('ops.alice');
    await h.settle(admin.employeeId, (s) => s.state === 'terminated', 'terminated after approval');
    expect(h.gateway.accountsOf(admin.employeeId).every((a) => !a.active)).toBe(true);
    expect(h.decisions(admin.employeeId).find((d) => d.decision === 'approved')).toMatchObject({
      actor: 'operator',
      actorId: 'ops.alice',
    });
  });

  it('grants access a manager approves and removes it by itself when the request ends', async () => {
    const analyst = await hired({ managerId: 'M2000' });
    const handle = h.handle(analyst.employeeId);
    const request = await handle.executeUpdate(requestAccessUpdate, {
      args: [
        {
          appId: 'salesforce',
          roles: [],
          groups: ['reports'],
          reason: 'quarter close',
          endDate: iso((await h.now()) + 7 * DAY),
          requestedBy: analyst.employeeId,
        },
      ],
    });
    const stranger = await handle
      .executeUpdate(decideAccessUpdate, {
        args: [{ requestId: request.requestId, approverId: 'M9999', approve: true }],
      })
      .catch((e: Error & { cause?: { type?: string } }) => e.cause?.type);
    expect(stranger).toBe('FORBIDDEN');
    expect(h.gateway.account('salesforce', analyst.employeeId)).toBeUndefined();

    const approved = await handle.executeUpdate(decideAccessUpdate, {
      args: [{ requestId: request.requestId, approverId: 'M2000', approve: true }],
    });
    expect(approved.status).toBe('approved');
    await h.settle(
      analyst.employeeId,
      (s) => s.runs.some((r) => r.subject.kind === 'access' && r.completedPhases.includes('grant')),
      'granted',
    );
    expect(h.gateway.account('salesforce', analyst.employeeId)).toMatchObject({ active: true, groups: ['reports'] });
    expect(h.outcomes(analyst.employeeId).find((o) => o.appId === 'salesforce')).toMatchObject({
      actor: 'approver',
      actorId: 'M2000',
      rule: `access-request:${request.requestId}`,
    });

    await h.env.sleep(8 * DAY);
    const expired = await h.settle(analyst.employeeId, (s) => s.accessRequests[0]?.status === 'expired', 'expired');
    expect(expired.accessRequests[0].status).toBe('expired');
    expect(h.gateway.account('salesforce', analyst.employeeId)?.active).toBe(false);
  });

  it('finishes every other app when one refuses, shows the refusal, and completes on an operator’s retry', async () => {
    const now = await h.now();
    const employee = person();
    h.gateway.refuse('zoom', new GatewayError(422, 'INVALID', false, 'zoom rejects the email domain'));
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    const failed = await h.settle(employee.employeeId, (s) => s.runs[0]?.status === 'failed', 'failed step');
    h.gateway.refuse('zoom', undefined);
    const step = failed.runs[0].steps.find((s) => s.appId === 'zoom');
    expect(step).toMatchObject({
      status: 'needs_attention',
      failedChange: 'create',
      reason: 'INVALID: zoom rejects the email domain',
    });
    expect(h.gateway.accountsOf(employee.employeeId).map((a) => a.appId)).toEqual(['github', 'slack']);
    await waitFor(
      () => h.runs.findRun(failed.runs[0].runId),
      (run) => run?.status === 'failed',
      { description: 'the failed run in the identity store' },
    );

    await h
      .handle(employee.employeeId)
      .executeUpdate(retryStepUpdate, { args: [{ runId: failed.runs[0].runId, actorId: 'ops.bob', appId: 'zoom' }] });
    await h.settle(employee.employeeId, (s) => s.runs[0]?.status === 'completed', 'retried');
    expect(h.gateway.account('zoom', employee.employeeId)?.active).toBe(true);
    const outcomes = h.outcomes(employee.employeeId).filter((o) => o.appId === 'zoom');
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed', 'succeeded']);
  });
});
