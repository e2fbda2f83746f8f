import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptionalNameList } from '@tenure/contracts';

const APP_ID = /^[a-z][a-z0-9-]{0,62}$/;

/** Body of `POST /v1/employees/:employeeId/access-requests`. */
export class AccessRequestDto {
  @Matches(APP_ID, { message: 'appId must be an app id such as salesforce' })
  appId: string;

  @IsOptionalNameList('role', 50)
  roles: string[] = [];

  @IsOptionalNameList('group', 50)
  groups: string[] = [];

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  /** When the extra access ends by itself: a date (end of access at its midnight in the person's zone) or an instant. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be an ISO-8601 date or date-time' })
  endDate?: string;
}

/** Body of an operator's or approver's decision; the reason is recorded with it. */
export class DecisionDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
