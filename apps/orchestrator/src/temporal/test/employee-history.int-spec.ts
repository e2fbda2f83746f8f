import { GatewayError } from '../../gateway/connector-gateway.client';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, person } from './lifecycle-fixtures';

/** Bounded retries of an app that stays down, and long lives that continue as new without losing anything. */
describe('employee lifecycle workflow: retries and long histories', () => {
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

  it('retries an app that stays unavailable a bounded number of times, then leaves it needing attention', async () => {
    const now = await h.now();
    const employee = person();
    h.gateway.refuse('slack', new GatewayError(503, 'TEMPORARY', true, 'slack is down for maintenance'));
    try {
      await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
      await h.until(
        employee.employeeId,
        (s) => s.runs[0]?.steps.filter((step) => step.status === 'done').length === 2,
        'the other apps done',
      );
      // Skipping time runs through the back-off between attempts.
      await h.env.sleep(10 * 60_000);
      const failed = await h.settle(
        employee.employeeId,
        (s) => s.runs[0]?.status === 'failed',
        'slack needs attention',
      );
      expect(failed.runs[0].steps.find((step) => step.appId === 'slack')).toMatchObject({
        status: 'needs_attention',
        failedChange: 'create',
        reason: 'TEMPORARY: slack is down for maintenance',
      });
      expect(h.gateway.calls.filter((call) => call === 'slack:create')).toHaveLength(6);
      expect(h.gateway.accountsOf(employee.employeeId).map((a) => a.appId)).toEqual(['github', 'zoom']);
      expect((await h.identity.accountsOf(employee.employeeId)).find((a) => a.appId === 'slack')).toMatchObject({
        status: 'failed',
        reason: 'TEMPORARY: slack is down for maintenance',
      });
    } finally {
      h.gateway.refuse('slack', undefined);
    }
  });

  it('continues as new before its history grows long, carrying scheduled runs and remembered events', async () => {
    const now = await h.now();
    const employee = person();
    const hire = lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) });
    await h.send(hire, 120);
    await h.settle(employee.employeeId, (s) => s.state === 'active', 'hired');
    const firstRun = (await h.handle(employee.employeeId).describe()).runId;
    const terminate = lifecycleEvent('terminate', employee, {
      effectiveAt: iso(now + 5 * DAY),
      receivedAt: iso(now + 1),
    });
    await h.send(terminate, 120);
    for (let step = 0; step < 6; step++) {
      const title = `Engineer ${step}`;
      await h.send(
        lifecycleEvent(
          'change',
          { ...employee, title },
          { effectiveAt: iso(now + 2 + step), receivedAt: iso(now + 2 + step) },
        ),
        120,
      );
      await h.settle(
        employee.employeeId,
        (s) => s.runs.every((r) => r.status !== 'scheduled' || r.eventId === terminate.eventId),
        `change ${step}`,
      );
    }
    const description = await h.handle(employee.employeeId).describe();
    expect(description.runId).not.toBe(firstRun);

    await h.send(hire, 120);
    const snapshot = await h.settle(
      employee.employeeId,
      (s) => s.runs.some((r) => r.eventId === terminate.eventId),
      'carried',
    );
    expect(snapshot.runs.find((r) => r.eventId === terminate.eventId)?.status).toBe('scheduled');
    expect(
      h
        .decisions(employee.employeeId)
        .filter((d) => d.eventId === hire.eventId)
        .map((d) => d.decision),
    ).toContain('skipped_duplicate');

    await h.env.sleep(5 * DAY + 60_000);
    await h.settle(employee.employeeId, (s) => s.state === 'terminated', 'terminated after continuing as new');
    expect(h.gateway.accountsOf(employee.employeeId).every((a) => !a.active)).toBe(true);
    expect(h.gateway.account('slack', employee.employeeId)?.title).toBe('Engineer 5');
  });
});
