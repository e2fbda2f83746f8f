import { durationMs, MassChangeSettings } from '@tenure/policy';
import { AdmissionLimits, maxPeopleLosingAccess } from '../lifecycle/decision-rules';

// The guard's decision is one of the lifecycle decision rules; the ledger and rollouts reach it from here too.
export { admission, admissionOfTally } from '../lifecycle/decision-rules';
export type { Admission, CountedRemoval, RemovalTally } from '../lifecycle/decision-rules';

/** The limits in force: `maxPeople` already lowered by `maxPercent` of the active people, when set. */
export interface MassChangeLimits extends AdmissionLimits {
  windowMs: number;
}

export function massChangeLimits(settings: MassChangeSettings, activePeople: number): MassChangeLimits {
  return {
    window: settings.window,
    windowMs: durationMs(settings.window),
    maxPeople: maxPeopleLosingAccess(settings, activePeople),
    maxPeopleDeleted: settings.maxPeopleDeleted,
  };
}
