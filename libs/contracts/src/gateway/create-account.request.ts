import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  IsEmailAddress,
  IsEmployeeId,
  IsOptionalNameList,
  IsOptionalText,
  IsPersonName,
  PRINTABLE,
} from '../field-rules';

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
  @IsOptionalNameList()
  groups?: string[];

  /**
   * Whether the person may sign in (default true). `false` prepares the
   * account ahead of a start: created disabled in one call, and an account
   * found for the person is left (or made) disabled, never switched on.
   */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
