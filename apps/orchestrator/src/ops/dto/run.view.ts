import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LIFECYCLE_EVENT_TYPES } from '@tenure/domain';
import type { LifecycleEventType } from '@tenure/domain';
import { CHANGE_KINDS, PHASE_NAMES, RUN_STATUSES } from '@tenure/temporal-contracts';
import type {
  ChangeKind,
  ChangeSupport,
  MassChangeHold,
  PhaseName,
  PlannedChange,
  PlanSubject,
  RunState,
  RunStatus,
  StepState,
  StepStatus,
} from '@tenure/temporal-contracts';
import { AccessRequestView } from './access-request.view';
import { LifecycleEventView } from './employee-attributes.view';

const STEP_STATUSES: StepStatus[] = ['running', 'done', 'needs_attention', 'retrying', 'not_supported'];

export class PlannedChangeView implements PlannedChange {
  appId!: string;
  @ApiProperty({ enum: CHANGE_KINDS })
  change!: ChangeKind;
  @ApiProperty({ enum: ['supported', 'not_supported'] })
  support!: ChangeSupport;
  rule?: string;
  groups?: string[];
  roles?: string[];
  @ApiPropertyOptional()
  pending?: boolean;
  toEmployeeId?: string;
}

/** One app's part of one phase. */
export class StepStateView implements StepState {
  @ApiProperty({ enum: PHASE_NAMES })
  phase!: PhaseName;
  appId!: string;
  @ApiProperty({ enum: STEP_STATUSES })
  status!: StepStatus;
  @ApiProperty({ enum: CHANGE_KINDS, isArray: true })
  changes!: ChangeKind[];
  @ApiPropertyOptional({ enum: CHANGE_KINDS })
  failedChange?: ChangeKind;
  reason?: string;
  remaining?: PlannedChangeView[];
  retries!: number;
  attempts?: number;
  @ApiPropertyOptional({ format: 'date-time' })
  nextAttemptAt?: string;
  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class MassChangeHoldView implements MassChangeHold {
  batchId!: string;
  entryId!: string;
  @ApiProperty({ enum: PHASE_NAMES })
  phase!: PhaseName;
}

/** The run plans an HR event. */
export class EventSubjectView {
  @ApiProperty({ enum: ['event'] })
  kind!: 'event';
  event!: LifecycleEventView;
  @ApiPropertyOptional({ enum: ['hr', 'contractor_end_date'] })
  origin?: 'hr' | 'contractor_end_date';
}

/** The run grants an approved access request. */
export class AccessSubjectView {
  @ApiProperty({ enum: ['access'] })
  kind!: 'access';
  request!: AccessRequestView;
}

/** How Tenure tracks one event (or access grant) from decision to completion. */
@ApiExtraModels(EventSubjectView, AccessSubjectView)
export class RunView implements RunState {
  runId!: string;
  employeeId!: string;
  eventId!: string;
  @ApiProperty({ enum: LIFECYCLE_EVENT_TYPES })
  eventType!: LifecycleEventType;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(EventSubjectView) }, { $ref: getSchemaPath(AccessSubjectView) }] })
  subject!: PlanSubject;
  @ApiProperty({ enum: RUN_STATUSES })
  status!: RunStatus;
  effectiveAt!: string;
  /** The next phase's moment while scheduled. */
  nextAt?: string;
  @ApiProperty({ enum: PHASE_NAMES, isArray: true })
  completedPhases!: PhaseName[];
  appliedAt?: string;
  steps!: StepStateView[];
  massChange?: MassChangeHoldView;
  actorId?: string;
  reason?: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class RunListView {
  items!: RunView[];
}
