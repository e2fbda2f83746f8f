import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_STATUSES } from '@tenure/domain';
import type { AccountStatus } from '@tenure/domain';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import type { EmployeeView, FailedStepView } from '../employee-view';
import { AccessRequestView } from './access-request.view';
import { EmployeeAttributesView } from './employee-attributes.view';
import { RunView } from './run.view';
import { LIFECYCLE_STATES } from './lifecycle-states';

export class AccountView {
  appId!: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES })
  status!: AccountStatus;
  @ApiProperty({ type: String, nullable: true })
  externalId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class EntitlementView {
  appId!: string;
  roles!: string[];
  groups!: string[];
  rules!: string[];
}

export class FailedStepDetailView implements FailedStepView {
  runId!: string;
  eventId!: string;
  phase!: string;
  appId!: string;
  change?: string;
  reason?: string;
  attempts?: number;
  @ApiPropertyOptional({ format: 'date-time' })
  nextAttemptAt?: string;
}

/** `GET /v1/employees/:employeeId`: what Tenure knows of one person and what it is doing about them. */
export class EmployeeDetailView implements EmployeeView {
  employeeId!: string;
  @ApiProperty({ enum: LIFECYCLE_STATES })
  state!: EmployeeLifecycleState;
  lastEventId!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
  attributes!: EmployeeAttributesView;
  accounts!: AccountView[];
  entitlements!: EntitlementView[];
  scheduled!: RunView[];
  waitingApproval!: RunView[];
  failedSteps!: FailedStepDetailView[];
  accessRequests!: AccessRequestView[];
  runs!: RunView[];
}
