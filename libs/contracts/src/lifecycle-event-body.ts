import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { LIFECYCLE_EVENT_TYPES, LifecycleEventType } from '@tenure/domain';
import { EmployeeDto } from './employee.dto';

/** The fields every lifecycle event carries, from any HR source and on Kafka alike. */
export class LifecycleEventBody {
  @IsString()
  @MaxLength(128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'eventId must be printable ASCII without spaces' })
  eventId: string;

  @IsIn(LIFECYCLE_EVENT_TYPES, { message: `type must be one of: ${LIFECYCLE_EVENT_TYPES.join(', ')}` })
  type: LifecycleEventType;

  @IsDefined()
  @ValidateNested()
  @Type(() => EmployeeDto)
  employee: EmployeeDto;
}
