import type { LifecycleEvent } from '@tenure/domain';
import { durationMs } from '@tenure/policy';
import { addMs } from './effective-time';
import { DraftChange, DraftPhase, liveAccounts, PlanningInput } from './planning-input';

/**
 * `terminate` (and a contractor's end date): every account is disabled first,
 * in parallel across apps; then sessions are revoked and the person's data
 * handed to their manager; the accounts are deleted after the retention period.
 */
export function planLeaver(
  input: PlanningInput,
  event: LifecycleEvent,
  effectiveAt: string,
  options: { rule: string; disableOnly: boolean },
): DraftPhase[] {
  const { rule } = options;
  const live = liveAccounts(input.accounts);
  const enabled = live.filter((account) => account.status !== 'disabled');
  const managerId = event.employee.managerId ?? input.person?.attributes.managerId;
  const receives = (appId: string) => liveAccounts(input.managerAccounts).some((account) => account.appId === appId);
  const phases: DraftPhase[] = [
    {
      name: 'disable',
      at: effectiveAt,
      commit: { state: 'terminated', attributes: event.employee },
      changes: enabled.map(({ appId }): DraftChange => ({ appId, change: 'disable', rule })),
    },
  ];
  if (options.disableOnly) return phases;
  phases.push({
    name: 'cleanup',
    at: effectiveAt,
    // Planned again after the disable phase: every account still there, disabled or not.
    changes: live.flatMap(({ appId }): DraftChange[] => [
      { appId, change: 'revoke_sessions', rule },
      ...(managerId && receives(appId)
        ? [{ appId, change: 'transfer_ownership' as const, rule, toEmployeeId: managerId }]
        : []),
    ]),
  });
  phases.push({
    name: 'delete',
    at: addMs(effectiveAt, durationMs(input.settings.retentionBeforeDelete)),
    changes: live.map(({ appId }): DraftChange => ({ appId, change: 'delete', rule: 'retention' })),
  });
  return phases;
}

/** `leave_start` suspends every active account; `leave_end` restores the suspended ones. */
export function planLeave(input: PlanningInput, event: LifecycleEvent, effectiveAt: string): DraftPhase[] {
  const live = liveAccounts(input.accounts);
  const state = input.person?.state ?? 'new';
  if (event.type === 'leave_start') {
    if (state !== 'active') return [{ name: 'record', at: effectiveAt, changes: [] }];
    return [
      {
        name: 'suspend',
        at: effectiveAt,
        commit: { state: 'on_leave', attributes: event.employee },
        changes: live
          .filter((account) => account.status === 'active')
          .map(({ appId }): DraftChange => ({ appId, change: 'suspend', rule: 'leave' })),
      },
    ];
  }
  if (state !== 'on_leave') return [{ name: 'record', at: effectiveAt, changes: [] }];
  return [
    {
      name: 'restore',
      at: effectiveAt,
      commit: { state: 'active', attributes: event.employee },
      changes: live
        .filter((account) => account.status === 'suspended')
        .map(({ appId }): DraftChange => ({ appId, change: 'enable', rule: 'leave-ended' })),
    },
  ];
}
