import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMPLOYMENT_TYPES, LIFECYCLE_EVENT_TYPES } from '@tenure/domain';
import type { Employee, EmploymentType, LifecycleEvent, LifecycleEventType } from '@tenure/domain';

/** A person as HR describes them (the attributes policy rules match on). */
export class EmployeeAttributesView implements Employee {
  employeeId!: string;
  email!: string;
  givenName!: string;
  familyName!: string;
  department?: string;
  title?: string;
  location?: string;
  timeZone?: string;
  managerId?: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  employmentType!: EmploymentType;
  /** Last working day of a contractor (ISO date). */
  endDate?: string;
}

/** An accepted HR event, as hr-ingest published it. */
export class LifecycleEventView implements LifecycleEvent {
  eventId!: string;
  source!: string;
  @ApiProperty({ enum: LIFECYCLE_EVENT_TYPES })
  type!: LifecycleEventType;
  effectiveAt!: string;
  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
  employee!: EmployeeAttributesView;
  @ApiPropertyOptional()
  immediate?: boolean;
}
