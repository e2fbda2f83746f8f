import { IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsTimeZone } from './is-time-zone.validator';
import { EMPLOYMENT_TYPES, Employee, EmploymentType } from '@tenure/domain';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export class EmployeeDto implements Employee {
  @IsString()
  @MaxLength(64)
  @Matches(ID_PATTERN, { message: 'employeeId may contain letters, digits and . _ : - only' })
  employeeId: string;

  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  givenName: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  familyName: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  department?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  location?: string;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(ID_PATTERN, { message: 'managerId may contain letters, digits and . _ : - only' })
  managerId?: string;

  @IsIn(EMPLOYMENT_TYPES, { message: `employmentType must be one of: ${EMPLOYMENT_TYPES.join(', ')}` })
  employmentType: EmploymentType = 'employee';

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endDate must be an ISO-8601 date' })
  endDate?: string;
}
