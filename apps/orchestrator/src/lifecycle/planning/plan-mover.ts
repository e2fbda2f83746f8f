import type { LifecycleEvent } from '@tenure/domain';
import { durationMs, mergeEntitlements } from '@tenure/policy';
import { addMs } from './effective-time';
import { entitlementChanges } from './entitlement-changes';
import { planJoiner } from './plan-joiner';
import { DraftChange, DraftPhase, liveAccounts, PlanningInput } from './planning-input';
import { profileChanged } from './profile-changes';

/**
 * `change`: grant what the new attributes justify, revoke what they no longer
 * justify (groups removed, accounts of apps no longer granted disabled), and
 * push profile changes to the apps. With an overlap window the revocations
 * wait, and the person holds the union of old and new access meanwhile.
 */
export function planMover(input: PlanningInput, event: LifecycleEvent, effectiveAt: string): DraftPhase[] {
  const employee = event.employee;
  const state = input.person?.state ?? 'new';
  if (state === 'new') return planJoiner(input, event, effectiveAt).filter((phase) => phase.name === 'start');
  if (state !== 'active' && state !== 'on_leave') {
    // A leaver's (or cancelled joiner's) record may still change in HR; that never brings access back.
    return [{ name: 'record', at: effectiveAt, commit: { state, attributes: employee }, changes: [] }];
  }
  const desired = input.policy(employee);
  const { grants, revocations } = entitlementChanges({
    before: input.entitlements,
    after: desired,
    accounts: input.accounts,
    keptApps: new Set(input.accessGrants.map((grant) => grant.appId)),
  });
  const overlapMs = durationMs(input.settings.moverOverlap);
  const revoked = new Set(revocations.filter((c) => c.change === 'disable').map((c) => c.appId));
  const updates: DraftChange[] =
    input.person && profileChanged(input.person.attributes, employee)
      ? liveAccounts(input.accounts)
          .filter((account) => !revoked.has(account.appId) && account.status !== 'disabled')
          .map((account) => ({ appId: account.appId, change: 'update', rule: 'profile' }))
      : [];
  if (overlapMs === 0 || revocations.length === 0) {
    return [
      {
        name: 'apply',
        at: effectiveAt,
        commit: { state, attributes: employee, entitlements: desired },
        changes: [...grants, ...updates, ...revocations],
      },
    ];
  }
  return [
    {
      name: 'apply',
      at: effectiveAt,
      commit: { state, attributes: employee, entitlements: mergeEntitlements(input.entitlements, desired) },
      changes: [...grants, ...updates],
    },
    {
      name: 'revoke',
      at: addMs(effectiveAt, overlapMs),
      commit: { state, entitlements: desired },
      changes: revocations,
    },
  ];
}
