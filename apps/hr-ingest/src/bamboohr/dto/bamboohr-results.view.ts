import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from '@tenure/domain';
import type { BambooResult, BambooResultStatus } from '../bamboohr-webhook.service';

/** What became of one employee of the delivery; `ignored`: nothing in it concerns Tenure. */
export class BambooResultView implements BambooResult {
  bambooId!: string;
  employeeId?: string;
  eventId!: string;
  @ApiPropertyOptional({ enum: LIFECYCLE_EVENT_TYPES })
  type?: LifecycleEventType;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'ignored'] })
  status!: BambooResultStatus;
}

export class BambooResultsView {
  results!: BambooResultView[];
}
