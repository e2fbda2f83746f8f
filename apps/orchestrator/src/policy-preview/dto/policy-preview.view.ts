import { SodViolationView } from '../../sod/dto/sod.view';
import type { AppAccessChange } from '../access-diff';
import type { PersonAccessChange, PolicyPreview } from '../policy-preview.service';

/** Access to one app gained or lost; `account` is true when the whole account comes or goes. */
export class AppAccessChangeView implements AppAccessChange {
  appId!: string;
  account!: boolean;
  roles!: string[];
  groups!: string[];
  /** Rules that justify the access (the new policy's for a gain, the old one's for a loss). */
  rules!: string[];
}

export class PersonAccessChangeView implements PersonAccessChange {
  employeeId!: string;
  gains!: AppAccessChangeView[];
  losses!: AppAccessChangeView[];
}

export class PreviewTotalsView {
  accountsGained!: number;
  accountsLost!: number;
  groupsGained!: number;
  groupsLost!: number;
  rolesGained!: number;
  rolesLost!: number;
}

export class PreviewViolationView extends SodViolationView {
  employeeId!: string;
}

/** What rolling the candidate out to everyone would do under the mass-change limit. */
export class PreviewRolloutView {
  peopleLosingAccess!: number;
  maxPeople!: number;
  decision!: 'applying' | 'waiting_approval';
}

/** What a candidate policy would change, person by person, compared with the policy in force. */
export class PolicyPreviewView implements PolicyPreview {
  /** People compared: everyone Tenure manages who has not left. */
  evaluated!: number;
  affected!: number;
  totals!: PreviewTotalsView;
  people!: PersonAccessChangeView[];
  /** True when more people are affected than `limit` lists. */
  truncated!: boolean;
  /** Who the candidate's grants would put in violation of a separation-of-duties rule they do not break today. */
  sodViolations!: PreviewViolationView[];
  /** Present only when the preview covers everyone: whether a rollout would apply at once or wait for approval. */
  rollout?: PreviewRolloutView;
}
