import { diffEntitlements, mergeEntitlements } from './entitlement-diff';

const slack = { appId: 'slack', roles: [], groups: ['all-staff', 'engineering'], rules: ['everyone', 'engineering'] };
const github = { appId: 'github', roles: [], groups: ['engineering'], rules: ['engineering'] };
const salesforce = { appId: 'salesforce', roles: ['sales-user'], groups: [], rules: ['sales'] };

describe('diffEntitlements', () => {
  it('grants new apps, revokes apps no longer granted and adjusts groups of the rest', () => {
    const after = [{ ...slack, groups: ['all-staff', 'sales'], rules: ['everyone', 'sales'] }, salesforce];
    expect(diffEntitlements([slack, github], after)).toEqual([
      {
        appId: 'github',
        kind: 'revoke',
        addGroups: [],
        removeGroups: ['engineering'],
        addRoles: [],
        removeRoles: [],
        rules: ['engineering'],
      },
      {
        appId: 'salesforce',
        kind: 'grant',
        addGroups: [],
        removeGroups: [],
        addRoles: ['sales-user'],
        removeRoles: [],
        rules: ['sales'],
      },
      {
        appId: 'slack',
        kind: 'adjust',
        addGroups: ['sales'],
        removeGroups: ['engineering'],
        addRoles: [],
        removeRoles: [],
        rules: ['everyone', 'sales'],
      },
    ]);
  });

  it('leaves out apps whose access does not change', () => {
    expect(diffEntitlements([slack, github], [github, slack])).toEqual([]);
  });
});

describe('mergeEntitlements', () => {
  it('holds the union of both sets, per app', () => {
    const merged = mergeEntitlements(
      [slack],
      [{ ...slack, groups: ['all-staff', 'sales'], rules: ['sales'] }, salesforce],
    );
    expect(merged).toEqual([
      salesforce,
      {
        appId: 'slack',
        roles: [],
        groups: ['all-staff', 'engineering', 'sales'],
        rules: ['everyone', 'engineering', 'sales'],
      },
    ]);
  });
});
