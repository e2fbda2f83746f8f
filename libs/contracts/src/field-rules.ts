import { ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Applies several property decorators as one, so each field rule is written once. */
function combine(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** An employee id (also a manager id): what HR systems use, safe in URLs, filters and workflow ids. */
export const IsEmployeeId = (options: { each?: boolean } = {}): PropertyDecorator =>
  combine(
    IsString(options),
    MaxLength(64, options),
    Matches(ID_PATTERN, { ...options, message: '$property may contain letters, digits and . _ : - only' }),
  );

export const IsEmailAddress = (): PropertyDecorator =>
  combine(IsEmail({}, { message: '$property must be an email address' }), MaxLength(254));

/** A given or family name: required and of a length any app accepts. */
export const IsPersonName = (): PropertyDecorator => combine(IsString(), IsNotEmpty(), MaxLength(128));

/** An optional free-text attribute (department, title, location…). */
export const IsOptionalText = (maxLength = 128): PropertyDecorator =>
  combine(IsOptional(), IsString(), MaxLength(maxLength));

/** Control characters have no place in a name an app displays or filters on. */
export const PRINTABLE = /^[^\p{Cc}]+$/u;

/** An optional list of group (or role) names, as apps accept them. */
export const IsOptionalNameList = (noun: 'group' | 'role' = 'group', maxItems = 100): PropertyDecorator =>
  combine(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(256, { each: true }),
    Matches(PRINTABLE, { each: true, message: `each ${noun} must be a name without control characters` }),
  );
