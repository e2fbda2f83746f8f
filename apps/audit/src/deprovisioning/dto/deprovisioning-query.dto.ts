import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsCanonicalTime } from '@tenure/contracts';

/** Query string of `GET /v1/audit/deprovisioning` (and of the evidence bundle). */
export class DeprovisioningQueryDto {
  /** Leavers whose termination took effect at or after this instant (default: 30 days before `to`). */
  @IsOptional()
  @IsCanonicalTime({ forms: ['instant'] })
  from?: string;

  /** …and before this one (default: now). */
  @IsOptional()
  @IsCanonicalTime({ forms: ['instant'] })
  to?: string;

  /** Longest acceptable time from the HR effective moment to the last account off (default: the configured target). */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'targetHours must be a number of hours' })
  @Min(0.001)
  @Max(8760)
  targetHours?: number;
}
