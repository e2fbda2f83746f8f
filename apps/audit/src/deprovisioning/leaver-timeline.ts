import { isActivating, isDeactivating } from '../access/account-history';

export interface AccountStep {
  appId: string;
  action: string;
  at: Date;
}

export type LeaverStatus = 'deprovisioned' | 'open' | 'no_access';

export interface LeaverTimeline {
  status: LeaverStatus;
  /** Apps the person had an active account in at the effective moment, and when each was switched off. */
  apps: { appId: string; removedAt: string | null }[];
  /** When the last of those accounts was disabled or deleted; null while one is still active. */
  deprovisionedAt: Date | null;
}

/**
 * From one person's succeeded account steps (oldest first): the accounts active
 * at the effective moment and the first disable or delete of each after it.
 */
export function leaverTimeline(effectiveAt: Date, steps: AccountStep[]): LeaverTimeline {
  const byApp = new Map<string, AccountStep[]>();
  for (const step of steps) {
    const history = byApp.get(step.appId) ?? [];
    history.push(step);
    byApp.set(step.appId, history);
  }
  const apps: LeaverTimeline['apps'] = [];
  let last: Date | null = null;
  let open = false;
  for (const [appId, history] of [...byApp.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    // Updates, group and session steps neither grant nor remove the account.
    const before = history.filter(
      (step) => step.at <= effectiveAt && (isActivating(step.action) || isDeactivating(step.action)),
    );
    const activeAtEffect = before.length > 0 && isActivating(before[before.length - 1].action);
    if (!activeAtEffect) continue;
    const removal = history.find((step) => step.at > effectiveAt && isDeactivating(step.action));
    apps.push({ appId, removedAt: removal?.at.toISOString() ?? null });
    if (!removal) open = true;
    else if (!last || removal.at > last) last = removal.at;
  }
  if (apps.length === 0) return { status: 'no_access', apps, deprovisionedAt: null };
  return open
    ? { status: 'open', apps, deprovisionedAt: null }
    : { status: 'deprovisioned', apps, deprovisionedAt: last };
}
