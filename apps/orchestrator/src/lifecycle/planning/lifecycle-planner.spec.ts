import { plainToInstance } from 'class-transformer';
import type { AccountState, Employee, LifecycleEvent } from '@tenure/domain';
import { evaluatePolicy, LifecycleSettings, PolicyConfig } from '@tenure/policy';
import type { AccessRequestRecord } from '@tenure/temporal-contracts';
import { planLifecycle } from './lifecycle-planner';
import type { PlanningInput } from './planning-input';

const policy = plainToInstance(PolicyConfig, {
  rules: [
    { name: 'everyone', grant: [{ app: 'slack', groups: ['all-staff'] }, { app: 'zoom' }] },
    { name: 'engineering', when: { department: ['Engineering'] }, grant: [{ app: 'github', groups: ['engineering'] }] },
    { name: 'sales', when: { department: ['Sales'] }, grant: [{ app: 'salesforce', roles: ['sales-user'] }] },
  ],
});
const ALL = ['create', 'update', 'disable', 'delete', 'groups', 'revoke_sessions', 'transfer_ownership'];
const NOW = '2026-11-20T10:00:00.000Z';
const ada: Employee = {
  employeeId: 'E1',
  email: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  department: 'Engineering',
  title: 'Engineer',
  timeZone: 'Europe/London',
  managerId: 'M1',
  employmentType: 'employee',
};
const active: AccountState[] = [
  { appId: 'github', status: 'active', externalId: 'g1' },
  { appId: 'slack', status: 'active', externalId: 's1' },
  { appId: 'zoom', status: 'active', externalId: 'z1' },
];

function input(event: Partial<LifecycleEvent>, overrides: Partial<PlanningInput> = {}): PlanningInput {
  const settings = Object.assign(new LifecycleSettings(), overrides.settings ?? {});
  return {
    subject: {
      kind: 'event',
      event: {
        eventId: 'evt-1',
        source: 'generic',
        type: 'hire',
        effectiveAt: NOW,
        receivedAt: NOW,
        employee: ada,
        ...event,
      },
    },
    now: NOW,
    person: { state: 'active', attributes: ada },
    accounts: active,
    managerAccounts: [{ appId: 'slack', status: 'active', externalId: 's-m1' }],
    entitlements: evaluatePolicy(policy, ada),
    accessGrants: [],
    capabilities: new Map([
      ['slack', ALL],
      ['github', ALL],
      ['salesforce', ALL.filter((c) => c !== 'delete')],
      ['zoom', ALL.filter((c) => c !== 'transfer_ownership')],
    ]),
    policy: (employee) => evaluatePolicy(policy, employee),
    ...overrides,
    settings,
  };
}

const flat = (plan: ReturnType<typeof planLifecycle>) =>
  plan.phases.flatMap((phase) =>
    phase.changes.map((c) => `${phase.name}@${phase.at} ${c.appId} ${c.change} ${c.support}`),
  );

