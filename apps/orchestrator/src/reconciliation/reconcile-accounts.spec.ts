import type { AccountSnapshot } from '@tenure/contracts';
import { AppIdentity, reconcileAccounts } from './reconcile-accounts';

const account = (overrides: Partial<AccountSnapshot> & { externalId: string }): AccountSnapshot => ({
  userName: `${overrides.externalId}@example.com`,
  active: true,
  groups: [],
  ...overrides,
});

const identity: AppIdentity = {
  accountsByExternalId: new Map([
    ['u-ada', { employeeId: 'E1', status: 'active' }],
    ['u-bob', { employeeId: 'E2', status: 'disabled' }],
    ['u-cy', { employeeId: 'E3', status: 'active' }],
    ['u-new', { employeeId: 'E5', status: 'active' }],
  ]),
  people: new Map([
    ['E1', { state: 'active', attributes: { email: 'ada@example.com', department: 'Engineering', title: 'Engineer' } }],
    ['E2', { state: 'terminated', attributes: { email: 'bob@example.com' } }],
    ['E3', { state: 'active', attributes: { email: 'cy@example.com', department: 'Sales' } }],
    ['E4', { state: 'terminated', attributes: {} }],
    ['E5', { state: 'new', attributes: {} }],
  ]),
  groupsByEmployee: new Map([
    ['E1', ['all-staff']],
    ['E3', ['all-staff', 'sales']],
  ]),
};

describe('reconcileAccounts', () => {
  const findings = reconcileAccounts(
    [
      // managed, as policy says (case of names and emails does not matter)
      account({
        externalId: 'u-ada',
        email: 'Ada@Example.com',
        department: 'engineering',
        title: 'Engineer',
        groups: ['All-Staff'],
      }),
      // a leaver's account someone switched back on
      account({ externalId: 'u-bob', employeeId: 'E2', email: 'bob@example.com' }),
      // drifted: department changed by hand, a policy group lost, a group added
      account({
        externalId: 'u-cy',
        email: 'cy@example.com',
        department: 'Marketing',
        groups: ['all-staff', 'admins'],
      }),
      // a shadow sign-up nobody knows
      account({ externalId: 'u-shadow' }),
      // a shadow account carrying a leaver's employee id: unmanaged and orphaned
      account({ externalId: 'u-ghost', employeeId: 'E4' }),
      // a disabled shadow account is unmanaged, but no orphan
      account({ externalId: 'u-old', employeeId: 'E4', active: false }),
      // someone not yet started may have accounts prepared
      account({ externalId: 'u-new', employeeId: 'E5' }),
    ],
    identity,
  );

  it('counts every account once per finding', () => {
    expect(findings.counts).toEqual({ orphaned: 2, unmanaged: 3, drifted: 1, matched: 1 });
  });

  it('finds orphans: active accounts of people who are not active', () => {
    expect(findings.orphaned).toEqual([
      { externalId: 'u-bob', userName: 'u-bob@example.com', employeeId: 'E2', personState: 'terminated' },
      { externalId: 'u-ghost', userName: 'u-ghost@example.com', employeeId: 'E4', personState: 'terminated' },
    ]);
    expect(findings.orphans.map((orphan) => orphan.externalId)).toEqual(['u-bob', 'u-ghost']);
  });

  it('finds unmanaged accounts: none of Tenure’s account rows points at them', () => {
    expect(findings.unmanaged.map((item) => item.externalId)).toEqual(['u-shadow', 'u-ghost', 'u-old']);
  });

  it('finds drift in attributes and groups', () => {
    expect(findings.drifted).toEqual([
      {
        externalId: 'u-cy',
        employeeId: 'E3',
        attributes: [{ field: 'department', expected: 'Sales', actual: 'Marketing' }],
        missingGroups: ['sales'],
        extraGroups: ['admins'],
      },
    ]);
  });

  it('reports an account disabled in the app although Tenure keeps it active', () => {
    const { drifted } = reconcileAccounts(
      [
        account({
          externalId: 'u-ada',
          email: 'ada@example.com',
          department: 'Engineering',
          title: 'Engineer',
          groups: ['all-staff'],
          active: false,
        }),
      ],
      identity,
    );
    expect(drifted[0].attributes).toEqual([{ field: 'active', expected: 'true', actual: 'false' }]);
  });
});
