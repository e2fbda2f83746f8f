import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** `GET /v1/apps/:appId/accounts?cursor=&limit=` */
export class ListAccountsQuery {
  @IsOptional()
  @Matches(/^[A-Za-z0-9_=-]{1,256}$/, { message: 'cursor must be a nextCursor this API returned' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
