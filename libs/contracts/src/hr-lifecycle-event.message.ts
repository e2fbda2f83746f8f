import { IsString, MaxLength } from 'class-validator';
import type { LifecycleEvent } from '@tenure/domain';
import { IsInstant, IsTime } from './is-time.validator';
import { LifecycleEventBody } from './lifecycle-event-body';

/** Value of `tenure.hr.lifecycle.v1`; key = employee.employeeId. */
export class HrLifecycleEventMessage extends LifecycleEventBody implements LifecycleEvent {
  @IsString()
  @MaxLength(32)
  source: string;

  /**
   * A UTC instant: hr-ingest reads every source's time (in the person's zone
   * when it has no offset) before it publishes. Events published before that
   * may carry a local time or a date, which the orchestrator reads in employee.timeZone.
   */
  @IsTime()
  effectiveAt: string;

  @IsInstant()
  receivedAt: string;
}
