import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { employeeFixture, requiredEnv, uniqueId, waitFor } from '@tenure/testing';
import { StackClient } from './stack-client';

interface AccessChange {
  appId: string;
  account: boolean;
  roles: string[];
  groups: string[];
  rules: string[];
}
interface PreviewBody {
  evaluated: number;
  affected: number;
  totals: Record<string, number>;
  people: { employeeId: string; gains: AccessChange[]; losses: AccessChange[] }[];
  truncated: boolean;
  rollout?: { peopleLosingAccess: number; maxPeople: number; decision: string };
  errors?: { field: string; message: string }[];
}

/** "If policy.yaml changed to this, who gains and who loses what", asked of the running orchestrator. */
describe('policy preview', () => {
  const stack = new StackClient();
  const engineer = employeeFixture({ department: 'Engineering' });
  const seller = employeeFixture({ department: 'Sales' });
  const currentPolicy = readFileSync(join(requiredEnv('TENURE_CONFIG_DIR'), 'policy.yaml'), 'utf8');

  async function preview(body: unknown, token = requiredEnv('TENURE_OPS_TOKEN')) {
    const response = await fetch(`${stack.opsUrl}/v1/policy/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as PreviewBody };
  }

  beforeAll(async () => {
    for (const employee of [engineer, seller]) {
      await stack.sendEvent({ eventId: uniqueId('evt-hire'), type: 'hire', employee });
    }
    for (const employee of [engineer, seller]) {
      await waitFor(
        () => stack.employee(employee.employeeId),
        (r) => r.status === 200 && r.body.accounts.length === 3 && r.body.accounts.every((a) => a.status === 'active'),
        { description: `the three accounts of ${employee.employeeId} to be active` },
      );
    }
  });

  it('shows no change for the policy in force', async () => {
    const { status, body } = await preview({
      policy: currentPolicy,
      employeeIds: [engineer.employeeId, seller.employeeId],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ evaluated: 2, affected: 0, people: [], truncated: false });
  });

  it('names who gains and who loses what, per app, with the rules behind it', async () => {
    const candidate = `
rules:
  - name: everyone
    grant:
      - app: slack
        groups: [all-staff]
      - app: zoom
  - name: engineering
    when: { department: [Engineering] }
    grant:
      - app: github
        groups: [engineering, oncall]
      - app: salesforce
        groups: [read-only]
`;
    const { status, body } = await preview({
      policy: candidate,
      employeeIds: [engineer.employeeId, seller.employeeId],
    });
    expect(status).toBe(200);
    expect(body.evaluated).toBe(2);
    expect(body.affected).toBe(2);
    const byId = Object.fromEntries(body.people.map((p) => [p.employeeId, p]));
    expect(byId[engineer.employeeId]).toEqual({
      employeeId: engineer.employeeId,
      gains: [
        { appId: 'github', account: false, roles: [], groups: ['oncall'], rules: ['engineering'] },
        { appId: 'salesforce', account: true, roles: [], groups: ['read-only'], rules: ['engineering'] },
      ],
      losses: [],
    });
    expect(byId[seller.employeeId]).toEqual({
      employeeId: seller.employeeId,
      gains: [],
      losses: [{ appId: 'salesforce', account: true, roles: [], groups: ['sales'], rules: ['sales'] }],
    });
    expect(body.totals).toEqual({
      accountsGained: 1,
      accountsLost: 1,
      groupsGained: 2,
      groupsLost: 1,
      rolesGained: 0,
      rolesLost: 0,
    });
  });

  it('changes nothing: the people keep exactly their accounts', async () => {
    const { body } = await stack.employee(seller.employeeId);
    expect(body.accounts.map((a) => [a.appId, a.status]).sort()).toEqual([
      ['salesforce', 'active'],
      ['slack', 'active'],
      ['zoom', 'active'],
    ]);
  });

  it('says whether rolling the candidate out would wait for approval, by the mass-change limit', async () => {
    const unchanged = await preview({ policy: currentPolicy });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.rollout).toMatchObject({ peopleLosingAccess: 0, decision: 'applying' });
    // Everyone loses slack and zoom; at most one person may lose access without an operator.
    const narrowed = currentPolicy
      .replace(/maxPeople: \d+/, 'maxPeople: 1')
      .replace(
        / {2}- name: everyone\n {4}grant:\n {6}- app: slack\n {8}groups: \[all-staff\]\n {6}- app: zoom\n/,
        '',
      );
    expect(narrowed).not.toContain('name: everyone');
    const { status, body } = await preview({ policy: narrowed });
    expect(status).toBe(200);
    expect(body.rollout).toMatchObject({ maxPeople: 1, decision: 'waiting_approval' });
    expect(body.rollout?.peopleLosingAccess).toBeGreaterThanOrEqual(2);
    // A preview of some people cannot speak for the whole rollout.
    expect((await preview({ policy: narrowed, employeeIds: [engineer.employeeId] })).body.rollout).toBeUndefined();
  });

  it('refuses a policy granting an app Tenure does not connect, naming the rule', async () => {
    const { status, body } = await preview({
      policy: 'rules:\n  - name: shadow\n    grant:\n      - app: dropbox\n',
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { field: 'policy.rules[0].grant[0].app', message: expect.stringContaining('unknown app "dropbox"') },
    ]);
  });

  it('refuses a policy granting roles, which no connected app takes, naming the rule and the app', async () => {
    const { status, body } = await preview({
      policy: 'rules:\n  - name: sellers\n    grant:\n      - app: salesforce\n        roles: [sales-user]\n',
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        field: 'policy.rules[0].grant[0].roles',
        message: expect.stringContaining('rule "sellers": app "salesforce" does not support roles'),
      },
    ]);
  });

  it('refuses YAML that does not parse, and a policy with a misspelt key', async () => {
    expect((await preview({ policy: 'rules: [' })).status).toBe(400);
    const misspelt = await preview({ policy: 'rules:\n  - name: x\n    grnt: []\n' });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors?.map((e) => e.field)).toContain('policy.rules[0]');
  });

  it('never echoes a server secret through ${VAR} in a submitted policy', async () => {
    const { status, body } = await preview({
      policy: 'rules:\n  - name: leak\n    grant:\n      - app: slack\n        groups: ["${TENURE_OPS_TOKEN}"]\n',
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).not.toContain(requiredEnv('TENURE_OPS_TOKEN'));
  });

  it('refuses a caller without the ops token', async () => {
    expect((await preview({ policy: currentPolicy }, 'not-the-ops-token')).status).toBe(401);
  });
});
