import type { Employee } from '@tenure/domain';
import type { PolicyConfig, PolicyRule, RuleConditions } from './policy-config';

/** What policy says a person should have in one app, and which rules say so. */
export interface Entitlement {
  appId: string;
  roles: string[];
  groups: string[];
  rules: string[];
}

const MATCHED_ATTRIBUTES = ['department', 'title', 'location', 'employmentType'] as const;

function matches(conditions: RuleConditions | undefined, employee: Employee): boolean {
  if (!conditions) return true;
  return MATCHED_ATTRIBUTES.every((attribute) => {
    const allowed = conditions[attribute];
    if (!allowed) return true;
    const actual = employee[attribute]?.toLowerCase();
    return actual !== undefined && allowed.some((value) => value.toLowerCase() === actual);
  });
}

function sortedUnion(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Birthright entitlements: the union of the grants of every rule whose conditions the person meets. */
export function evaluatePolicy(policy: PolicyConfig, employee: Employee): Entitlement[] {
  const byApp = new Map<string, Entitlement>();
  const matching: PolicyRule[] = policy.rules.filter((rule) => matches(rule.when, employee));
  for (const rule of matching) {
    for (const grant of rule.grant) {
      const current = byApp.get(grant.app) ?? { appId: grant.app, roles: [], groups: [], rules: [] };
      byApp.set(grant.app, {
        appId: grant.app,
        roles: sortedUnion(current.roles, grant.roles ?? []),
        groups: sortedUnion(current.groups, grant.groups ?? []),
        rules: [...current.rules, rule.name],
      });
    }
  }
  return [...byApp.values()].sort((a, b) => a.appId.localeCompare(b.appId));
}
