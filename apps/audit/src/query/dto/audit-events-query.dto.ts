import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LIFECYCLE_ACTIONS, OUTCOME_RESULTS } from '@tenure/domain';

export const MAX_PAGE_SIZE = 1_000;

/** Query string of `GET /v1/audit/events`. */
export class AuditEventsQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  employeeId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  appId?: string;

  @IsOptional()
  @IsIn(LIFECYCLE_ACTIONS)
  action?: string;

  @IsOptional()
  @IsIn(OUTCOME_RESULTS)
  outcome?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  eventId?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 100;

  @IsOptional()
  @Matches(/^[0-9]{1,19}$/, { message: 'cursor must be a value returned as nextCursor' })
  cursor?: string;

  @IsOptional()
  @IsIn(['desc', 'asc'])
  order: 'desc' | 'asc' = 'desc';
}
