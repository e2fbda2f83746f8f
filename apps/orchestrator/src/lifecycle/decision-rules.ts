/**
 * The rules that decide what becomes of a planned change, written once for the
 * lifecycle workflow, the dry runs (plans, policy preview) and policy rollouts.
 *
 * Pure and sandbox-safe: the workflow bundle imports this file, so it holds no
 * Node, Nest or database imports, reads no clock of its own (callers pass
 * `now`, which in a workflow is Temporal's deterministic time) and changes
 * nothing it is given.
 */
import type { LifecyclePlan, PlanPhase, RemovalRequest } from '@tenure/temporal-contracts';

/** What a newly planned change is: run now, run at its effective moment, or held for an operator. */
export type PlanDecision = 'planned' | 'scheduled' | 'waiting_approval';

export interface PlanVerdict {
  decision: PlanDecision;
  /** When the plan's first phase runs; a plan with nothing to do runs now. */
  runAt: string;
  /** Why it waits, when it does. */
  reason?: string;
}

/** When the plan's first phase runs: its moment, or now for a plan without phases. */
export function firstRunAt(plan: Pick<LifecyclePlan, 'phases'>, now: string): string {
  return plan.phases[0]?.at ?? now;
}

/** Planned when the moment has come, scheduled when it lies ahead (an unreadable moment counts as now). */
export function timingOf(runAt: string | undefined, nowMs: number): 'planned' | 'scheduled' {
  return Date.parse(runAt ?? '') > nowMs ? 'scheduled' : 'planned';
}

/**
 * Whether a plan went over the per-event account limit that held runs before
 * the org-wide mass-change guard; only runs decided before that guard (replays)
 * still apply it.
 */
export function overPerEventLimit({ blastRadius }: Pick<LifecyclePlan, 'blastRadius'>): boolean {
  return blastRadius.limit !== undefined && blastRadius.accounts > blastRadius.limit;
}

export function perEventLimitReason({ blastRadius }: Pick<LifecyclePlan, 'blastRadius'>): string {
  return `would disable or delete ${blastRadius.accounts} accounts (limit ${blastRadius.limit})`;
}

/**
 * What a newly planned change becomes. One person's plan never waits for
 * approval by itself today: the org-wide guard holds runs when their removals
 * fall due. `perEventLimit` is true only where the old per-event limit still
 * applies (workflows started before the guard).
 */
export function decidePlan(
  plan: Pick<LifecyclePlan, 'phases' | 'blastRadius'>,
  now: string,
  nowMs: number,
  { perEventLimit = false }: { perEventLimit?: boolean } = {},
): PlanVerdict {
  const runAt = firstRunAt(plan, now);
  if (perEventLimit && overPerEventLimit(plan)) {
    return { decision: 'waiting_approval', runAt, reason: perEventLimitReason(plan) };
  }
  return { decision: timingOf(runAt, nowMs), runAt };
}

/** The phase's supported disables and deletes: what the org-wide mass-change guard counts. */
export function removalsOf(phase: PlanPhase): RemovalRequest['accounts'] {
  return phase.changes.flatMap((change) =>
    change.support === 'supported' && (change.change === 'disable' || change.change === 'delete')
      ? [{ appId: change.appId, change: change.change }]
      : [],
  );
}

/** The mass-change settings the people limit is drawn from (policy.yaml `lifecycle.massChange`). */
export interface PeopleLimitSettings {
  maxPeople: number;
  maxPercent?: number;
}

/** How many people may lose access within the window: `maxPeople`, lowered by `maxPercent` of the active people. */
export function maxPeopleLosingAccess(settings: PeopleLimitSettings, activePeople: number): number {
  const share = settings.maxPercent ? Math.max(1, Math.ceil((activePeople * settings.maxPercent) / 100)) : Infinity;
  return Math.min(settings.maxPeople, share);
}

/** The guard's one comparison: a count over its limit is held for an operator; at the limit it passes. */
export function overMassChangeLimit(count: number, limit: number): boolean {
  return count > limit;
}

/** A person's removals that count in the window (admitted, not yet vouched for by an operator). */
export interface CountedRemoval {
  employeeId: string;
  disables: boolean;
  deletes: boolean;
}

export interface AdmissionLimits {
  window: string;
  maxPeople: number;
  maxPeopleDeleted: number;
}

export type Admission = { admit: true } | { admit: false; reason: string };

/** People the window counts as losing access, the candidate among them: each person once, however many removals. */
export interface RemovalTally {
  disabling: number;
  deleting: number;
}

export function tallyOf(counted: CountedRemoval[], candidate: CountedRemoval): RemovalTally {
  const peopleWith = (kind: 'disables' | 'deletes') =>
    new Set([...counted, candidate].filter((removal) => removal[kind]).map((removal) => removal.employeeId)).size;
  return { disabling: peopleWith('disables'), deleting: peopleWith('deletes') };
}

/**
 * Whether one more person's removals fit in the window: people are counted
 * once however many accounts or runs they have, so a leaver with many apps is
 * one person; deletions, which cannot be undone, have a limit of their own.
 */
export function admission(counted: CountedRemoval[], candidate: CountedRemoval, limits: AdmissionLimits): Admission {
  return admissionOfTally(tallyOf(counted, candidate), candidate, limits);
}

/** The same, from the window's tally (the ledger counts in the database). */
export function admissionOfTally(tally: RemovalTally, candidate: CountedRemoval, limits: AdmissionLimits): Admission {
  if (candidate.deletes && overMassChangeLimit(tally.deleting, limits.maxPeopleDeleted)) {
    return {
      admit: false,
      reason: `${tally.deleting} people's accounts would be deleted within ${limits.window} (limit ${limits.maxPeopleDeleted})`,
    };
  }
  if (candidate.disables && overMassChangeLimit(tally.disabling, limits.maxPeople)) {
    return {
      admit: false,
      reason: `${tally.disabling} people would lose access within ${limits.window} (limit ${limits.maxPeople})`,
    };
  }
  return { admit: true };
}

/** A policy rollout as a whole: applied at once, or held as one batch when it takes access from too many people. */
export function rolloutDecision(peopleLosingAccess: number, maxPeople: number): 'applying' | 'waiting_approval' {
  return overMassChangeLimit(peopleLosingAccess, maxPeople) ? 'waiting_approval' : 'applying';
}
