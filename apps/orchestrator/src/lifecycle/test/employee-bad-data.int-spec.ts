import type { EmployeeLifecycleSnapshot } from '@tenure/temporal-contracts';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, person } from './lifecycle-fixtures';

/**
 * Events whose data the workflow cannot use, signalled straight into it (as
 * if they had got past every edge): each becomes a rejected run with the
 * reason, and the person's next events are applied as usual.
 */
describe('employee lifecycle workflow: events it cannot use', () => {
  let h: LifecycleHarness;

  beforeAll(async () => {
    h = await LifecycleHarness.start(
      { prepareLeadTime: '2d', moverOverlap: '0s', retentionBeforeDelete: '30d', blastRadiusLimit: 3 },
      'in-memory',
    );
  });
  afterAll(() => h?.stop());

  const runOf = (snapshot: EmployeeLifecycleSnapshot, eventId: string) =>
    snapshot.runs.find((run) => run.eventId === eventId);

  async function hired(employee: ReturnType<typeof person>, now: number): Promise<void> {
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(employee.employeeId, (s) => s.state === 'active', 'hired');
  }

  async function terminatedAfter(employee: ReturnType<typeof person>, now: number): Promise<EmployeeLifecycleSnapshot> {
    const terminate = lifecycleEvent('terminate', employee, { effectiveAt: iso(now + 2), receivedAt: iso(now + 2) });
    await h.send(terminate);
    const snapshot = await h.settle(
      employee.employeeId,
      (s) => runOf(s, terminate.eventId)?.completedPhases.includes('cleanup') === true,
      'the termination applied',
    );
    expect(snapshot.state).toBe('terminated');
    expect((await h.apps.accountsOf(employee.employeeId)).map((a) => a.active)).toEqual([false, false, false]);
    return snapshot;
  }

  it('hires a contractor whose end date cannot be read, rejects only the expiry, and applies the termination', async () => {
    const now = await h.now();
    const employee = person({ employmentType: 'contractor', endDate: '20261231' });
    await hired(employee, now);
    const expiry = (await h.snapshot(employee.employeeId)).runs.find((run) => run.eventId.startsWith('contractor-end'));
    expect(expiry).toMatchObject({
      status: 'rejected',
      reason: 'Error: endDate 20261231 is not a date such as 2026-12-31',
    });
    expect(h.decisions(employee.employeeId).find((d) => d.eventId === expiry?.eventId)?.decision).toBe('rejected');
    expect((await h.runs.findRun(expiry?.runId ?? ''))?.status).toBe('rejected');

    await terminatedAfter(employee, now);
  });

  it('rejects a hire whose effective time is no time at all, then applies the next hire and termination', async () => {
    const now = await h.now();
    const employee = person();
    const unreadable = lifecycleEvent('hire', employee, {
      effectiveAt: '2026-12-01T25:00:00+01:00',
      receivedAt: iso(now),
    });
    await h.send(unreadable);
    await hired(employee, now + 1);
    const rejected = runOf(await h.snapshot(employee.employeeId), unreadable.eventId);
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected?.reason).toBe('not an ISO-8601 date or date-time: 2026-12-01T25:00:00+01:00');

    await terminatedAfter(employee, now + 1);
  });

  it('rejects a termination effective in the year 9999, and applies the next one', async () => {
    const now = await h.now();
    const employee = person();
    await hired(employee, now);
    const farOff = lifecycleEvent('terminate', employee, {
      effectiveAt: '9999-12-31T00:00:00Z',
      receivedAt: iso(now + 1),
    });
    await h.send(farOff);
    await h.settle(employee.employeeId, (s) => runOf(s, farOff.eventId)?.status === 'rejected', 'far-off rejected');
    expect(runOf(await h.snapshot(employee.employeeId), farOff.eventId)?.reason).toBe(
      'not an ISO-8601 date or date-time: 9999-12-31T00:00:00Z',
    );

    await terminatedAfter(employee, now);
  });

  it('rejects a hire the identity store cannot hold (a NUL character), shows it, and applies the next hire', async () => {
    const now = await h.now();
    const employee = person();
    const unstorable = lifecycleEvent(
      'hire',
      { ...employee, department: 'Engi\u0000neering' },
      {
        effectiveAt: iso(now),
        receivedAt: iso(now),
      },
    );
    await h.send(unstorable);
    await hired(employee, now + 1);
    const rejected = runOf(await h.snapshot(employee.employeeId), unstorable.eventId);
    expect(rejected).toMatchObject({ status: 'rejected' });
    expect(rejected?.reason).toMatch(/^the identity store refused a value: /);
    const stored = await h.runs.findRun(rejected?.runId ?? '');
    expect(stored).toMatchObject({ status: 'rejected', reason: rejected?.reason });

    await terminatedAfter(employee, now + 1);
  });

  it('rejects an event whose receipt time cannot be read and still decides the events after it', async () => {
    const now = await h.now();
    const employee = person();
    const unreadable = lifecycleEvent('hire', employee, { effectiveAt: 'soon', receivedAt: 'yesterday' });
    await h.send(unreadable);
    await hired(employee, now);
    const rejected = runOf(await h.snapshot(employee.employeeId), unreadable.eventId);
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'not an ISO-8601 date or date-time: soon' });
    expect(Date.parse(rejected?.effectiveAt ?? '')).toBeGreaterThan(now - DAY);
    expect((await h.runs.findRun(rejected?.runId ?? ''))?.status).toBe('rejected');
  });
});
