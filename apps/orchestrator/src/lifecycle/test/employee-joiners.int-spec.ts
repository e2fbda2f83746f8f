import { waitFor } from '@tenure/testing';
import { resolveEffectiveAt } from '../planning/effective-time';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, localDate, person } from './lifecycle-fixtures';

/** Joiners and movers on the time-skipping server: timers are crossed by skipping time, never by waiting. */
describe('employee lifecycle workflow: joiners and movers', () => {
  let h: LifecycleHarness;

  beforeAll(async () => {
    h = await LifecycleHarness.start({
      prepareLeadTime: '2d',
      moverOverlap: '1d',
      retentionBeforeDelete: '30d',
    });
  });
  afterAll(() => h?.stop());

  it('prepares a future hire’s accounts disabled and switches them on at the start, in the person’s time zone', async () => {
    const now = await h.now();
    const ada = person({ timeZone: 'America/New_York' });
    const startDate = localDate(now + 10 * DAY, 'America/New_York');
    const start = Date.parse(resolveEffectiveAt(startDate, 'America/New_York'));
    await h.send(lifecycleEvent('hire', ada, { effectiveAt: startDate, receivedAt: iso(now) }));

    const scheduled = await h.settle(
      ada.employeeId,
      (s) => s.runs.some((r) => r.status === 'scheduled'),
      'hire scheduled',
    );
    expect(scheduled.state).toBe('pending_start');
    expect(scheduled.runs[0].nextAt).toBe(iso(start - 2 * DAY));
    expect(await h.apps.accountsOf(ada.employeeId)).toEqual([]);
    expect(h.decisions(ada.employeeId).map((d) => d.decision)).toEqual(['scheduled']);

    await h.env.sleep(start - 2 * DAY - now + 60_000);
    await h.settle(ada.employeeId, (s) => s.runs[0].completedPhases.includes('prepare'), 'accounts prepared');
    expect((await h.apps.accountsOf(ada.employeeId)).map((a) => [a.appId, a.active])).toEqual([
      ['github', false],
      ['slack', false],
      ['zoom', false],
    ]);
    expect((await h.identity.accountsOf(ada.employeeId)).map((a) => a.status)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    // Created disabled, not created and then disabled: no moment in which the account could be used.
    const prepared = await h.apps.accountsOf(ada.employeeId);
    for (const account of prepared) {
      expect(await h.saasSim.activations(account.appId, account.externalId)).toEqual([false]);
    }

    // One minute before local midnight in New York nothing is switched on yet.
    await h.env.sleep(start - (await h.now()) - 60_000);
    expect((await h.apps.accountsOf(ada.employeeId)).every((a) => !a.active)).toBe(true);

    await h.env.sleep(120_000);
    const started = await h.settle(ada.employeeId, (s) => s.runs[0].status === 'completed', 'hire started');
    expect(started.state).toBe('active');
    expect((await h.apps.accountsOf(ada.employeeId)).map((a) => [a.appId, a.active, a.groups])).toEqual([
      ['github', true, ['engineering']],
      ['slack', true, ['all-staff']],
      ['zoom', true, []],
    ]);
    expect((await h.identity.accountsOf(ada.employeeId)).every((a) => a.status === 'active')).toBe(true);
    for (const account of prepared) {
      expect(await h.saasSim.activations(account.appId, account.externalId)).toEqual([false, true]);
    }
  });

  it('leaves a prepared account disabled when the create is retried after the app’s answer was lost', async () => {
    const now = await h.now();
    const joiner = person({ department: 'Sales' });
    const start = now + DAY;
    // Zoom carries out the create but its answer never arrives: the gateway times out and the step is retried.
    await h.saasSim.changeConditions('zoom', { lostWriteAnswerRatio: 1 });
    try {
      await h.send(lifecycleEvent('hire', joiner, { effectiveAt: iso(start), receivedAt: iso(now) }));
      await waitFor(
        () => h.apps.account('zoom', joiner.employeeId),
        (account) => account !== undefined,
        { description: 'the Zoom account created without an answer', timeoutMs: 30_000 },
      );
    } finally {
      await h.saasSim.resetConditions('zoom');
    }
    await h.until(
      joiner.employeeId,
      (s) => s.runs[0]?.completedPhases.includes('prepare') === true,
      'accounts prepared after the retry',
    );
    const zoom = await h.apps.account('zoom', joiner.employeeId);
    expect(zoom).toMatchObject({ active: false });
    expect(await h.saasSim.activations('zoom', zoom!.externalId)).toEqual([false]);
    expect(await h.apps.accountsOf(joiner.employeeId)).toHaveLength(3);
    expect(await h.identity.accountsOf(joiner.employeeId)).toContainEqual(
      expect.objectContaining({ appId: 'zoom', status: 'pending', externalId: zoom!.externalId }),
    );

    await h.env.sleep(start - (await h.now()) + 60_000);
    await h.settle(joiner.employeeId, (s) => s.runs[0].status === 'completed', 'hire started');
    expect(await h.saasSim.activations('zoom', zoom!.externalId)).toEqual([false, true]);
  });

  it('removes what was prepared when the hire is cancelled before the start', async () => {
    const now = await h.now();
    const bob = person();
    const hire = lifecycleEvent('hire', bob, { effectiveAt: iso(now + 5 * DAY), receivedAt: iso(now) });
    await h.send(hire);
    await h.env.sleep(3 * DAY + 60_000);
    await h.settle(bob.employeeId, (s) => s.runs[0]?.completedPhases.includes('prepare'), 'accounts prepared');
    expect(await h.apps.accountsOf(bob.employeeId)).toHaveLength(3);

    const later = await h.now();
    await h.send(lifecycleEvent('cancel_hire', bob, { effectiveAt: iso(later), receivedAt: iso(later) }));
    const cancelled = await h.settle(bob.employeeId, (s) => s.state === 'hire_cancelled', 'hire cancelled');
    expect(cancelled.runs.find((r) => r.eventId === hire.eventId)?.status).toBe('cancelled');
    expect(await h.apps.accountsOf(bob.employeeId)).toEqual([]);

    await h.env.sleep(3 * DAY);
    expect(await h.apps.accountsOf(bob.employeeId)).toEqual([]);
    const after = await h.snapshot(bob.employeeId);
    expect(after.state).toBe('hire_cancelled');
    expect(after.runs.find((r) => r.eventId === hire.eventId)?.completedPhases).toEqual(['prepare']);
  });

  it('moves a person: grants the new access at once, keeps the old through the overlap, then revokes it', async () => {
    const now = await h.now();
    const cleo = person({ department: 'Engineering', title: 'Engineer' });
    const hire = lifecycleEvent('hire', cleo, { effectiveAt: iso(now), receivedAt: iso(now) });
    await h.send(hire);
    await h.settle(cleo.employeeId, (s) => s.state === 'active' && s.runs[0].status === 'completed', 'hired');
    // A start due at once goes on with the plan it was decided on.
    expect(h.plannedEvents.filter((id) => id === hire.eventId)).toHaveLength(1);

    const moved = { ...cleo, department: 'Sales', title: 'Account Executive' };
    const change = lifecycleEvent('change', moved, { effectiveAt: iso(now + 60_000), receivedAt: iso(now + 60_000) });
    await h.env.sleep(60_000);
    await h.send(change);
    await h.settle(
      cleo.employeeId,
      (s) => s.runs.find((r) => r.eventId === change.eventId)?.completedPhases.includes('apply') ?? false,
      'change applied',
    );
    expect((await h.apps.account('salesforce', cleo.employeeId))?.active).toBe(true);
    expect((await h.apps.account('github', cleo.employeeId))?.active).toBe(true);
    expect((await h.apps.account('slack', cleo.employeeId))?.title).toBe('Account Executive');

    await h.env.sleep(DAY + 60_000);
    await h.settle(
      cleo.employeeId,
      (s) => s.runs.find((r) => r.eventId === change.eventId)?.status === 'completed',
      'overlap over',
    );
    expect((await h.apps.account('github', cleo.employeeId))?.active).toBe(false);
    expect((await h.apps.account('github', cleo.employeeId))?.groups).toEqual([]);
    const record = await h.identity.findPerson(cleo.employeeId);
    expect(record?.entitlements.map((e) => e.appId)).toEqual(['salesforce', 'slack', 'zoom']);
    const revoke = h.outcomes(cleo.employeeId).find((o) => o.appId === 'github' && o.action === 'account.disable');
    expect(revoke).toMatchObject({ outcome: 'succeeded', eventId: change.eventId, rule: 'no longer: engineering' });
    // Decided and applied on one plan; the revoke after the overlap planned again, from the accounts as they are.
    expect(h.plannedEvents.filter((id) => id === change.eventId)).toHaveLength(2);
  });

  it('ignores a duplicate event and skips one older than what was applied', async () => {
    const now = await h.now();
    const dan = person({ title: 'Engineer' });
    const hire = lifecycleEvent('hire', dan, { effectiveAt: iso(now), receivedAt: iso(now) });
    await h.send(hire);
    await h.settle(dan.employeeId, (s) => s.state === 'active' && s.runs[0]?.status === 'completed', 'hired');
    const promoted = lifecycleEvent(
      'change',
      { ...dan, title: 'Staff Engineer' },
      { effectiveAt: iso(now + 2000), receivedAt: iso(now + 2000) },
    );
    await h.send(promoted);
    await h.settle(
      dan.employeeId,
      (s) => s.runs.find((r) => r.eventId === promoted.eventId)?.status === 'completed',
      'promotion',
    );

    await h.send(hire);
    const late = lifecycleEvent(
      'change',
      { ...dan, title: 'Intern' },
      { effectiveAt: iso(now + 1000), receivedAt: iso(now + 3000) },
    );
    await h.send(late);
    const snapshot = await h.settle(
      dan.employeeId,
      (s) => s.runs.some((r) => r.eventId === late.eventId),
      'late change decided',
    );

    expect(snapshot.runs.find((r) => r.eventId === late.eventId)?.status).toBe('skipped');
    expect(snapshot.runs.filter((r) => r.eventId === hire.eventId)).toHaveLength(1);
    const decisions = h.decisions(dan.employeeId).map((d) => [d.eventId, d.decision]);
    expect(decisions).toContainEqual([hire.eventId, 'skipped_duplicate']);
    expect(decisions).toContainEqual([late.eventId, 'skipped_stale']);
    expect((await h.identity.findPerson(dan.employeeId))?.person.attributes.title).toBe('Staff Engineer');
    expect((await h.apps.account('slack', dan.employeeId))?.title).toBe('Staff Engineer');
    expect(h.outcomes(dan.employeeId).filter((o) => o.action === 'account.create')).toHaveLength(3);
  });

  it('lets a contractor’s access expire at the end of their last day, unless a change extends it', async () => {
    const now = await h.now();
    const tz = 'Europe/Berlin';
    const endDate = localDate(now + 5 * DAY, tz);
    const eve = person({ employmentType: 'contractor', endDate, timeZone: tz, department: 'Finance' });
    await h.send(lifecycleEvent('hire', eve, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(
      eve.employeeId,
      (s) => s.state === 'active' && s.runs.some((r) => r.status === 'completed'),
      'hired',
    );
    const extended = localDate(now + 12 * DAY, tz);
    await h.send(
      lifecycleEvent(
        'change',
        { ...eve, endDate: extended },
        { effectiveAt: iso(now + 1000), receivedAt: iso(now + 1000) },
      ),
    );
    await h.settle(
      eve.employeeId,
      (s) => s.runs.filter((r) => r.eventId.startsWith('contractor-end')).length === 2,
      'expiry moved',
    );

    const firstEnd = Date.parse(resolveEffectiveAt(endDate, tz)) + DAY;
    await h.env.sleep(firstEnd - (await h.now()) + 60_000);
    expect((await h.apps.accountsOf(eve.employeeId)).map((a) => [a.appId, a.active])).toEqual([
      ['slack', true],
      ['zoom', true],
    ]);

    const secondEnd = Date.parse(resolveEffectiveAt(extended, tz)) + DAY;
    await h.env.sleep(secondEnd - (await h.now()) - 60_000);
    expect((await h.apps.accountsOf(eve.employeeId)).map((a) => [a.appId, a.active])).toEqual([
      ['slack', true],
      ['zoom', true],
    ]);
    await h.env.sleep(120_000);
    const expired = await h.settle(eve.employeeId, (s) => s.state === 'terminated', 'contract expired');
    expect(expired.state).toBe('terminated');
    expect((await h.apps.accountsOf(eve.employeeId)).map((a) => [a.appId, a.active])).toEqual([
      ['slack', false],
      ['zoom', false],
    ]);
    const disable = h.outcomes(eve.employeeId).find((o) => o.action === 'account.disable');
    expect(disable?.rule).toBe('contractor-end-date');
  });
});
