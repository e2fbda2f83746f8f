import { employeeFixture, waitFor } from '@tenure/testing';
import { OwnOrchestrator } from './own-orchestrator';
import { StackClient } from './stack-client';

/**
 * A changed policy.yaml reaches everyone it affects when the orchestrator
 * starts with it, not only people whose next HR event comes along; a change
 * that would take access from more people than the mass-change limit waits
 * for an operator. The test runs an orchestrator of its own so it can restart
 * it with another policy.
 */
const orchestrator = new OwnOrchestrator('rollout');
const sim = new StackClient();
const engineers = [employeeFixture({ department: 'Engineering' }), employeeFixture({ department: 'Engineering' })];

const POLICY_V1 = `
rules:
  - name: everyone
    grant:
      - { app: slack, groups: [all-staff] }
      - { app: zoom }
  - name: engineering
    when: { department: [Engineering] }
    grant:
      - { app: github, groups: [engineering] }
`;
const POLICY_V2_ONCALL = POLICY_V1.replace('groups: [engineering]', 'groups: [engineering, oncall]');
const POLICY_V3_NO_ZOOM = `${POLICY_V2_ONCALL.replace('      - { app: zoom }\n', '')}
lifecycle:
  massChange: { maxPeople: 1 }
`;

const ops = <T>(path: string, init: RequestInit = {}) => orchestrator.ops<T>(path, init);
const startOrchestrator = (policy: string) => orchestrator.start(policy);
const stopOrchestrator = () => orchestrator.stop();

interface Person {
  accounts: { appId: string; status: string }[];
  entitlements: { appId: string; groups: string[] }[];
}
interface Rollout {
  rolloutId: string;
  status: string;
  people: number;
  peopleLosingAccess: number;
  accountsDisabled: number;
  maxPeople: number;
  decidedBy: string | null;
}

const person = (employeeId: string) => ops<Person>(`/v1/employees/${employeeId}`);
const statusIn = (p: Person, appId: string) => p.accounts.find((a) => a.appId === appId)?.status;
const rollouts = async () => (await ops<{ items: Rollout[] }>('/v1/policy/rollouts')).body.items;

beforeAll(async () => {
  await orchestrator.prepare();
  await startOrchestrator(POLICY_V1);
  for (const employee of engineers) await orchestrator.publish('hire', employee);
  for (const employee of engineers) {
    await waitFor(
      () => person(employee.employeeId),
      (r) => r.status === 200 && ['github', 'slack', 'zoom'].every((app) => statusIn(r.body, app) === 'active'),
      { description: `the accounts of ${employee.employeeId}` },
    );
  }
}, 120_000);

afterAll(() => orchestrator.dispose());

describe('policy rollouts', () => {
  it('records the first policy as applied, changing no one', async () => {
    const [first] = await rollouts();
    expect(first).toMatchObject({ status: 'applied', people: 0, peopleLosingAccess: 0, accountsDisabled: 0 });
  });

  it('grants a new group to everyone the changed policy covers, at the next start', async () => {
    await stopOrchestrator();
    await startOrchestrator(POLICY_V2_ONCALL);
    for (const employee of engineers) {
      const { body } = await waitFor(
        () => person(employee.employeeId),
        (r) => r.body.entitlements?.find((e) => e.appId === 'github')?.groups.includes('oncall') === true,
        { description: `${employee.employeeId} to hold the oncall group` },
      );
      expect(statusIn(body, 'github')).toBe('active');
    }
    const [latest] = await rollouts();
    expect(latest).toMatchObject({ status: 'applied', people: 2, peopleLosingAccess: 0, accountsDisabled: 0 });
  });

  it('holds a change that would take access from more people than the mass-change limit until an operator approves it', async () => {
    await stopOrchestrator();
    await startOrchestrator(POLICY_V3_NO_ZOOM);
    const held = await waitFor(rollouts, (items) => items[0]?.status === 'waiting_approval', {
      description: 'the rollout to wait for approval',
    });
    expect(held[0]).toMatchObject({ people: 2, peopleLosingAccess: 2, accountsDisabled: 2, maxPeople: 1 });
    for (const employee of engineers) {
      expect(statusIn((await person(employee.employeeId)).body, 'zoom')).toBe('active');
    }

    const approved = await ops<Rollout>(`/v1/policy/rollouts/${held[0].rolloutId}/approve`, { method: 'POST' });
    expect(approved).toMatchObject({ status: 200, body: { status: 'applied', decidedBy: 'it-admin' } });
    for (const employee of engineers) {
      await waitFor(
        () => person(employee.employeeId),
        (r) => statusIn(r.body, 'zoom') === 'disabled',
        { description: `${employee.employeeId}'s zoom account to be disabled` },
      );
      const [zoomUser] = await sim.appUsers('zoom', `userName eq "${employee.email}"`);
      expect(zoomUser.active).toBe(false);
    }
  });

  it('refuses to approve a rollout twice, or one that does not exist', async () => {
    const [latest] = await rollouts();
    const again = await ops(`/v1/policy/rollouts/${latest.rolloutId}/approve`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await ops('/v1/policy/rollouts/nope/approve', { method: 'POST' })).status).toBe(404);
  });
});
