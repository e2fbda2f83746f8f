import { plannedEntitlementChanges } from './entitlement-changes';

const engineering = [
  { appId: 'github', roles: [], groups: ['engineering'], rules: ['engineering'] },
  { appId: 'slack', roles: [], groups: ['all-staff'], rules: ['everyone'] },
];
const sales = [
  { appId: 'salesforce', roles: ['sales-user'], groups: [], rules: ['sales'] },
  { appId: 'slack', roles: [], groups: ['all-staff', 'sales'], rules: ['everyone', 'sales'] },
];

describe('plannedEntitlementChanges', () => {
  const capabilities = new Map([
    ['github', ['create', 'disable', 'groups']],
    ['slack', ['create', 'disable']],
    ['salesforce', ['create', 'disable', 'groups']],
  ]);
  const accounts = [
    { appId: 'github', status: 'active' as const, externalId: 'g1' },
    { appId: 'slack', status: 'active' as const, externalId: 's1' },
  ];

  it('lists who gains and who loses what, marking what a connector cannot do', () => {
    const changes = plannedEntitlementChanges({ before: engineering, after: sales, accounts, capabilities });
    expect(changes.map((c) => [c.appId, c.change, c.support, c.rule, c.groups])).toEqual([
      ['salesforce', 'create', 'supported', 'sales', []],
      ['slack', 'group.add', 'not_supported', 'everyone,sales', ['sales']],
      ['github', 'group.remove', 'supported', 'no longer: engineering', ['engineering']],
      ['github', 'disable', 'supported', 'no longer: engineering', undefined],
    ]);
  });

  it('keeps an app an approved request still covers, and re-enables a disabled account instead of creating one', () => {
    const disabled = [{ appId: 'salesforce', status: 'disabled' as const, externalId: 'sf1' }, ...accounts];
    const changes = plannedEntitlementChanges({
      before: engineering,
      after: sales,
      accounts: disabled,
      capabilities,
      keptApps: new Set(['github']),
    });
    expect(changes.map((c) => `${c.appId} ${c.change}`)).toEqual([
      'salesforce enable',
      'slack group.add',
      'github group.remove',
    ]);
  });
});
