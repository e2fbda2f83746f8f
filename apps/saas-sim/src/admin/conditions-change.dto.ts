import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { LatencyRangeConfig } from '../config/saas-sim-config';

/** Body of `PUT /admin/apps/:appId/conditions`: only the fields given change. */
export class ConditionsChangeDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => LatencyRangeConfig)
  latencyMs?: LatencyRangeConfig;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  rateLimitedRatio?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  unavailableRatio?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  hangRatio?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  lostWriteAnswerRatio?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  retryAfterSeconds?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  rateLimitBurst?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(86_400)
  outageSeconds?: number;
}
