import type { Employee, LifecycleEvent } from '@tenure/domain';
import { durationMs } from '@tenure/policy';
import type { GrantedAccess } from '@tenure/temporal-contracts';
import { addMs } from './effective-time';
import { accountOf, DraftChange, DraftPhase, liveAccounts, PlanningInput, ruleOf } from './planning-input';
import { profileChanged } from './profile-changes';

/** Accounts the person should have at the start: enable what exists, create what does not. */
function startChanges(input: PlanningInput, employee: Employee, desired: GrantedAccess[]): DraftChange[] {
  const previous = new Map(input.entitlements.map((entitlement) => [entitlement.appId, entitlement]));
  const updateProfile = input.person !== undefined && profileChanged(input.person.attributes, employee);
  return desired.flatMap((entitlement): DraftChange[] => {
    const { appId, groups, rules } = entitlement;
    const rule = ruleOf(rules);
    const account = accountOf(input.accounts, appId);
    if (!account?.externalId) return [{ appId, change: 'create', rule, groups }];
    const held = previous.get(appId)?.groups ?? [];
    const changes: DraftChange[] = [];
    if (account.status !== 'active') changes.push({ appId, change: 'enable', rule });
    // A prepared account already has its groups; a returning person's account is brought up to date.
    if (account.status !== 'pending') {
      const add = groups.filter((group) => !held.includes(group) || account.status !== 'active');
      const remove = held.filter((group) => !groups.includes(group));
      if (updateProfile) changes.push({ appId, change: 'update', rule });
      if (add.length > 0) changes.push({ appId, change: 'group.add', rule, groups: add });
      if (remove.length > 0) changes.push({ appId, change: 'group.remove', rule: 'least-privilege', groups: remove });
    }
    return changes;
  });
}

/**
 * `hire` and `rehire`: with a future start, accounts are prepared (created
 * disabled) the lead time before and switched on at the start; a returning
 * person's existing accounts are re-enabled rather than created again.
 */
export function planJoiner(input: PlanningInput, event: LifecycleEvent, effectiveAt: string): DraftPhase[] {
  const employee = event.employee;
  const desired = input.policy(employee);
  const phases: DraftPhase[] = [];
  const leadMs = durationMs(input.settings.prepareLeadTime);
  if (Date.parse(effectiveAt) > Date.parse(input.now) && leadMs > 0) {
    const creates = desired
      .filter(({ appId }) => !accountOf(input.accounts, appId)?.externalId)
      .map(({ appId, groups, rules }): DraftChange => ({
        appId,
        change: 'create',
        rule: ruleOf(rules),
        groups,
        pending: true,
      }));
    phases.push({
      name: 'prepare',
      at: addMs(effectiveAt, -leadMs),
      commit: { state: 'pending_start', attributes: employee, entitlements: desired },
      changes: creates,
    });
  }
  phases.push({
    name: 'start',
    at: effectiveAt,
    commit: { state: 'active', attributes: employee, entitlements: desired },
    changes: startChanges(input, employee, desired),
  });
  return phases;
}

/** `cancel_hire` before the start: what was prepared is deleted (disabled where the app cannot delete). */
export function planCancelHire(input: PlanningInput, event: LifecycleEvent, effectiveAt: string): DraftPhase[] {
  if (input.person?.state === 'active' || input.person?.state === 'on_leave') {
    return [{ name: 'record', at: effectiveAt, changes: [] }];
  }
  const deletable = (appId: string) => input.capabilities.get(appId)?.includes('delete') ?? false;
  return [
    {
      name: 'remove',
      at: effectiveAt,
      commit: { state: 'hire_cancelled', attributes: event.employee, entitlements: [] },
      changes: liveAccounts(input.accounts).map(({ appId }): DraftChange => ({
        appId,
        change: deletable(appId) ? 'delete' : 'disable',
        rule: 'hire-cancelled',
      })),
    },
  ];
}
