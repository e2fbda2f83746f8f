import { createHash } from 'node:crypto';
import type { AppCatalogue } from '@tenure/config';
import { entitlementRefs, SodRule, sodViolations } from '@tenure/policy';
import type { PersonEntity } from '../identity/person.entity';
import type { ReconciliationReport } from '../reconciliation/reconciliation.types';
import { heldAccessOf, PersonAccess } from '../sod/held-access.reader';
import type { CampaignDefinition } from './campaign-definition';
import type { ReviewedAccess, ReviewItemEntity, ReviewItemSource } from './review-item.entity';

export type NewReviewItem = Omit<ReviewItemEntity, 'updatedAt'>;

export interface ItemSources {
  campaignId: string;
  definition: CampaignDefinition;
  people: PersonEntity[];
  access: Map<string, PersonAccess>;
  reconciliation?: ReconciliationReport;
  catalogueOf: (appId: string) => AppCatalogue | undefined;
  sodRules: SodRule[];
  now: Date;
}

interface Candidate {
  employeeId: string | null;
  appId: string;
  source: ReviewItemSource;
  access: ReviewedAccess;
}

const lower = (values: string[] = []) => values.map((value) => value.toLowerCase());

/** The same item of the same campaign always gets the same id: opening a campaign twice adds nothing. */
function itemIdOf(campaignId: string, candidate: Candidate): string {
  const key = [
    candidate.employeeId,
    candidate.appId,
    candidate.source,
    candidate.access.requestId,
    candidate.access.externalId,
  ];
  return `${campaignId}.${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16)}`;
}

function inScope(definition: CampaignDefinition, candidate: Candidate): boolean {
  const { scope } = definition;
  if (scope.beyondBirthright && candidate.source === 'birthright') return false;
  if (scope.apps?.length && !scope.apps.includes(candidate.appId)) return false;
  if (scope.entitlements?.length) {
    const refs = entitlementRefs([
      { appId: candidate.appId, groups: candidate.access.groups, roles: candidate.access.roles },
    ]);
    if (!scope.entitlements.some((ref) => refs.has(ref))) return false;
  }
  return true;
}

function candidatesOf(access: PersonAccess): Candidate[] {
  return [
    ...access.entitlements.map((entitlement) => ({
      employeeId: access.employeeId,
      appId: entitlement.appId,
      source: 'birthright' as const,
      access: {
        groups: entitlement.groups,
        roles: entitlement.roles,
        rules: entitlement.rules,
        grantedAt: entitlement.updatedAt.toISOString(),
        grantedBy: 'policy',
        lastActivityAt: null,
      },
    })),
    ...access.granted.map((request) => ({
      employeeId: access.employeeId,
      appId: request.appId,
      source: 'access_request' as const,
      access: {
        groups: request.groups,
        roles: request.roles,
        rules: [`access-request:${request.requestId}`],
        requestId: request.requestId,
        grantedAt: request.decidedAt,
        grantedBy: request.decidedBy,
        lastActivityAt: null,
      },
    })),
  ];
}

/** Accounts reconciliation found that Tenure did not create, or that no active person stands behind. */
function reconciliationCandidates(report: ReconciliationReport | undefined): Candidate[] {
  if (!report) return [];
  return report.apps.flatMap((app) => [
    ...app.unmanaged
      .filter((account) => account.active)
      .map((account) => ({
        employeeId: account.employeeId ?? null,
        appId: app.appId,
        source: 'reconciliation' as const,
        access: {
          groups: [],
          roles: [],
          rules: ['reconciliation: unmanaged'],
          externalId: account.externalId,
          userName: account.userName,
          lastActivityAt: null,
        },
      })),
    ...app.orphaned.map((account) => ({
      employeeId: account.employeeId ?? null,
      appId: app.appId,
      source: 'reconciliation' as const,
      access: {
        groups: [],
        roles: [],
        rules: ['reconciliation: orphaned'],
        externalId: account.externalId,
        userName: account.userName,
        lastActivityAt: null,
      },
    })),
  ]);
}

/**
 * Who reviews an item. Nobody reviews their own access: where the reviewer
 * would be the person, their manager reviews instead. `fallback` (the
 * campaign's named people) reviews what no one else can.
 */
function reviewersOf(
  sources: ItemSources,
  candidate: Candidate,
  managerOf: (employeeId: string) => string | undefined,
): string[] {
  const { reviewers } = sources.definition;
  const fallback = reviewers.people ?? [];
  const manager = candidate.employeeId ? managerOf(candidate.employeeId) : undefined;
  let chosen: string[];
  if (reviewers.kind === 'named') chosen = fallback;
  else if (reviewers.kind === 'manager') chosen = manager ? [manager] : fallback;
  else {
    const catalogue = sources.catalogueOf(candidate.appId);
    const owners = [
      ...(catalogue?.groups ?? []).filter((entry) => candidate.access.groups.includes(entry.name)),
      ...(catalogue?.roles ?? []).filter((entry) => candidate.access.roles.includes(entry.name)),
    ].flatMap((entry) => (entry.owner ? [entry.owner] : []));
    chosen = owners.length > 0 ? [...new Set(owners)] : fallback.length > 0 ? fallback : manager ? [manager] : [];
  }
  if (candidate.employeeId && chosen.includes(candidate.employeeId)) {
    chosen = chosen.filter((id) => id !== candidate.employeeId);
    if (chosen.length === 0 && manager) chosen = [manager];
  }
  return chosen;
}

/** The items of a campaign: what each person in scope holds, with its context, reviewer and conflicts. */
export function buildReviewItems(sources: ItemSources): NewReviewItem[] {
  const { definition } = sources;
  const departments = lower(definition.scope.departments);
  const people = sources.people.filter(
    (person) => departments.length === 0 || departments.includes((person.attributes.department ?? '').toLowerCase()),
  );
  const inPeople = new Set(people.map((person) => person.employeeId));
  const managers = new Map(sources.people.map((person) => [person.employeeId, person.attributes.managerId]));
  const managerOf = (employeeId: string) => managers.get(employeeId) ?? undefined;
  const candidates = [
    ...people.flatMap((person) => {
      const access = sources.access.get(person.employeeId);
      return access ? candidatesOf(access) : [];
    }),
    // Accounts of people outside a department scope stay out; accounts of nobody Tenure knows are in.
    ...reconciliationCandidates(sources.reconciliation).filter(
      (candidate) => departments.length === 0 || (candidate.employeeId !== null && inPeople.has(candidate.employeeId)),
    ),
  ].filter((candidate) => inScope(definition, candidate));
  const violations = new Map(
    [...sources.access.values()].map((access) => [
      access.employeeId,
      sodViolations(sources.sodRules, heldAccessOf(access)),
    ]),
  );
  return candidates.map((candidate) => {
    const refs = entitlementRefs([
      { appId: candidate.appId, groups: candidate.access.groups, roles: candidate.access.roles },
    ]);
    const sod = (candidate.employeeId ? (violations.get(candidate.employeeId) ?? []) : []).filter((violation) =>
      violation.entitlements.some((ref) => refs.has(ref)),
    );
    return {
      itemId: itemIdOf(sources.campaignId, candidate),
      campaignId: sources.campaignId,
      employeeId: candidate.employeeId,
      appId: candidate.appId,
      source: candidate.source,
      access: candidate.access,
      birthright: candidate.source === 'birthright',
      sod,
      reviewerIds: reviewersOf(sources, candidate, managerOf),
      escalatedFrom: null,
      decision: null,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      revocation: null,
      revocationDetail: null,
      createdAt: sources.now,
    };
  });
}
