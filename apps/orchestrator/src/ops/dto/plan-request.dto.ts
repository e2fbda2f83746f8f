import { IsOptional } from 'class-validator';
import { IsTime, LifecycleEventBody } from '@tenure/contracts';

/** Body of `POST /v1/plans`: the same event an HR system sends to the webhook. */
export class PlanRequestDto extends LifecycleEventBody {
  /** An instant with offset, or a date-time or date read in the person's time zone; now when absent. */
  @IsOptional()
  @IsTime()
  effectiveAt?: string;
}
