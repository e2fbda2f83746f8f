import type { AccessRequestRecord } from '@tenure/temporal-contracts';
import { resolveEffectiveAt } from './effective-time';
import { accountOf, DraftChange, DraftPhase, PlanningInput } from './planning-input';

/**
 * An approved access request: the app (and its groups) granted now, and
 * removed again when the request's end date passes, unless birthright policy
 * grants the app by then.
 */
export function planAccessGrant(input: PlanningInput, request: AccessRequestRecord): DraftPhase[] {
  const rule = `access-request:${request.requestId}`;
  const { appId, groups } = request;
  const account = accountOf(input.accounts, appId);
  const grant: DraftChange[] = [];
  if (!account?.externalId) grant.push({ appId, change: 'create', rule, groups, roles: request.roles });
  else {
    if (account.status !== 'active') grant.push({ appId, change: 'enable', rule });
    if (groups.length > 0) grant.push({ appId, change: 'group.add', rule, groups });
  }
  const phases: DraftPhase[] = [{ name: 'grant', at: request.decidedAt ?? input.now, changes: grant }];
  if (!request.endDate) return phases;
  const birthright = input.entitlements.find((entitlement) => entitlement.appId === appId);
  const expire: DraftChange[] = birthright
    ? groups.filter((group) => !birthright.groups.includes(group)).length > 0
      ? [{ appId, change: 'group.remove', rule, groups: groups.filter((group) => !birthright.groups.includes(group)) }]
      : []
    : [{ appId, change: 'disable', rule }];
  const timeZone = input.person?.attributes.timeZone;
  phases.push({ name: 'expire', at: resolveEffectiveAt(request.endDate, timeZone), changes: expire });
  return phases;
}
