import { ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CreateAccountRequest } from '../../connectors/connector';

/** Same rule as employee ids in HR events (libs/contracts EmployeeDto). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const ID_MESSAGE = 'may contain letters, digits and . _ : - only';
/** Control characters have no place in a name an app displays or filters on. */
const PRINTABLE = /^[^\p{Cc}]+$/u;

export class CreateAccountDto implements Omit<CreateAccountRequest, 'groups'> {
  @IsString()
  @MaxLength(64)
  @Matches(ID_PATTERN, { message: `employeeId ${ID_MESSAGE}` })
  employeeId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @Matches(PRINTABLE, { message: 'userName must not contain control characters' })
  userName: string;

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
  @MaxLength(256)
  displayName?: string;

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
  @MaxLength(64)
  @Matches(ID_PATTERN, { message: `managerId ${ID_MESSAGE}` })
  managerId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(256, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'each group must be a name without control characters' })
  groups?: string[];
}
