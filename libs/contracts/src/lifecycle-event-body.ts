import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
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

  /** A termination that must not wait for its effective moment (e.g. for cause). */
  @IsOptional()
  @IsBoolean()
  immediate?: boolean;
}
