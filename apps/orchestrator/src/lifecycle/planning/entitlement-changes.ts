import type { AccountState } from '@tenure/domain';
import { diffEntitlements } from '@tenure/policy';
import type { GrantedAccess, PlannedChange } from '@tenure/temporal-contracts';
import { withSupport } from './change-support';
import { accountOf, DraftChange, ruleOf } from './planning-input';

export interface EntitlementChangeInput {
  before: GrantedAccess[];
  after: GrantedAccess[];
  /** The person's accounts: an app granted again is re-enabled, one never held is created. */
  accounts: AccountState[];
  /** Apps kept whatever the entitlements say (e.g. covered by an approved access request). */
  keptApps?: ReadonlySet<string>;
}

/**
 * What moving a person from one entitlement set to another changes, app by
 * app: grants (create, enable, group.add) and revocations (group.remove, and
 * disable for apps no longer granted: least privilege).
 */
export function entitlementChanges(input: EntitlementChangeInput): {
  grants: DraftChange[];
  revocations: DraftChange[];
} {
  const grants: DraftChange[] = [];
  const revocations: DraftChange[] = [];
  for (const diff of diffEntitlements(input.before, input.after)) {
    const { appId } = diff;
    const account = accountOf(input.accounts, appId);
    const rule = ruleOf(diff.rules);
    if (diff.kind === 'grant' && !account?.externalId) {
      grants.push({ appId, change: 'create', rule, groups: diff.addGroups });
      continue;
    }
    if (!account?.externalId) continue;
    if (diff.kind === 'grant' && account.status !== 'active') grants.push({ appId, change: 'enable', rule });
    if (diff.addGroups.length > 0) grants.push({ appId, change: 'group.add', rule, groups: diff.addGroups });
    const lost = `no longer: ${rule ?? 'policy'}`;
    if (diff.kind !== 'grant' && diff.removeGroups.length > 0) {
      revocations.push({ appId, change: 'group.remove', rule: lost, groups: diff.removeGroups });
    }
    if (diff.kind === 'revoke' && !input.keptApps?.has(appId) && account.status !== 'disabled') {
      revocations.push({ appId, change: 'disable', rule: lost });
    }
  }
  return { grants, revocations };
}

/**
 * A person's planned changes between two entitlement sets, each marked
 * supported or not by the app's connector capabilities: for previews of a
 * policy change ("who gains and who loses what").
 */
export function plannedEntitlementChanges(
  input: EntitlementChangeInput & { capabilities: ReadonlyMap<string, readonly string[]> },
): PlannedChange[] {
  const { grants, revocations } = entitlementChanges(input);
  return [...grants, ...revocations].map((change) => withSupport(change, input.capabilities));
}
