import type { LifecycleEvent } from '@tenure/domain';
import { diffEntitlements, durationMs, mergeEntitlements } from '@tenure/policy';
import { addMs } from './effective-time';
import { planJoiner } from './plan-joiner';
import { accountOf, DraftChange, DraftPhase, liveAccounts, PlanningInput, ruleOf } from './planning-input';
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
  const diffs = diffEntitlements(input.entitlements, desired);
  const keptByRequest = new Set(input.accessGrants.map((grant) => grant.appId));
  const overlapMs = durationMs(input.settings.moverOverlap);
  const grants: DraftChange[] = [];
  const revocations: DraftChange[] = [];
  for (const diff of diffs) {
    const account = accountOf(input.accounts, diff.appId);
    const rule = ruleOf(diff.rules);
    if (diff.kind === 'grant') {
      if (!account?.externalId) grants.push({ appId: diff.appId, change: 'create', rule, groups: diff.addGroups });
      else {
        if (account.status !== 'active') grants.push({ appId: diff.appId, change: 'enable', rule });
        if (diff.addGroups.length > 0)
          grants.push({ appId: diff.appId, change: 'group.add', rule, groups: diff.addGroups });
      }
      continue;
    }
    if (!account?.externalId) continue;
    if (diff.addGroups.length > 0)
      grants.push({ appId: diff.appId, change: 'group.add', rule, groups: diff.addGroups });
    if (diff.removeGroups.length > 0) {
      revocations.push({
        appId: diff.appId,
        change: 'group.remove',
        rule: `no longer: ${rule ?? 'policy'}`,
        groups: diff.removeGroups,
      });
    }
    if (diff.kind === 'revoke' && !keptByRequest.has(diff.appId) && account.status !== 'disabled') {
      revocations.push({ appId: diff.appId, change: 'disable', rule: `no longer: ${rule ?? 'policy'}` });
    }
  }
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
