import { durationMs, MassChangeSettings } from '@tenure/policy';

/** The limits in force: `maxPeople` already lowered by `maxPercent` of the active people, when set. */
export interface MassChangeLimits {
  window: string;
  windowMs: number;
  maxPeople: number;
  maxPeopleDeleted: number;
}

export function massChangeLimits(settings: MassChangeSettings, activePeople: number): MassChangeLimits {
  const share = settings.maxPercent ? Math.max(1, Math.ceil((activePeople * settings.maxPercent) / 100)) : Infinity;
  return {
    window: settings.window,
    windowMs: durationMs(settings.window),
    maxPeople: Math.min(settings.maxPeople, share),
    maxPeopleDeleted: settings.maxPeopleDeleted,
  };
}

/** A person's removals that count in the window (admitted, not yet vouched for by an operator). */
export interface CountedRemoval {
  employeeId: string;
  disables: boolean;
  deletes: boolean;
}

export type Admission = { admit: true } | { admit: false; reason: string };

/**
 * Whether one more person's removals fit in the window: people are counted
 * once however many accounts or runs they have, so a leaver with many apps is
 * one person; deletions, which cannot be undone, have a limit of their own.
 */
export function admission(counted: CountedRemoval[], candidate: CountedRemoval, limits: MassChangeLimits): Admission {
  const peopleWith = (kind: 'disables' | 'deletes') =>
    new Set([...counted, candidate].filter((removal) => removal[kind]).map((removal) => removal.employeeId)).size;
  if (candidate.deletes) {
    const deleted = peopleWith('deletes');
    if (deleted > limits.maxPeopleDeleted) {
      return {
        admit: false,
        reason: `${deleted} people's accounts would be deleted within ${limits.window} (limit ${limits.maxPeopleDeleted})`,
      };
    }
  }
  if (candidate.disables) {
    const disabled = peopleWith('disables');
    if (disabled > limits.maxPeople) {
      return {
        admit: false,
        reason: `${disabled} people would lose access within ${limits.window} (limit ${limits.maxPeople})`,
      };
    }
  }
  return { admit: true };
}
