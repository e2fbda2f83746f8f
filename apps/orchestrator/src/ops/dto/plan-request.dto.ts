import { IsISO8601, IsOptional } from 'class-validator';
import { LifecycleEventBody } from '@tenure/contracts';

/** Body of `POST /v1/plans`: the same event an HR system sends to the webhook. */
export class PlanRequestDto extends LifecycleEventBody {
  /** An instant with offset, or a date-time or date read in the person's time zone; now when absent. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'effectiveAt must be an ISO-8601 date or date-time' })
  effectiveAt?: string;
}
