import type { AppCatalogue } from '@tenure/config';
import type { SodRule } from '@tenure/policy';
import type { EntitlementEntity } from '../identity/entitlement.entity';
import type { PersonEntity } from '../identity/person.entity';
import type { PersonAccess } from '../sod/held-access.reader';
import type { CampaignDefinition } from './campaign-definition';
import { buildReviewItems, ItemSources } from './review-items.builder';

const now = new Date('2027-01-04T09:00:00Z');

const personOf = (employeeId: string, department: string, managerId?: string) =>
  ({ employeeId, state: 'active', attributes: { employeeId, department, managerId } }) as unknown as PersonEntity;

const entitlement = (employeeId: string, appId: string, groups: string[], rules: string[]) =>
  ({ employeeId, appId, groups, roles: [], rules, updatedAt: now }) as EntitlementEntity;

const people = [personOf('E1', 'IT', 'M1'), personOf('E2', 'Sales', 'M2'), personOf('M1', 'IT', 'D1')];
const access = new Map<string, PersonAccess>([
  [
    'E1',
    {
      employeeId: 'E1',
      entitlements: [
        entitlement('E1', 'slack', ['all-staff'], ['everyone']),
        entitlement('E1', 'salesforce', ['admins'], ['it']),
      ],
      granted: [
        {
          requestId: 'r1',
          employeeId: 'E1',
          appId: 'salesforce',
          roles: [],
          groups: ['reports'],
          reason: 'close',
          status: 'approved',
          requestedBy: 'E1',
          decidedBy: 'M1',
          decidedAt: '2026-12-01T10:00:00.000Z',
          createdAt: '2026-12-01T09:00:00.000Z',
        },
      ],
    },
  ],
  ['E2', { employeeId: 'E2', entitlements: [entitlement('E2', 'slack', ['all-staff'], ['everyone'])], granted: [] }],
  ['M1', { employeeId: 'M1', entitlements: [], granted: [] }],
]);
const rules = [
  { name: 'admin-reports', severity: 'high', entitlements: ['salesforce:admins', 'salesforce:reports'] },
] as SodRule[];
const catalogue: Record<string, AppCatalogue> = {
  salesforce: { groups: [{ name: 'reports', owner: 'E1' }], roles: [] },
};

function items(definition: Partial<CampaignDefinition>, extra: Partial<ItemSources> = {}) {
  return buildReviewItems({
    campaignId: 'rc-1',
    definition: {
      name: 'review',
      scope: {},
      reviewers: { kind: 'manager' },
      duration: '14d',
      reminders: [],
      undecided: 'keep',
      escalationPeriod: '7d',
      ...definition,
    } as CampaignDefinition,
    people,
    access,
    catalogueOf: (appId) => catalogue[appId],
    sodRules: rules,
    now,
    ...extra,
  });
}

describe('review items', () => {
  it('are each birthright entitlement and approved request of the people in scope, with context and conflicts', () => {
    const found = items({ scope: { departments: ['it'] } });
    expect(found.map((i) => [i.employeeId, i.appId, i.source, i.birthright, i.reviewerIds])).toEqual([
      ['E1', 'slack', 'birthright', true, ['M1']],
      ['E1', 'salesforce', 'birthright', true, ['M1']],
      ['E1', 'salesforce', 'access_request', false, ['M1']],
    ]);
    const request = found[2];
    expect(request.access).toMatchObject({
      rules: ['access-request:r1'],
      grantedBy: 'M1',
      requestId: 'r1',
      lastActivityAt: null,
    });
    expect(found[1].sod.map((v) => v.rule)).toEqual(['admin-reports']);
    expect(found[0].sod).toEqual([]);
    // The same campaign and access always give the same id.
    expect(items({ scope: { departments: ['IT'] } }).map((i) => i.itemId)).toEqual(found.map((i) => i.itemId));
  });

  it('leaves birthright out when asked, and narrows to apps and entitlements', () => {
    expect(items({ scope: { beyondBirthright: true } }).map((i) => i.source)).toEqual(['access_request']);
    expect(
      items({ scope: { entitlements: ['salesforce:admins'] } }).map((i) => [i.employeeId, i.access.groups]),
    ).toEqual([['E1', ['admins']]]);
    expect(items({ scope: { apps: ['slack'] } }).map((i) => i.employeeId)).toEqual(['E1', 'E2']);
  });

  it('never gives a person their own access to review: an owner reviewing themselves hands it to their manager', () => {
    const found = items({ scope: { beyondBirthright: true }, reviewers: { kind: 'app_owner' } });
    expect(found.map((i) => i.reviewerIds)).toEqual([['M1']]);
    const named = items({ scope: { employeeIds: ['E2'] }, reviewers: { kind: 'named', people: ['E2', 'A1'] } });
    expect(named.filter((i) => i.employeeId === 'E2').map((i) => i.reviewerIds)).toEqual([['A1']]);
  });

  it('adds the active unmanaged and the orphaned accounts a reconciliation found', () => {
    const reconciliation = {
      startedAt: '',
      finishedAt: '',
      apps: [
        {
          appId: 'github',
          accountsInApp: 3,
          counts: { orphaned: 1, unmanaged: 2, drifted: 0, matched: 0 },
          orphaned: [{ externalId: 'g-3', userName: 'gone' }],
          unmanaged: [
            { externalId: 'g-1', userName: 'shadow', active: true },
            { externalId: 'g-2', userName: 'off', active: false },
          ],
          drifted: [],
          orphanAction: 'none' as const,
          disabled: [],
          durationMs: 1,
        },
      ],
    };
    const found = items(
      { scope: { beyondBirthright: true }, reviewers: { kind: 'named', people: ['A1'] } },
      { reconciliation },
    );
    expect(
      found
        .filter((i) => i.source === 'reconciliation')
        .map((i) => [i.employeeId, i.access.externalId, i.access.rules, i.reviewerIds]),
    ).toEqual([
      [null, 'g-1', ['reconciliation: unmanaged'], ['A1']],
      [null, 'g-3', ['reconciliation: orphaned'], ['A1']],
    ]);
  });
});
