import { IsISO8601, IsOptional } from 'class-validator';
import { LifecycleEventBody } from '@tenure/contracts';

/** Body of `POST /v1/events/generic` (design.md, "Generic HR webhook"). */
export class GenericWebhookDto extends LifecycleEventBody {
  /**
   * An instant with its offset, e.g. 2026-12-01T09:00:00+01:00; a date-time
   * without offset or a date alone is the person's local time (employee.timeZone); now when absent.
   */
  @IsOptional()
  @IsISO8601(
    { strict: true },
    { message: 'effectiveAt must be an ISO-8601 date-time such as 2026-12-01T09:00:00+01:00' },
  )
  effectiveAt?: string;
}
