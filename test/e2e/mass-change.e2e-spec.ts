import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS } from '@tenure/contracts';
import { employeeFixture, EmployeeFixture, readTopic, requiredEnv, testStack, waitFor } from '@tenure/testing';
import { devUser } from './dev-sign-in';
import { OwnOrchestrator } from './own-orchestrator';
import { StackClient } from './stack-client';

/**
 * The mass-change guard, end to end: a burst of terminations beyond the
 * org-wide limit holds the runs past it as one batch, which an operator
 * inspects and approves (or rejects) with one call. The shipped limit (50
 * people in 15 minutes) is far above what a test can burst, so this runs an
 * orchestrator of its own with the shipped policy rules and a limit of 3.
 */
const LIMIT = 3;
const shipped = readFileSync(join(requiredEnv('TENURE_CONFIG_DIR'), 'policy.yaml'), 'utf8');
const policy = shipped.replace(/maxPeople: 50\b/, `maxPeople: ${LIMIT}`);
const MARIA = devUser('maria').employeeId;
const orchestrator = new OwnOrchestrator('masschange');
const apps = new StackClient();
const people = [
  ...Array.from({ length: 4 }, () => employeeFixture({ department: 'IT' })),
  ...Array.from({ length: 4 }, () => employeeFixture({ department: 'Sales' })),
];
const APPS_OF = { IT: ['github', 'pagerduty', 'salesforce', 'slack', 'zoom'], Sales: ['salesforce', 'slack', 'zoom'] };

interface Person {
  state: string;
  accounts: { appId: string; status: string }[];
  waitingApproval: { runId: string; reason: string }[];
  runs: { runId: string; eventId: string; status: string; actorId?: string }[];
}
interface Batch {
  batchId: string;
  status: string;
  window: string;
  limits: { maxPeople: number; maxPeopleDeleted: number };
  counts: { people: number; accounts: number; runs: number; waiting: number; peopleDisabled: number };
  sources: string[];
  decidedBy: string | null;
  reason: string | null;
  runs: {
    runId: string;
    employeeId: string;
    eventType: string;
    source: string;
    phase: string;
    accounts: { appId: string; change: string }[];
    status: string;
    runStatus: string;
  }[];
}
interface Decision {
  batch: Batch;
  decided: string[];
  unchanged: { runId: string; reason: string }[];
  failed: { runId: string; reason: string }[];
}

const person = (employeeId: string) => orchestrator.ops<Person>(`/v1/employees/${employeeId}`);
const batches = async (status = '') =>
  (await orchestrator.ops<{ items: Batch[] }>(`/v1/mass-changes${status ? `?status=${status}` : ''}`)).body.items;
const expectedApps = (employee: EmployeeFixture) => APPS_OF[employee.department as 'IT' | 'Sales'];

async function personWhen(employeeId: string, accept: (p: Person) => boolean, description: string): Promise<Person> {
  const { body } = await waitFor(
    () => person(employeeId),
    (r) => r.status === 200 && accept(r.body),
    { description: `${employeeId}: ${description}`, timeoutMs: 45_000 },
  );
  return body;
}

const allAre = (p: Person, status: string) => p.accounts.length > 0 && p.accounts.every((a) => a.status === status);

/** Each app's own view of the person: `active` true or false per app. */
async function activeInApps(employee: EmployeeFixture): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    expectedApps(employee).map(async (appId) => {
      const [user] = await apps.appUsers(appId, `userName eq "${employee.email}"`);
      return [appId, user?.active] as const;
    }),
  );
  return Object.fromEntries(entries);
}

const everyApp = (employee: EmployeeFixture, active: boolean) =>
  Object.fromEntries(expectedApps(employee).map((appId) => [appId, active]));

/** Terminates people at once (as one CSV import would) and waits until each run is applied or held. */
async function terminateAtOnce(leavers: EmployeeFixture[]): Promise<{ applied: string[]; held: string[] }> {
  const events = await Promise.all(leavers.map((employee) => orchestrator.publish('terminate', employee, 'csv')));
  const outcome = { applied: [] as string[], held: [] as string[] };
  for (const [index, employee] of leavers.entries()) {
    const settled = await personWhen(
      employee.employeeId,
      (p) =>
        p.runs.some((r) => r.eventId === events[index] && r.status === 'waiting_approval') ||
        (p.state === 'terminated' && allAre(p, 'disabled')),
      'terminated or held',
    );
    (settled.state === 'terminated' ? outcome.applied : outcome.held).push(employee.employeeId);
  }
  return outcome;
}

