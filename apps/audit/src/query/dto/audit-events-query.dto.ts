import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AuditFilterDto } from './audit-filter.dto';

export const MAX_PAGE_SIZE = 1_000;

/** Query string of `GET /v1/audit/events`. */
export class AuditEventsQueryDto extends AuditFilterDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 100;

  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'cursor must be a value returned as nextCursor' })
  cursor?: string;

  @IsOptional()
  @IsIn(['desc', 'asc'])
  order: 'desc' | 'asc' = 'desc';
}
