import { IsOptional } from 'class-validator';
import { IsTime, LifecycleEventBody } from '@tenure/contracts';

/** Body of `POST /v1/events/generic` (design.md, "Generic HR webhook"). */
export class GenericWebhookDto extends LifecycleEventBody {
  /**
   * An instant with its offset, e.g. 2026-12-01T09:00:00+01:00; a date-time
   * without offset or a date alone is the person's local time (employee.timeZone); now when absent.
   */
  @IsOptional()
  @IsTime()
  effectiveAt?: string;
}
