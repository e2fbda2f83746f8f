import type { PersonPrincipal } from '@tenure/auth';
import { MassChangeSettings } from '@tenure/policy';
import { uniqueId } from '@tenure/testing';
import { DAY, LifecycleHarness, lifecycleEvent } from './lifecycle-harness';
import { iso, person } from './lifecycle-fixtures';

/** An approver signed in without an employee id: recorded by the provider's subject. */
const approver = (subject: string): PersonPrincipal => ({
  kind: 'person',
  subject,
  roles: ['approver'],
  actorId: subject,
});

/**
 * The mass-change guard inside the workflow, on the time-skipping server:
 * terminations past the limit wait as one batch, and deletions, after the
 * retention period, are counted again against their own tighter limit. The
 * ledger lives in a schema of the test's own.
 */
describe('employee lifecycle workflow: mass changes', () => {
  let h: LifecycleHarness;
  const schema = `mass_wf_${uniqueId('s')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`.slice(0, 60);

  beforeAll(async () => {
    h = await LifecycleHarness.start(
      {
        retentionBeforeDelete: '30d',
        massChange: Object.assign(new MassChangeSettings(), { window: '15m', maxPeople: 2, maxPeopleDeleted: 1 }),
      },
      'saas-sim',
      { schema },
    );
  });
  afterAll(() => h?.stop());

  async function hired() {
    const now = await h.now();
    const employee = person({ department: 'Sales' });
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(employee.employeeId, (s) => s.state === 'active' && s.runs[0]?.status === 'completed', 'hired');
    return employee;
  }

  it('holds the terminations past the limit, then the deletions past theirs, each as one batch decided at once', async () => {
    const leavers = [await hired(), await hired(), await hired()];
    const now = await h.now();
    await Promise.all(
      leavers.map((employee) =>
        h.send(lifecycleEvent('terminate', employee, { effectiveAt: iso(now), receivedAt: iso(now) })),
      ),
    );
    const settled = await Promise.all(
      leavers.map((employee) =>
        h.settle(
          employee.employeeId,
          (s) => s.state === 'terminated' || s.runs.some((r) => r.status === 'waiting_approval'),
          'terminated or held',
        ),
      ),
    );
    const held = settled.filter((s) => s.state !== 'terminated');
    expect(held).toHaveLength(1);
    const [waitingRun] = held[0].runs.filter((r) => r.status === 'waiting_approval');
    expect(waitingRun.massChange).toMatchObject({ phase: 'disable' });
    expect((await h.apps.accountsOf(held[0].employeeId)).map((a) => a.active)).toEqual([true, true, true]);

    const disables = await h.massChanges.decide(
      waitingRun.massChange?.batchId ?? '',
      'approved',
      approver('ops.alice'),
      'layoff',
    );
    expect(disables).toMatchObject({ decided: [waitingRun.runId], failed: [] });
    await h.settle(held[0].employeeId, (s) => s.state === 'terminated', 'terminated after approval');
    expect((await h.apps.accountsOf(held[0].employeeId)).map((a) => a.active)).toEqual([false, false, false]);

    // Thirty days later all three deletions fall due together: one fits the deletion limit.
    await h.env.sleep(31 * DAY);
    const afterRetention = await Promise.all(
      leavers.map((employee) =>
        h.settle(
          employee.employeeId,
          (s) =>
            s.runs.some(
              (r) => r.eventType === 'terminate' && (r.status === 'completed' || r.status === 'waiting_approval'),
            ),
          'deleted or held',
        ),
      ),
    );
    const heldDeletes = afterRetention.flatMap((s) => s.runs.filter((r) => r.status === 'waiting_approval'));
    expect(heldDeletes).toHaveLength(2);
    expect(heldDeletes.every((r) => r.massChange?.phase === 'delete')).toBe(true);
    expect(new Set(heldDeletes.map((r) => r.massChange?.batchId)).size).toBe(1);
    const batchId = heldDeletes[0].massChange?.batchId ?? '';
    expect(heldDeletes.map((r) => r.reason).sort()).toEqual([
      `2 people's accounts would be deleted within 15m (limit 1): held in mass change ${batchId}`,
      `mass change ${batchId} is waiting for approval`,
    ]);
    for (const run of heldDeletes) expect(await h.apps.accountsOf(run.employeeId)).toHaveLength(3);

    const deletes = await h.massChanges.decide(batchId, 'rejected', approver('ops.bob'), 'keep');
    expect(deletes.decided.sort()).toEqual(heldDeletes.map((r) => r.runId).sort());
    for (const run of heldDeletes) {
      await h.settle(
        run.employeeId,
        (s) => s.runs.some((r) => r.runId === run.runId && r.status === 'rejected'),
        'kept',
      );
      // Rejected: the accounts stay, disabled.
      expect((await h.apps.accountsOf(run.employeeId)).map((a) => a.active)).toEqual([false, false, false]);
    }
    expect(h.decisions(heldDeletes[0].employeeId).filter((d) => d.decision === 'rejected')).toHaveLength(1);
  });
});