beforeAll(async () => {
  expect(policy).not.toBe(shipped);
  await orchestrator.prepare();
  await orchestrator.start(policy);
  for (const employee of people) await orchestrator.publish('hire', employee);
  for (const employee of people) {
    await personWhen(
      employee.employeeId,
      (p) => p.accounts.length === expectedApps(employee).length && allAre(p, 'active'),
      'hired',
    );
  }
}, 180_000);

afterAll(() => orchestrator.dispose());

describe('mass-change guard', () => {
  let firstBatch: Batch;

  it('lets the first people of a burst go, holds the rest as one batch, and one approval removes their access', async () => {
    const burst = [...people.slice(0, 3), ...people.slice(4, 6)];
    const { applied, held } = await terminateAtOnce(burst);
    expect(applied).toHaveLength(LIMIT);
    expect(held).toHaveLength(burst.length - LIMIT);
    for (const employee of burst.filter((e) => applied.includes(e.employeeId))) {
      expect(await activeInApps(employee)).toEqual(everyApp(employee, false));
    }
    const waiting = await batches('waiting_approval');
    expect(waiting).toHaveLength(1);
    firstBatch = waiting[0];
    const heldPeople = burst.filter((e) => held.includes(e.employeeId));
    expect(firstBatch).toMatchObject({
      status: 'waiting_approval',
      window: '15m',
      limits: { maxPeople: LIMIT, maxPeopleDeleted: 25 },
      counts: {
        people: 2,
        runs: 2,
        waiting: 2,
        peopleDisabled: 2,
        accounts: heldPeople.reduce((sum, e) => sum + expectedApps(e).length, 0),
      },
      sources: ['csv'],
    });
    const reasons: string[] = [];
    for (const employee of heldPeople) {
      const { waitingApproval } = (await person(employee.employeeId)).body;
      reasons.push(waitingApproval[0].reason);
      // Nothing of a held run happens: every account stays active in the apps.
      expect(await activeInApps(employee)).toEqual(everyApp(employee, true));
    }

    // The first run past the limit opens the batch; the next joins it while it waits.
    expect(reasons.sort()).toEqual([
      `4 people would lose access within 15m (limit 3): held in mass change ${firstBatch.batchId}`,
      `mass change ${firstBatch.batchId} is waiting for approval`,
    ]);

    // Inspect: who, which accounts, which source.
    const detail = await orchestrator.ops<Batch>(`/v1/mass-changes/${firstBatch.batchId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.runs.map((r) => r.employeeId).sort()).toEqual([...held].sort());
    for (const run of detail.body.runs) {
      const employee = heldPeople.find((e) => e.employeeId === run.employeeId) as EmployeeFixture;
      expect(run).toMatchObject({ eventType: 'terminate', source: 'csv', phase: 'disable', status: 'held' });
      expect(run.runStatus).toBe('waiting_approval');
      expect(run.accounts.map((a) => `${a.appId} ${a.change}`).sort()).toEqual(
        expectedApps(employee).map((appId) => `${appId} disable`),
      );
    }

    const noActor = await orchestrator.ops(`/v1/mass-changes/${firstBatch.batchId}/approve`, {
      method: 'POST',
      actor: '',
    });
    // Deciding needs a signed-in approver: the service credential cannot.
    expect(noActor.status).toBe(403);
    const approved = await orchestrator.ops<Decision>(`/v1/mass-changes/${firstBatch.batchId}/approve`, {
      method: 'POST',
      actor: 'maria',
      body: JSON.stringify({ reason: 'confirmed with HR: planned restructuring' }),
    });
    expect(approved.status).toBe(200);
    expect(approved.body.decided.sort()).toEqual(detail.body.runs.map((r) => r.runId).sort());
    expect(approved.body).toMatchObject({ unchanged: [], failed: [] });
    expect(approved.body.batch).toMatchObject({
      status: 'approved',
      decidedBy: MARIA,
      reason: 'confirmed with HR: planned restructuring',
    });
    for (const employee of heldPeople) {
      const done = await personWhen(
        employee.employeeId,
        (p) => p.state === 'terminated' && allAre(p, 'disabled'),
        'terminated after approval',
      );
      expect(done.runs.find((r) => r.eventId.startsWith('evt-terminate'))?.actorId).toBe(MARIA);
      expect(await activeInApps(employee)).toEqual(everyApp(employee, false));
    }

    // The audit trail hears the hold with its batch, and who approved it.
    const decisions = (await readTopic(testStack().kafkaBrokers, `${orchestrator.topics}${TOPICS.planDecisions}`))
      .map((m) => m.value as { employeeId: string; decision: string; actorId?: string; reason?: string })
      .filter((d) => d.employeeId === heldPeople[0].employeeId);
    expect(decisions.find((d) => d.decision === 'waiting_approval')?.reason).toContain(firstBatch.batchId);
    expect(decisions.find((d) => d.decision === 'approved')?.actorId).toBe(MARIA);
  });

  it('repeats an approval harmlessly and refuses the opposite decision or an unknown batch', async () => {
    const again = await orchestrator.ops<Decision>(`/v1/mass-changes/${firstBatch.batchId}/approve`, {
      method: 'POST',
      actor: 'maria',
    });
    expect(again.status).toBe(200);
    expect(again.body.decided).toEqual([]);
    expect(again.body.unchanged).toHaveLength(2);
    expect(again.body.failed).toEqual([]);
    const reject = await orchestrator.ops(`/v1/mass-changes/${firstBatch.batchId}/reject`, {
      method: 'POST',
      actor: 'adele',
    });
    expect(reject.status).toBe(409);
    expect((await orchestrator.ops('/v1/mass-changes/mc-unknown', {})).status).toBe(404);
    expect((await orchestrator.ops('/v1/mass-changes?status=open', {})).status).toBe(400);
  });

  it('holds the next burst in the same window as a new batch; a rejection leaves those people’s access alone', async () => {
    const burst = [people[3], people[6], people[7]];
    const { applied, held } = await terminateAtOnce(burst);
    // The window still counts the people whose access was removed without an approval.
    expect(applied).toEqual([]);
    expect(held).toHaveLength(3);
    const [batch] = await batches('waiting_approval');
    expect(batch.batchId).not.toBe(firstBatch.batchId);
    expect(batch.counts).toMatchObject({ people: 3, waiting: 3 });

    // One run approved on its own (the run's own approval still works), the rest rejected with one call.
    const [one, ...others] = burst;
    const run = (await person(one.employeeId)).body.waitingApproval[0];
    const single = await orchestrator.ops<{ actorId: string }>(`/v1/runs/${encodeURIComponent(run.runId)}/approve`, {
      method: 'POST',
      actor: 'maria',
    });
    expect(single).toMatchObject({ status: 200, body: { actorId: MARIA } });
    const rejected = await orchestrator.ops<Decision>(`/v1/mass-changes/${batch.batchId}/reject`, {
      method: 'POST',
      actor: 'adele',
      body: JSON.stringify({ reason: 'HR export marked them inactive by mistake' }),
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.decided).toHaveLength(2);
    expect(rejected.body.batch).toMatchObject({ status: 'rejected', decidedBy: 'adele', counts: { waiting: 0 } });

    await personWhen(one.employeeId, (p) => p.state === 'terminated' && allAre(p, 'disabled'), 'terminated');
    expect(await activeInApps(one)).toEqual(everyApp(one, false));
    for (const employee of others) {
      const after = await personWhen(
        employee.employeeId,
        (p) => p.runs.some((r) => r.status === 'rejected'),
        'run rejected',
      );
      expect(after.state).toBe('active');
      expect(allAre(after, 'active')).toBe(true);
      expect(await activeInApps(employee)).toEqual(everyApp(employee, true));
    }
    const detail = (await orchestrator.ops<Batch>(`/v1/mass-changes/${batch.batchId}`)).body;
    // The approved run has disabled everything and now waits for its deletion after the retention period.
    expect(detail.runs.map((r) => [r.employeeId, r.status, r.runStatus]).sort()).toEqual(
      [[one.employeeId, 'approved', 'scheduled'], ...others.map((e) => [e.employeeId, 'rejected', 'rejected'])].sort(),
    );
  });
});
