import { AppAccessDiff, diffEntitlements, Entitlement } from '@tenure/policy';

/** Access to one app gained or lost; `account` is true when the whole account comes or goes. */
export interface AppAccessChange {
  appId: string;
  account: boolean;
  roles: string[];
  groups: string[];
  /** Rules that justify the access (the new policy's for a gain, the old one's for a loss). */
  rules: string[];
}

export interface AccessDiff {
  gains: AppAccessChange[];
  losses: AppAccessChange[];
}

const gained = (diff: AppAccessDiff): AppAccessChange => ({
  appId: diff.appId,
  account: diff.kind === 'grant',
  roles: diff.addRoles,
  groups: diff.addGroups,
  rules: diff.rules,
});

const lost = (diff: AppAccessDiff): AppAccessChange => ({
  appId: diff.appId,
  account: diff.kind === 'revoke',
  roles: diff.removeRoles,
  groups: diff.removeGroups,
  rules: diff.rules,
});

const hasAny = (change: AppAccessChange): boolean => change.account || change.roles.length + change.groups.length > 0;

/** The access a person gains and loses when their entitlements go from `before` to `after`, as a reader sees it. */
export function diffAccess(before: Entitlement[], after: Entitlement[]): AccessDiff {
  const diffs = diffEntitlements(before, after);
  return { gains: diffs.map(gained).filter(hasAny), losses: diffs.map(lost).filter(hasAny) };
}
