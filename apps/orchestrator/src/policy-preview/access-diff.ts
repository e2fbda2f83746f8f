import type { Entitlement } from '@tenure/policy';

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

function minus(a: readonly string[], b: readonly string[]): string[] {
  const taken = new Set(b);
  return a.filter((item) => !taken.has(item));
}

/** What `from` lacks of `to`, per app: whole apps, then roles and groups within shared apps. */
function missingFrom(from: readonly Entitlement[], to: readonly Entitlement[]): AppAccessChange[] {
  const byApp = new Map(from.map((entitlement) => [entitlement.appId, entitlement]));
  return to.flatMap((target): AppAccessChange[] => {
    const current = byApp.get(target.appId);
    if (!current) return [{ ...target, account: true }];
    const roles = minus(target.roles, current.roles);
    const groups = minus(target.groups, current.groups);
    if (roles.length === 0 && groups.length === 0) return [];
    return [{ appId: target.appId, account: false, roles, groups, rules: target.rules }];
  });
}

/** The access a person gains and loses when their entitlements go from `before` to `after`. */
export function diffAccess(before: readonly Entitlement[], after: readonly Entitlement[]): AccessDiff {
  return { gains: missingFrom(before, after), losses: missingFrom(after, before) };
}
