import { IsISO8601, IsString, MaxLength } from 'class-validator';
import type { LifecycleEvent } from '@tenure/domain';
import { LifecycleEventBody } from './lifecycle-event-body';

/** Value of `tenure.hr.lifecycle.v1`; key = employee.employeeId. */
export class HrLifecycleEventMessage extends LifecycleEventBody implements LifecycleEvent {
  @IsString()
  @MaxLength(32)
  source: string;

  @IsISO8601({ strict: true })
  effectiveAt: string;

  @IsISO8601({ strict: true })
  receivedAt: string;
}
