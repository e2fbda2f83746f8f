import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsEmailAddress, IsEmployeeId, IsOptionalText, IsPersonName } from '../field-rules';

/** Control characters have no place in a name an app displays or filters on. */
const PRINTABLE = /^[^\p{Cc}]+$/u;

/** Body of the connector gateway's `POST /v1/apps/:appId/accounts`. */
export class CreateAccountRequest {
  @IsEmployeeId()
  employeeId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @Matches(PRINTABLE, { message: 'userName must not contain control characters' })
  userName: string;

  @IsEmailAddress()
  email: string;

  @IsPersonName()
  givenName: string;

  @IsPersonName()
  familyName: string;

  @IsOptionalText(256)
  displayName?: string;

  @IsOptionalText()
  department?: string;

  @IsOptionalText()
  title?: string;

  @IsOptional()
  @IsEmployeeId()
  managerId?: string;

  /** Group display names the account must belong to. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(256, { each: true })
  @Matches(PRINTABLE, { each: true, message: 'each group must be a name without control characters' })
  groups?: string[];
}
