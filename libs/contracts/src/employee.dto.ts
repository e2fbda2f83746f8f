import { IsIn, IsOptional } from 'class-validator';
import { EMPLOYMENT_TYPES, Employee, EmploymentType } from '@tenure/domain';
import { IsEmailAddress, IsEmployeeId, IsOptionalText, IsPersonName } from './field-rules';
import { IsTime } from './is-time.validator';
import { IsTimeZone } from './is-time-zone.validator';

export class EmployeeDto implements Employee {
  @IsEmployeeId()
  employeeId: string;

  @IsEmailAddress()
  email: string;

  @IsPersonName()
  givenName: string;

  @IsPersonName()
  familyName: string;

  @IsOptionalText()
  department?: string;

  @IsOptionalText()
  title?: string;

  @IsOptionalText()
  location?: string;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsOptional()
  @IsEmployeeId()
  managerId?: string;

  @IsIn(EMPLOYMENT_TYPES, { message: `employmentType must be one of: ${EMPLOYMENT_TYPES.join(', ')}` })
  employmentType: EmploymentType = 'employee';

  /** A contractor's last working day, a date alone (YYYY-MM-DD): their access ends when it is over in their zone. */
  @IsOptional()
  @IsTime({ forms: ['date'] })
  endDate?: string;
}
