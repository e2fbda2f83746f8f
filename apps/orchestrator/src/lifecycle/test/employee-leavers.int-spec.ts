import { waitFor } from '@tenure/testing';
import { decideAccessUpdate, EmployeeLifecycleSnapshot, requestAccessUpdate } from '@tenure/temporal-contracts';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, person } from './lifecycle-fixtures';

/** Leavers, leave and approvals on the time-skipping server, against the running gateway and simulated apps. */
describe('employee lifecycle workflow: leavers and approvals', () => {
  let h: LifecycleHarness;

  beforeAll(async () => {
    h = await LifecycleHarness.start({
      prepareLeadTime: '2d',
      moverOverlap: '0s',
      retentionBeforeDelete: '30d',
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

    const slackId = (await h.apps.account('slack', tokyo.employeeId))?.externalId ?? '';
    const managerSlackId = (await h.apps.account('slack', manager.employeeId))?.externalId ?? '';
    await h.saasSim.signIn('slack', slackId);
    await h.saasSim.createItem('slack', slackId, `${tokyo.employeeId} roadmap`);

    await h.env.sleep(moment - now - 60_000);
    expect((await h.apps.accountsOf(tokyo.employeeId)).map((a) => a.active)).toEqual([true, true, true]);
    await h.env.sleep(120_000);
    const done = await h.settle(
      tokyo.employeeId,
      (s) => s.runs.find((r) => r.eventId === terminate.eventId)?.completedPhases.includes('cleanup') ?? false,
      'terminated',
    );
    expect(done.state).toBe('terminated');
    // Planned when decided, again at the moment (the accounts as they are by then), and for the cleanup.
    expect(h.plannedEvents.filter((id) => id === terminate.eventId)).toHaveLength(3);
    expect((await h.apps.accountsOf(tokyo.employeeId)).map((a) => [a.appId, a.active])).toEqual([
      ['github', false],
      ['slack', false],
      ['zoom', false],
    ]);
    expect(await h.saasSim.sessions('slack', slackId)).toEqual([]);
    expect((await h.saasSim.items('slack', managerSlackId)).map((item) => item.name)).toContain(
      `${tokyo.employeeId} roadmap`,
    );
    expect(
      h
        .outcomes(tokyo.employeeId)
        .filter((o) => o.action === 'ownership.transfer')
        .map((o) => o.appId)
        .sort(),
    ).toEqual(['github', 'slack']);
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
      expect((await h.apps.accountsOf(employee.employeeId)).map((a) => a.active)).toEqual([false, false, false]);
    }
    await h.env.sleep(10 * DAY);
    const later = await h.now();
    await h.send(lifecycleEvent('rehire', returning, { effectiveAt: iso(later), receivedAt: iso(later) }));
    const back = await h.settle(returning.employeeId, (s) => s.state === 'active', 'rehired');
    expect(back.runs.find((r) => r.eventType === 'terminate')?.status).toBe('cancelled');
    const accounts = await h.apps.accountsOf(returning.employeeId);
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
    expect(await h.apps.accountsOf(leaver.employeeId)).toEqual([]);
    expect((await h.identity.accountsOf(leaver.employeeId)).every((a) => a.status === 'deleted')).toBe(true);
    expect(await h.apps.accountsOf(returning.employeeId)).toEqual(accounts);
  });

  it('keeps disabling a leaver through a 30-minute app outage: the account ends disabled, no one involved', async () => {
    const leaver = await hired();
    const slackStep = (s: EmployeeLifecycleSnapshot) =>
      s.runs
        .find((r) => r.eventType === 'terminate')
        ?.steps.find((st) => st.phase === 'disable' && st.appId === 'slack');
    await h.saasSim.changeConditions('slack', { unavailableRatio: 1 });
    try {
      const now = await h.now();
      await h.send(lifecycleEvent('terminate', leaver, { effectiveAt: iso(now), receivedAt: iso(now) }));
      await h.env.sleep(30 * 60_000);
      const down = await h.snapshot(leaver.employeeId);
      expect(down.runs.find((r) => r.eventType === 'terminate')?.status).toBe('failed');
      expect(slackStep(down)).toMatchObject({
        status: 'needs_attention',
        failedChange: 'disable',
        reason: expect.stringMatching(/^TEMPORARY: /),
        nextAttemptAt: expect.any(String),
      });
      expect(slackStep(down)?.attempts).toBeGreaterThanOrEqual(8);
      // The time-to-deprovision report counts succeeded removals only: the leaver is still open.
      const slackDisables = () =>
        h.outcomes(leaver.employeeId).filter((o) => o.appId === 'slack' && o.action === 'account.disable');
      expect(slackDisables().map((o) => o.outcome)).not.toContain('succeeded');
      expect((await h.identity.accountsOf(leaver.employeeId)).find((a) => a.appId === 'slack')?.status).toBe('active');
    } finally {
      await h.saasSim.resetConditions('slack');
    }

    // The gateway's circuit stays open for up to half a minute of real time after the app is back.
    const done = await waitFor(
      async () => {
        await h.env.sleep(60_000);
        return h.snapshot(leaver.employeeId);
      },
      (s) => slackStep(s)?.status === 'done',
      { description: 'slack disabled after the outage', timeoutMs: 90_000 },
    );
    expect(slackStep(done)).not.toHaveProperty('nextAttemptAt');
    expect((await h.apps.account('slack', leaver.employeeId))?.active).toBe(false);
    expect((await h.identity.accountsOf(leaver.employeeId)).find((a) => a.appId === 'slack')?.status).toBe('disabled');
    const disables = h.outcomes(leaver.employeeId).filter((o) => o.appId === 'slack' && o.action === 'account.disable');
    expect(disables[0].outcome).toBe('failed');
    expect(disables[disables.length - 1].outcome).toBe('succeeded');
    // The first failure, each change of reason, one in 12 attempts: the audit trail is not flooded by every attempt.
    const failed = disables.filter((o) => o.outcome === 'failed');
    const attempts = slackStep(done)?.attempts ?? 0;
    expect(failed.length).toBeLessThan(attempts / 2);
    expect(failed.length).toBeLessThanOrEqual(new Set(failed.map((o) => o.reason)).size + Math.floor(attempts / 12));
    expect(disables.every((o) => o.actor === 'system')).toBe(true);
  }, 180_000);

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
    expect((await h.apps.accountsOf(parent.employeeId)).map((a) => a.active)).toEqual([false, false, false]);
    await h.env.sleep(DAY);
    const back = await h.now();
    await h.send(lifecycleEvent('leave_end', parent, { effectiveAt: iso(back), receivedAt: iso(back) }));
    await h.settle(parent.employeeId, (s) => s.state === 'active', 'back');
    expect((await h.identity.accountsOf(parent.employeeId)).every((a) => a.status === 'active')).toBe(true);
    expect((await h.apps.accountsOf(parent.employeeId)).map((a) => a.active)).toEqual([true, true, true]);
  });

  it('terminates a leaver with five apps at once: the guard counts people org-wide, not one person’s accounts', async () => {
    const admin = await hired({ department: 'IT' });
    expect(await h.apps.accountsOf(admin.employeeId)).toHaveLength(5);
    const now = await h.now();
    const terminate = lifecycleEvent('terminate', admin, { effectiveAt: iso(now), receivedAt: iso(now) });
    await h.send(terminate);
    const done = await h.settle(
      admin.employeeId,
      (s) => s.runs.find((r) => r.eventId === terminate.eventId)?.completedPhases.includes('cleanup') ?? false,
      'terminated at once',
    );
    expect(done.state).toBe('terminated');
    expect(done.runs.find((r) => r.eventId === terminate.eventId)?.massChange).toBeUndefined();
    // The disable goes on with the plan it was decided on; the cleanup plans again, from the disabled accounts.
    expect(h.plannedEvents.filter((id) => id === terminate.eventId)).toHaveLength(2);
    expect((await h.apps.accountsOf(admin.employeeId)).map((a) => a.active)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(h.decisions(admin.employeeId).map((d) => d.decision)).not.toContain('waiting_approval');
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
    expect(await h.apps.account('salesforce', analyst.employeeId)).toBeUndefined();

    const approved = await handle.executeUpdate(decideAccessUpdate, {
      args: [{ requestId: request.requestId, approverId: 'M2000', approve: true }],
    });
    expect(approved.status).toBe('approved');
    await h.settle(
      analyst.employeeId,
      (s) => s.runs.some((r) => r.subject.kind === 'access' && r.completedPhases.includes('grant')),
      'granted',
    );
    expect(await h.apps.account('salesforce', analyst.employeeId)).toMatchObject({ active: true, groups: ['reports'] });
    expect(h.outcomes(analyst.employeeId).find((o) => o.appId === 'salesforce')).toMatchObject({
      actor: 'approver',
      actorId: 'M2000',
      rule: `access-request:${request.requestId}`,
    });

    await h.env.sleep(8 * DAY);
    const expired = await h.settle(analyst.employeeId, (s) => s.accessRequests[0]?.status === 'expired', 'expired');
    expect(expired.accessRequests[0].status).toBe('expired');
    expect((await h.apps.account('salesforce', analyst.employeeId))?.active).toBe(false);
  });
});
