import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from '@tenure/domain';
import {
  PHASE_NAMES,
  type GrantedAccess,
  type PhaseCommit,
  type PhaseName,
  type PlanPhase,
} from '@tenure/temporal-contracts';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import type { PlanResponse } from '../plans.service';
import { EmployeeAttributesView } from './employee-attributes.view';
import { PlannedChangeView } from './run.view';
import { LIFECYCLE_STATES } from './lifecycle-states';

export class GrantedAccessView implements GrantedAccess {
  appId!: string;
  roles!: string[];
  groups!: string[];
  rules!: string[];
}

/** What a phase writes to the identity store before its changes run. */
export class PhaseCommitView implements PhaseCommit {
  @ApiProperty({ enum: LIFECYCLE_STATES })
  state!: EmployeeLifecycleState;
  attributes?: EmployeeAttributesView;
  /** Replaces the desired entitlements. */
  entitlements?: GrantedAccessView[];
}

export class PlanPhaseView implements PlanPhase {
  @ApiProperty({ enum: PHASE_NAMES })
  name!: PhaseName;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  commit?: PhaseCommitView;
  changes!: PlannedChangeView[];
}

export class BlastRadiusView {
  /** Accounts the plan disables or deletes. */
  accounts!: number;
  limit?: number;
}

/** A dry run: what the event would change, app by app; `scheduled` when its first phase lies ahead. */
export class PlanView implements PlanResponse {
  @ApiProperty({ enum: ['planned', 'scheduled'] })
  decision!: 'planned' | 'scheduled';
  employeeId!: string;
  eventId!: string;
  @ApiProperty({ enum: LIFECYCLE_EVENT_TYPES })
  eventType!: LifecycleEventType;
  effectiveAt!: string;
  phases!: PlanPhaseView[];
  blastRadius!: BlastRadiusView;
  /** Why nothing changes, e.g. a change to a leaver's record. */
  @ApiPropertyOptional()
  note?: string;
}
