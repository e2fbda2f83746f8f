import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCanonicalTime, IsOptionalNameList } from '@tenure/contracts';

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

  /**
   * When the extra access ends by itself: an instant (stored in UTC), or a
   * local time or a date (its midnight) stored as such and read in the
   * person's zone when the expiry is planned.
   */
  @IsOptional()
  @IsCanonicalTime()
  endDate?: string;

  /** Why an exception to a separation-of-duties rule is needed; required when the request breaks a `medium` rule. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  justification?: string;
}

/** Body of an operator's or approver's decision; the reason is recorded with it. */
export class DecisionDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