describe('planLifecycle', () => {
  it('prepares a future joiner the lead time ahead and starts them at local midnight', () => {
    const plan = planLifecycle(
      input(
        { effectiveAt: '2026-12-01' },
        { person: undefined, accounts: [], entitlements: [], settings: { prepareLeadTime: '2d' } as LifecycleSettings },
      ),
    );
    expect(plan.effectiveAt).toBe('2026-12-01T00:00:00.000Z');
    expect(
      plan.phases.map((p) => [
        p.name,
        p.at,
        p.changes.map((c) => `${c.appId}:${c.change}${c.pending ? ':pending' : ''}`),
      ]),
    ).toEqual([
      ['prepare', '2026-11-29T00:00:00.000Z', ['github:create:pending', 'slack:create:pending', 'zoom:create:pending']],
      ['start', '2026-12-01T00:00:00.000Z', ['github:create', 'slack:create', 'zoom:create']],
    ]);
  });

  it('enables prepared accounts at the start instead of creating them again', () => {
    const prepared = active.map((a) => ({ ...a, status: 'pending' as const }));
    const plan = planLifecycle(input({}, { person: { state: 'pending_start', attributes: ada }, accounts: prepared }));
    expect(flat(plan)).toEqual([
      `start@${NOW} github enable supported`,
      `start@${NOW} slack enable supported`,
      `start@${NOW} zoom enable supported`,
    ]);
  });

  it('plans a mover: new app granted at once, old one revoked after the overlap, profile pushed to the apps kept', () => {
    const moved = { ...ada, department: 'Sales', title: 'Account Executive' };
    const plan = planLifecycle(
      input({ type: 'change', employee: moved }, { settings: { moverOverlap: '1d' } as LifecycleSettings }),
    );
    expect(flat(plan)).toEqual([
      `apply@${NOW} salesforce create supported`,
      `apply@${NOW} slack update supported`,
      `apply@${NOW} zoom update supported`,
      `revoke@2026-11-21T10:00:00.000Z github group.remove supported`,
      `revoke@2026-11-21T10:00:00.000Z github disable supported`,
    ]);
    expect(plan.phases[0].commit?.entitlements?.map((e) => e.appId)).toEqual(['github', 'salesforce', 'slack', 'zoom']);
    expect(plan.phases[1].commit?.entitlements?.map((e) => e.appId)).toEqual(['salesforce', 'slack', 'zoom']);
  });

  it('keeps an app a still-approved access request covers when a move would revoke it', () => {
    const moved = { ...ada, department: 'Sales' };
    const grant = { appId: 'github', status: 'approved' } as AccessRequestRecord;
    const plan = planLifecycle(input({ type: 'change', employee: moved }, { accessGrants: [grant] }));
    expect(flat(plan).filter((line) => line.includes('github'))).toEqual([
      `apply@${NOW} github update supported`,
      `apply@${NOW} github group.remove supported`,
    ]);
  });

  it('terminates in the person’s zone: disable, then sessions and data where the manager has an account, delete after retention', () => {
    const plan = planLifecycle(
      input({
        type: 'terminate',
        effectiveAt: '2026-11-25T17:30:00',
        employee: { ...ada, timeZone: 'America/Chicago' },
      }),
    );
    expect(plan.effectiveAt).toBe('2026-11-25T23:30:00.000Z');
    expect(flat(plan)).toEqual([
      'disable@2026-11-25T23:30:00.000Z github disable supported',
      'disable@2026-11-25T23:30:00.000Z slack disable supported',
      'disable@2026-11-25T23:30:00.000Z zoom disable supported',
      'cleanup@2026-11-25T23:30:00.000Z github revoke_sessions supported',
      'cleanup@2026-11-25T23:30:00.000Z slack revoke_sessions supported',
      'cleanup@2026-11-25T23:30:00.000Z slack transfer_ownership supported',
      'cleanup@2026-11-25T23:30:00.000Z zoom revoke_sessions supported',
      'delete@2026-12-25T23:30:00.000Z github delete supported',
      'delete@2026-12-25T23:30:00.000Z slack delete supported',
      'delete@2026-12-25T23:30:00.000Z zoom delete supported',
    ]);
    expect(plan.blastRadius).toEqual({ accounts: 3 });
  });

  it('shows a change the app’s connector cannot make as not supported, and never counts it', () => {
    const plan = planLifecycle(
      input(
        { type: 'terminate', immediate: true, effectiveAt: '2027-01-01T00:00:00Z' },
        {
          accounts: [{ appId: 'salesforce', status: 'active', externalId: 'sf1' }],
          managerAccounts: [{ appId: 'zoom', status: 'active', externalId: 'z-m1' }],
        },
      ),
    );
    expect(plan.effectiveAt).toBe(NOW);
    expect(flat(plan)).toContain('delete@2026-12-20T10:00:00.000Z salesforce delete not_supported');
    expect(plan.blastRadius.accounts).toBe(1);
  });

  it('suspends active accounts for a leave and restores suspended ones after it', () => {
    expect(flat(planLifecycle(input({ type: 'leave_start' })))).toEqual([
      `suspend@${NOW} github suspend supported`,
      `suspend@${NOW} slack suspend supported`,
      `suspend@${NOW} zoom suspend supported`,
    ]);
    const suspended = active.map((a) => ({ ...a, status: 'suspended' as const }));
    const back = planLifecycle(
      input({ type: 'leave_end' }, { person: { state: 'on_leave', attributes: ada }, accounts: suspended }),
    );
    expect(flat(back)).toEqual([
      `restore@${NOW} github enable supported`,
      `restore@${NOW} slack enable supported`,
      `restore@${NOW} zoom enable supported`,
    ]);
  });

  it('never brings a leaver’s access back on a change, and says why', () => {
    const plan = planLifecycle(
      input(
        { type: 'change', employee: { ...ada, department: 'Sales' } },
        { person: { state: 'terminated', attributes: ada } },
      ),
    );
    expect(flat(plan)).toEqual([]);
    expect(plan.note).toBe('the person is terminated: access is not changed');
  });

  it('grants an approved access request now and removes it at its end date', () => {
    const request: AccessRequestRecord = {
      requestId: 'r1',
      employeeId: 'E1',
      appId: 'salesforce',
      roles: [],
      groups: ['reports'],
      reason: 'quarter close',
      endDate: '2026-11-30',
      status: 'approved',
      requestedBy: 'E1',
      decidedBy: 'M1',
      decidedAt: NOW,
      createdAt: NOW,
    };
    const plan = planLifecycle(input({}, { subject: { kind: 'access', request } }));
    expect(plan.phases.map((p) => [p.name, p.at, p.changes.map((c) => `${c.appId}:${c.change}:${c.rule}`)])).toEqual([
      ['grant', NOW, ['salesforce:create:access-request:r1']],
      ['expire', '2026-11-30T00:00:00.000Z', ['salesforce:disable:access-request:r1']],
    ]);
  });
});
