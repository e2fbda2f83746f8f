import { GatewayError } from '../../gateway/connector-gateway.client';
import { waitFor } from '@tenure/testing';
import { cancelRunUpdate, EmployeeLifecycleSnapshot, retryStepUpdate } from '@tenure/temporal-contracts';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, person } from './lifecycle-fixtures';

/**
 * Apps that refuse (on cue, so simulated in memory): bounded retries, one app
 * failing while the rest complete, an operator's retry; and long lives that
 * continue as new without losing anything.
 */
const HISTORY_LIMIT = 120;

describe('employee lifecycle workflow: failing apps and long histories', () => {
  let h: LifecycleHarness;

  /** No workflow task scheduled since the last one completed: the run waits for its next event or timer. */
  async function sleepsUntilNextEvent(employeeId: string): Promise<boolean> {
    const events = (await h.handle(employeeId).fetchHistory()).events ?? [];
    const last = (has: (event: (typeof events)[number]) => unknown) =>
      events.reduce((found, event, index) => (has(event) ? index : found), -1);
    return (
      last((event) => event.workflowTaskCompletedEventAttributes) >
      last((event) => event.workflowTaskScheduledEventAttributes)
    );
  }

  beforeAll(async () => {
    h = await LifecycleHarness.start(
      {
        prepareLeadTime: '2d',
        moverOverlap: '0s',
        retentionBeforeDelete: '30d',
      },
      'in-memory',
    );
  });
  afterAll(() => h?.stop());

  it('retries an app that stays unavailable a bounded number of times, then leaves it needing attention', async () => {
    const now = await h.now();
    const employee = person();
    h.faults.refuse('slack', new GatewayError(503, 'TEMPORARY', true, 'slack is down for maintenance'));
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
      expect(h.faults.calls.filter((call) => call === 'slack:create')).toHaveLength(6);
      expect((await h.apps.accountsOf(employee.employeeId)).map((a) => a.appId)).toEqual(['github', 'zoom']);
      expect((await h.identity.accountsOf(employee.employeeId)).find((a) => a.appId === 'slack')).toMatchObject({
        status: 'failed',
        reason: 'TEMPORARY: slack is down for maintenance',
      });
    } finally {
      h.faults.refuse('slack', undefined);
    }
  });

  // Many round trips one after the other: slower than most when the machine is busy.
  it('continues as new before its history grows long, carrying scheduled runs and remembered events', async () => {
    const now = await h.now();
    const employee = person();
    const hire = lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) });
    await h.send(hire, HISTORY_LIMIT);
    await h.settle(employee.employeeId, (s) => s.state === 'active', 'hired');
    const firstRun = (await h.handle(employee.employeeId).describe()).runId;
    const terminate = lifecycleEvent('terminate', employee, {
      effectiveAt: iso(now + 5 * DAY),
      receivedAt: iso(now + 1),
    });
    await h.send(terminate, HISTORY_LIMIT);
    // Changes until the history passes its limit (how many depends on how the
    // server batches the signals into workflow tasks).
    let title = employee.title;
    let runId = firstRun;
    for (let step = 0; step < 12 && runId === firstRun; step++) {
      title = `Engineer ${step}`;
      const change = lifecycleEvent(
        'change',
        { ...employee, title },
        { effectiveAt: iso(now + 2 + step), receivedAt: iso(now + 2 + step) },
      );
      await h.send(change, HISTORY_LIMIT);
      // Past the limit, the run continues as new once it has taken the change.
      // Nothing asks the run anything until its task is done: the test server
      // loses track of a query that arrives while the run continues as new,
      // and then never skips time again. (A run that passed the limit with its
      // last task, since it reads the length its tasks start with, sleeps
      // until the next event and continues then.)
      const current = await waitFor(
        async () => ({
          described: await h.handle(employee.employeeId).describe(),
          idle: await sleepsUntilNextEvent(employee.employeeId),
        }),
        ({ described, idle }) => described.runId !== firstRun || idle,
        { description: `the run after change ${step}` },
      );
      await h.settle(employee.employeeId, (s) => s.lastEventId === change.eventId, `change ${step}`);
      runId = current.described.runId;
    }
    expect(runId).not.toBe(firstRun);

    await h.send(hire, HISTORY_LIMIT);
    // The repeated hire is recognised by the new run, which remembers the events of the old one.
    const hireDecisions = await waitFor(
      async () =>
        h
          .decisions(employee.employeeId)
          .filter((d) => d.eventId === hire.eventId)
          .map((d) => d.decision),
      (decisions) => decisions.includes('skipped_duplicate'),
      { description: 'the repeated hire recognised as a duplicate' },
    );
    expect(new Set(hireDecisions)).toEqual(new Set(['planned', 'skipped_duplicate']));
    const snapshot = await h.settle(
      employee.employeeId,
      (s) => s.runs.some((r) => r.eventId === terminate.eventId),
      'carried',
    );
    expect(snapshot.runs.find((r) => r.eventId === terminate.eventId)?.status).toBe('scheduled');

    await h.env.sleep(5 * DAY + 60_000);
    await h.settle(employee.employeeId, (s) => s.state === 'terminated', 'terminated after continuing as new');
    expect((await h.apps.accountsOf(employee.employeeId)).map((a) => a.active)).toEqual([false, false, false]);
    expect((await h.apps.account('slack', employee.employeeId))?.title).toBe(title);
  }, 180_000);

  it('finishes every other app when one refuses, shows the refusal, and completes on an operator’s retry', async () => {
    const now = await h.now();
    const employee = person();
    h.faults.refuse('zoom', new GatewayError(422, 'INVALID', false, 'zoom rejects the email domain'));
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    const failed = await h.settle(employee.employeeId, (s) => s.runs[0]?.status === 'failed', 'failed step');
    h.faults.refuse('zoom', undefined);
    const step = failed.runs[0].steps.find((s) => s.appId === 'zoom');
    expect(step).toMatchObject({
      status: 'needs_attention',
      failedChange: 'create',
      reason: 'INVALID: zoom rejects the email domain',
    });
    expect((await h.apps.accountsOf(employee.employeeId)).map((a) => a.appId)).toEqual(['github', 'slack']);
    await waitFor(
      () => h.runs.findRun(failed.runs[0].runId),
      (run) => run?.status === 'failed',
      { description: 'the failed run in the identity store' },
    );

    await h
      .handle(employee.employeeId)
      .executeUpdate(retryStepUpdate, { args: [{ runId: failed.runs[0].runId, actorId: 'ops.bob', appId: 'zoom' }] });
    await h.settle(employee.employeeId, (s) => s.runs[0]?.status === 'completed', 'retried');
    expect((await h.apps.account('zoom', employee.employeeId))?.active).toBe(true);
    const outcomes = h.outcomes(employee.employeeId).filter((o) => o.appId === 'zoom');
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed', 'succeeded']);
  });

  it('shows credentials an app refuses while it keeps disabling a leaver, and disables once they are fixed', async () => {
    const now = await h.now();
    const employee = person();
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(employee.employeeId, (s) => s.state === 'active', 'hired');
    const terminate = lifecycleEvent('terminate', employee, { effectiveAt: iso(now + 1), receivedAt: iso(now + 1) });
    const disableStep = (s: EmployeeLifecycleSnapshot) =>
      s.runs
        .find((r) => r.eventId === terminate.eventId)
        ?.steps.find((st) => st.phase === 'disable' && st.appId === 'slack');
    const refusal = "the app refused the gateway's credentials (HTTP 401)";
    h.faults.refuse('slack', new GatewayError(502, 'UNAUTHORIZED', false, refusal));
    try {
      await h.send(terminate);
      await h.env.sleep(60 * 60_000);
      const refused = await h.snapshot(employee.employeeId);
      expect(disableStep(refused)).toMatchObject({
        status: 'needs_attention',
        failedChange: 'disable',
        reason: `UNAUTHORIZED: credentials refused by slack: ${refusal}`,
        nextAttemptAt: expect.any(String),
      });
      const attempts = disableStep(refused)?.attempts ?? 0;
      expect(attempts).toBeGreaterThanOrEqual(15);
      // Each attempt is one call: the refusal is not retried inside an attempt.
      // (the next attempt may be under way as the snapshot is taken)
      const calls = h.faults.calls.filter((call) => call === 'slack:disable').length;
      expect(calls).toBeGreaterThanOrEqual(attempts);
      expect(calls).toBeLessThanOrEqual(attempts + 1);
      expect((await h.identity.accountsOf(employee.employeeId)).find((a) => a.appId === 'slack')).toMatchObject({
        status: 'active',
        reason: `UNAUTHORIZED: credentials refused by slack: ${refusal}`,
      });
    } finally {
      h.faults.refuse('slack', undefined);
    }

    // Fixed credentials: the next attempt (at most five minutes on) disables the account, with no new HR event.
    await h.env.sleep(5 * 60_000 + 1_000);
    const fixed = await h.until(
      employee.employeeId,
      (s) => disableStep(s)?.status === 'done',
      'disabled after the fix',
    );
    expect(disableStep(fixed)).not.toHaveProperty('nextAttemptAt');
    expect((await h.apps.account('slack', employee.employeeId))?.active).toBe(false);
    const outcomes = h
      .outcomes(employee.employeeId)
      .filter((o) => o.appId === 'slack' && o.action === 'account.disable');
    expect(outcomes[outcomes.length - 1]).toMatchObject({
      outcome: 'succeeded',
      eventId: terminate.eventId,
      actor: 'system',
    });
    expect(outcomes.filter((o) => o.outcome === 'failed').length).toBeLessThanOrEqual(3);
  });

  it('stops retrying a removal when an operator cancels the run', async () => {
    const now = await h.now();
    const employee = person();
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(employee.employeeId, (s) => s.state === 'active', 'hired');
    h.faults.refuse('zoom', new GatewayError(503, 'TEMPORARY', true, 'zoom is down'));
    try {
      const terminate = lifecycleEvent('terminate', employee, { effectiveAt: iso(now + 1), receivedAt: iso(now + 1) });
      await h.send(terminate);
      await h.env.sleep(10 * 60_000);
      const failing = await h.snapshot(employee.employeeId);
      const run = failing.runs.find((r) => r.eventId === terminate.eventId);
      expect(run?.status).toBe('failed');
      const cancelled = await h.handle(employee.employeeId).executeUpdate(cancelRunUpdate, {
        args: [{ runId: run?.runId ?? '', actorId: 'ops.carol', reason: 'disabled by hand' }],
      });
      expect(cancelled).toMatchObject({ status: 'cancelled', actorId: 'ops.carol' });
      expect(cancelled.steps.some((step) => step.nextAttemptAt)).toBe(false);
      const calls = h.faults.calls.filter((call) => call === 'zoom:disable').length;
      await h.env.sleep(60 * 60_000);
      expect(h.faults.calls.filter((call) => call === 'zoom:disable')).toHaveLength(calls);
    } finally {
      h.faults.refuse('zoom', undefined);
    }
  });

  it('rejects an event whose date cannot be read and goes on with the next one', async () => {
    const now = await h.now();
    const employee = person();
    const unreadable = lifecycleEvent('hire', employee, {
      effectiveAt: 'first monday of next month',
      receivedAt: iso(now),
    });
    await h.send(unreadable);
    const hire = lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now + 1) });
    await h.send(hire);
    const snapshot = await h.settle(employee.employeeId, (s) => s.state === 'active', 'the readable hire applied');
    expect(snapshot.runs.find((r) => r.eventId === unreadable.eventId)).toMatchObject({
      status: 'rejected',
      reason: 'not an ISO-8601 date or date-time: first monday of next month',
    });
    expect(h.decisions(employee.employeeId).find((d) => d.eventId === unreadable.eventId)?.decision).toBe('rejected');
    expect(await h.apps.accountsOf(employee.employeeId)).toHaveLength(3);
  });
});
