import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { EMPLOYMENT_TYPES, Employee, EmploymentType } from '@tenure/domain';
import { IsEmailAddress, IsEmployeeId, IsOptionalText, IsPersonName } from './field-rules';
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

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be an ISO-8601 date' })
  endDate?: string;
}
