import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsCanonicalTime } from '@tenure/contracts';

/** Query string of `GET /v1/audit/access`: an app, a person, or both, at a moment. */
export class AccessQueryDto {
  @IsCanonicalTime({ forms: ['instant'] })
  at: string;

  @ValidateIf((query: AccessQueryDto) => query.employeeId === undefined || query.appId !== undefined)
  @IsString({ message: 'appId or employeeId is required' })
  @MaxLength(64)
  appId?: string;

  @ValidateIf((query: AccessQueryDto) => query.appId === undefined || query.employeeId !== undefined)
  @IsString({ message: 'employeeId or appId is required' })
  @MaxLength(64)
  employeeId?: string;
}
