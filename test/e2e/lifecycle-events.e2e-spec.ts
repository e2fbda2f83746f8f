import { employeeFixture, uniqueId, waitFor } from '@tenure/testing';
import { AuditClient } from './audit-client';
import { accountStatuses, LifecycleClient } from './lifecycle-client';

const DAY = 86_400_000;
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Every HR event type through the signed webhook, observed in the ops API and in the simulated apps. */
describe('lifecycle events, end to end', () => {
  const stack = new LifecycleClient();
  const audit = new AuditClient();
  afterAll(() => audit.close());

  const send = stack.send.bind(stack);
  const hire = stack.hire.bind(stack);

  it('schedules a future hire, prepares its accounts disabled ahead of the start, and a cancelled hire removes them', async () => {
    const joiner = employeeFixture({ timeZone: 'America/New_York' });
    const start = new Date(Date.now() + DAY);
    const localStart = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(start);
    // A date alone is the person's local midnight; three days of lead time put the preparation in the past.
    const hireId = await send('hire', joiner, { effectiveAt: localStart });
    const prepared = await stack.personWhen(
      joiner.employeeId,
      (p) => p.scheduled.some((r) => r.eventId === hireId && r.completedPhases.includes('prepare')),
      'accounts prepared',
    );
    expect(prepared.state).toBe('pending_start');
    const run = prepared.scheduled.find((r) => r.eventId === hireId);
    expect(run?.nextAt).toMatch(new RegExp(`^${localStart}T0[45]:00:00.000Z$`));
    expect(accountStatuses(prepared)).toEqual({ github: 'pending', slack: 'pending', zoom: 'pending' });
    for (const appId of ['github', 'slack', 'zoom']) {
      const user = await stack.appUser(appId, joiner.email);
      expect(user).toMatchObject({ active: false, externalId: joiner.employeeId });
      // Created disabled: the app never saw the account switched on.
      expect(await stack.activations(appId, user.id)).toEqual([false]);
    }
    // The audit trail records the accounts as prepared, giving no access before the start.
    const { body: prepares } = await waitFor(
      () => stack.auditEvents({ employeeId: joiner.employeeId, action: 'account.prepare' }),
      (r) => r.body.items?.length === 3,
      { description: 'three account.prepare audit records' },
    );
    expect(prepares.items.every((item) => item.outcome === 'succeeded' && item.eventId === hireId)).toBe(true);
    expect(
      await audit.get('/v1/audit/access', { employeeId: joiner.employeeId, at: new Date().toISOString() }),
    ).toMatchObject({
      status: 200,
      body: { accounts: [] },
    });
    const scheduled = await stack.ops<{ items: { runId: string }[] }>('GET', '/v1/runs?status=scheduled&limit=500');
    expect(scheduled.body.items.map((r) => r.runId)).toContain(run?.runId);

    const cancelId = await send('cancel_hire', joiner);
    const cancelled = await stack.personWhen(
      joiner.employeeId,
      (p) => p.runs.some((r) => r.eventId === cancelId && r.status === 'completed'),
      'hire cancelled',
    );
    expect(cancelled.state).toBe('hire_cancelled');
    expect(cancelled.runs.find((r) => r.eventId === hireId)?.status).toBe('cancelled');
    expect(accountStatuses(cancelled)).toEqual({ github: 'deleted', slack: 'deleted', zoom: 'deleted' });
    for (const appId of ['github', 'slack', 'zoom']) expect(await stack.appUser(appId, joiner.email)).toBeUndefined();
  });

  it('moves a person: grants the new department’s app, disables the old one, pushes the new title', async () => {
    const mover = await hire({ department: 'Engineering' });
    const changeId = await send('change', { ...mover, department: 'Sales', title: 'Account Executive' });
    const moved = await stack.personWhen(
      mover.employeeId,
      (p) => p.runs.some((r) => r.eventId === changeId && r.status === 'completed'),
      'moved',
    );
    expect(accountStatuses(moved)).toEqual({
      github: 'disabled',
      salesforce: 'active',
      slack: 'active',
      zoom: 'active',
    });
    expect(moved.entitlements.map((e) => e.appId)).toEqual(['salesforce', 'slack', 'zoom']);
    expect((await stack.appUser('github', mover.email)).active).toBe(false);
    expect((await stack.appUser('salesforce', mover.email)).active).toBe(true);
    expect((await stack.appUser('slack', mover.email)).title).toBe('Account Executive');
    const audit = await stack.auditEvents({ employeeId: mover.employeeId, action: 'account.disable' });
    expect(audit.body.items).toEqual([expect.objectContaining({ appId: 'github', outcome: 'succeeded' })]);
  });

  it('suspends access for a leave and restores it on return', async () => {
    const parent = await hire();
    await send('leave_start', parent);
    const away = await stack.personWhen(
      parent.employeeId,
      (p) => p.state === 'on_leave' && Object.values(accountStatuses(p)).every((s) => s === 'suspended'),
      'on leave',
    );
    expect(away.accounts).toHaveLength(3);
    expect((await stack.appUser('slack', parent.email)).active).toBe(false);
    await send('leave_end', parent);
    await stack.personWhen(
      parent.employeeId,
      (p) => p.state === 'active' && Object.values(accountStatuses(p)).every((s) => s === 'active'),
      'back',
    );
    expect((await stack.appUser('slack', parent.email)).active).toBe(true);
  });

  it('terminates at once when asked: accounts disabled, sessions ended, data handed to the manager; a rehire re-enables the same accounts', async () => {
    const manager = await hire();
    const leaver = await hire({ managerId: manager.employeeId });
    const leaverSlack = await stack.appUser('slack', leaver.email);
    const managerSlack = await stack.appUser('slack', manager.email);
    await stack.appApi('slack', 'POST', `/users/${leaverSlack.id}/sessions`);
    await stack.appApi('slack', 'POST', `/users/${leaverSlack.id}/items`, { name: 'quarterly plan' });

    const terminateId = await send(
      'terminate',
      { ...leaver, managerId: manager.employeeId },
      { effectiveAt: isoIn(20 * DAY), immediate: true },
    );
    const gone = await stack.personWhen(
      leaver.employeeId,
      (p) => p.runs.some((r) => r.eventId === terminateId && r.completedPhases.includes('cleanup')),
      'terminated',
    );
    expect(gone.state).toBe('terminated');
    expect(accountStatuses(gone)).toEqual({ github: 'disabled', slack: 'disabled', zoom: 'disabled' });
    expect(gone.scheduled.find((r) => r.eventId === terminateId)?.nextAt).toBeDefined();
    expect(await stack.appApi('slack', 'GET', `/users/${leaverSlack.id}/sessions`)).toEqual({ sessions: [] });
    const items = await stack.appApi<{ items: { name: string }[] }>('slack', 'GET', `/users/${managerSlack.id}/items`);
    expect(items.items.map((i) => i.name)).toContain('quarterly plan');

    await send('rehire', leaver);
    const back = await stack.personWhen(
      leaver.employeeId,
      (p) => p.state === 'active' && Object.values(accountStatuses(p)).every((s) => s === 'active'),
      'rehired',
    );
    expect(back.runs.find((r) => r.eventId === terminateId)?.status).toBe('cancelled');
    for (const appId of ['github', 'slack', 'zoom']) {
      const users = await stack.appUsers(appId, `userName eq "${leaver.email}"`);
      expect(users).toHaveLength(1);
      expect(users[0].active).toBe(true);
    }
    expect((await stack.appUser('slack', leaver.email)).id).toBe(leaverSlack.id);
  });

  it('lets a contractor’s access expire by itself once their end date is over', async () => {
    const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const contractor = employeeFixture({ employmentType: 'contractor', department: 'Finance' });
    await send('hire', { ...contractor, endDate: yesterday });
    const expired = await stack.personWhen(
      contractor.employeeId,
      (p) => p.runs.some((r) => r.eventId === `contractor-end-${yesterday}` && r.completedPhases.includes('cleanup')),
      'expired',
    );
    expect(expired.state).toBe('terminated');
    expect(accountStatuses(expired)).toEqual({ slack: 'disabled', zoom: 'disabled' });
    expect((await stack.appUser('slack', contractor.email)).active).toBe(false);
  });

  it('skips an event older than the one applied, and keeps the newer state', async () => {
    const person = await hire({ title: 'Engineer' });
    const promotion = await send('change', { ...person, title: 'Staff Engineer' });
    await stack.personWhen(
      person.employeeId,
      (p) => p.runs.some((r) => r.eventId === promotion && r.status === 'completed'),
      'promoted',
    );
    const late = await send('change', { ...person, title: 'Intern' }, { effectiveAt: isoIn(-3_600_000) });
    const after = await stack.personWhen(
      person.employeeId,
      (p) => p.runs.some((r) => r.eventId === late),
      'late change decided',
    );
    const skipped = after.runs.find((r) => r.eventId === late);
    expect(skipped?.status).toBe('skipped');
    expect(skipped?.reason).toContain(promotion);
    expect(after.attributes.title).toBe('Staff Engineer');
  });
});
