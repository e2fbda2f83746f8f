import type { Entitlement } from '@tenure/policy';
import { diffAccess } from './access-diff';

const slack: Entitlement = { appId: 'slack', roles: [], groups: ['all-staff'], rules: ['everyone'] };
const github: Entitlement = { appId: 'github', roles: [], groups: ['engineering'], rules: ['engineering'] };

describe('diffAccess', () => {
  it('finds nothing when the entitlements are the same', () => {
    expect(diffAccess([slack, github], [slack, github])).toEqual({ gains: [], losses: [] });
  });

  it('reports a whole app gained with the rule that grants it', () => {
    expect(diffAccess([slack], [slack, github])).toEqual({
      gains: [{ appId: 'github', account: true, roles: [], groups: ['engineering'], rules: ['engineering'] }],
      losses: [],
    });
  });

  it('reports a whole app lost with the rule that used to grant it', () => {
    expect(diffAccess([slack, github], [slack]).losses).toEqual([
      { appId: 'github', account: true, roles: [], groups: ['engineering'], rules: ['engineering'] },
    ]);
  });

  it('reports only the groups and roles that change within an app kept', () => {
    const after: Entitlement = { appId: 'github', roles: ['admin'], groups: ['oncall'], rules: ['engineering'] };
    expect(diffAccess([github], [after])).toEqual({
      gains: [{ appId: 'github', account: false, roles: ['admin'], groups: ['oncall'], rules: ['engineering'] }],
      losses: [{ appId: 'github', account: false, roles: [], groups: ['engineering'], rules: ['engineering'] }],
    });
  });
});
