import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsEmployeeId } from '@tenure/contracts';

/** Body of `POST /v1/policy/preview`. */
export class PolicyPreviewRequest {
  /** The candidate policy.yaml, as text. */
  @IsString()
  @MaxLength(256 * 1024)
  policy: string;

  /** Only these people; everyone Tenure manages when absent. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsEmployeeId({ each: true })
  employeeIds?: string[];

  /** How many affected people to list (the totals always cover everyone). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  limit?: number;
}
