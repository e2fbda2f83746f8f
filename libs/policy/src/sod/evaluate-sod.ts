import type { SodRule, SodSeverity } from './sod-config';

/** What a person holds in one app (an entitlement, an approved request, an account). */
export interface HeldAccess {
  appId: string;
  groups: string[];
  roles: string[];
}

/** A rule a person breaks, with the entitlements of the rule they hold. */
export interface SodViolation {
  rule: string;
  severity: SodSeverity;
  entitlements: string[];
  approver?: string;
}

/** Each access as the references a rule may name: the app itself and each group and role in it. */
export function entitlementRefs(held: HeldAccess[]): Set<string> {
  const refs = new Set<string>();
  for (const access of held) {
    refs.add(access.appId);
    for (const name of [...access.groups, ...access.roles]) refs.add(`${access.appId}:${name}`);
  }
  return refs;
}

/** Every rule of which the person holds two or more entitlements. */
export function sodViolations(rules: SodRule[], held: HeldAccess[]): SodViolation[] {
  const refs = entitlementRefs(held);
  return rules.flatMap((rule) => {
    const matched = rule.entitlements.filter((ref) => refs.has(ref));
    if (matched.length < 2) return [];
    return [
      {
        rule: rule.name,
        severity: rule.severity,
        entitlements: matched,
        ...(rule.approver ? { approver: rule.approver } : {}),
      },
    ];
  });
}

/** The violations that granting `added` would create: those involving an entitlement the person does not hold yet. */
export function violationsAdded(rules: SodRule[], held: HeldAccess[], added: HeldAccess[]): SodViolation[] {
  const heldRefs = entitlementRefs(held);
  const newRefs = [...entitlementRefs(added)].filter((ref) => !heldRefs.has(ref));
  return sodViolations(rules, [...held, ...added]).filter((violation) =>
    violation.entitlements.some((ref) => newRefs.includes(ref)),
  );
}

const RANK: Record<SodSeverity, number> = { low: 0, medium: 1, high: 2 };

/** The most severe of the violations, if any. */
export function worstSeverity(violations: SodViolation[]): SodSeverity | undefined {
  return violations.reduce<SodSeverity | undefined>(
    (worst, violation) => (!worst || RANK[violation.severity] > RANK[worst] ? violation.severity : worst),
    undefined,
  );
}
