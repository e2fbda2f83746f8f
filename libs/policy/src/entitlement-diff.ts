import type { Entitlement } from './evaluate-policy';

/** How one app's access differs between two entitlement sets. */
export interface AppAccessDiff {
  appId: string;
  /** `grant`: the app is new; `revoke`: no longer granted; `adjust`: still granted, groups or roles differ. */
  kind: 'grant' | 'revoke' | 'adjust';
  addGroups: string[];
  removeGroups: string[];
  addRoles: string[];
  removeRoles: string[];
  /** Rules that justify what is added (or, for a revoke, the rules that no longer apply). */
  rules: string[];
}

const minus = (a: string[], b: string[]): string[] => a.filter((item) => !b.includes(item));

/**
 * The per-app difference between what a person had and what they should have:
 * the basis of mover plans and of policy previews. Apps whose access is the
 * same are left out.
 */
export function diffEntitlements(before: Entitlement[], after: Entitlement[]): AppAccessDiff[] {
  const previous = new Map(before.map((entitlement) => [entitlement.appId, entitlement]));
  const next = new Map(after.map((entitlement) => [entitlement.appId, entitlement]));
  const apps = [...new Set([...previous.keys(), ...next.keys()])].sort();
  const diffs: AppAccessDiff[] = [];
  for (const appId of apps) {
    const old = previous.get(appId);
    const now = next.get(appId);
    if (!old && now) {
      diffs.push({
        appId,
        kind: 'grant',
        addGroups: now.groups,
        removeGroups: [],
        addRoles: now.roles,
        removeRoles: [],
        rules: now.rules,
      });
    } else if (old && !now) {
      diffs.push({
        appId,
        kind: 'revoke',
        addGroups: [],
        removeGroups: old.groups,
        addRoles: [],
        removeRoles: old.roles,
        rules: old.rules,
      });
    } else if (old && now) {
      const diff: AppAccessDiff = {
        appId,
        kind: 'adjust',
        addGroups: minus(now.groups, old.groups),
        removeGroups: minus(old.groups, now.groups),
        addRoles: minus(now.roles, old.roles),
        removeRoles: minus(old.roles, now.roles),
        rules: now.rules,
      };
      const changed = diff.addGroups.length + diff.removeGroups.length + diff.addRoles.length + diff.removeRoles.length;
      if (changed > 0) diffs.push(diff);
    }
  }
  return diffs;
}

/** Union of two entitlement sets: what a mover holds during the overlap window. */
export function mergeEntitlements(a: Entitlement[], b: Entitlement[]): Entitlement[] {
  const byApp = new Map<string, Entitlement>();
  for (const entitlement of [...a, ...b]) {
    const current = byApp.get(entitlement.appId);
    byApp.set(
      entitlement.appId,
      current
        ? {
            appId: entitlement.appId,
            roles: [...new Set([...current.roles, ...entitlement.roles])].sort(),
            groups: [...new Set([...current.groups, ...entitlement.groups])].sort(),
            rules: [...new Set([...current.rules, ...entitlement.rules])],
          }
        : entitlement,
    );
  }
  return [...byApp.values()].sort((x, y) => x.appId.localeCompare(y.appId));
}
