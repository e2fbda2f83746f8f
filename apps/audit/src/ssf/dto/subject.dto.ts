import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SUBJECT_FORMATS, SubjectFormat } from '../ssf-subjects';

/**
 * A subject identifier (RFC 9493) in one of the formats Tenure matches:
 * `opaque` (an employee id or an app account id), `email` (an app account
 * named by its e-mail address) or `iss_sub` (a person as an issuer names them).
 */
export class SubjectDto {
  @IsIn(SUBJECT_FORMATS)
  format: SubjectFormat;

  /** `opaque`: the identifier. */
  @ValidateIf((subject: SubjectDto) => subject.format === 'opaque')
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  id?: string;

  /** `email`: the address. */
  @ValidateIf((subject: SubjectDto) => subject.format === 'email')
  @IsEmail({ require_tld: false })
  @MaxLength(320)
  email?: string;

  /** `iss_sub`: the issuer's URL. */
  @ValidateIf((subject: SubjectDto) => subject.format === 'iss_sub')
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(2048)
  iss?: string;

  /** `iss_sub`: the subject as that issuer names it. */
  @ValidateIf((subject: SubjectDto) => subject.format === 'iss_sub')
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  sub?: string;
}

/** SSF 1.0 §8.1.3.3: remove a subject from a stream. */
export class RemoveSubjectDto {
  @IsString()
  @MaxLength(64)
  stream_id: string;

  @IsObject()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject: SubjectDto;
}

/** SSF 1.0 §8.1.3.2: add a subject to a stream. */
export class AddSubjectDto extends RemoveSubjectDto {
  /** Whether the receiver verified the subject; kept, not acted on. */
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}
