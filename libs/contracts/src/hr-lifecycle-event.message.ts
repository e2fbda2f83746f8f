import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LIFECYCLE_EVENT_TYPES, LifecycleEvent, LifecycleEventType } from '@tenure/domain';
import { EmployeeDto } from './employee.dto';

/** Value of `tenure.hr.lifecycle.v1`; key = employee.employeeId. */
export class HrLifecycleEventMessage implements LifecycleEvent {
  @IsString()
  @MaxLength(128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'eventId must be printable ASCII without spaces' })
  eventId: string;

  @IsString()
  @MaxLength(32)
  source: string;

  @IsIn(LIFECYCLE_EVENT_TYPES, { message: `type must be one of: ${LIFECYCLE_EVENT_TYPES.join(', ')}` })
  type: LifecycleEventType;

  @IsISO8601({ strict: true })
  effectiveAt: string;

  @IsISO8601({ strict: true })
  receivedAt: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => EmployeeDto)
  employee: EmployeeDto;
}
