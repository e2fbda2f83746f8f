import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/**
 * How a conflict is handled when something would grant it: `high` is refused,
 * `medium` needs an extra approver and a recorded justification, `low` is
 * allowed and recorded. Existing violations of every severity are listed.
 */
export const SOD_SEVERITIES = ['low', 'medium', 'high'] as const;
export type SodSeverity = (typeof SOD_SEVERITIES)[number];

/** `app` (any account in it) or `app:name` (a group or role of that app). */
export const ENTITLEMENT_REF = /^[a-z][a-z0-9-]{0,62}(:[A-Za-z0-9][A-Za-z0-9 ._@/-]{0,127})?$/;

/** Entitlements one person must not hold together: any two of the set are a violation. */
export class SodRule {
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'name must be lower-case letters, digits and dashes' })
  name: string;

  @IsIn(SOD_SEVERITIES, { message: `severity must be one of ${SOD_SEVERITIES.join(', ')}` })
  severity: SodSeverity;

  @IsArray()
  @ArrayMinSize(2, { message: 'entitlements must name at least two entitlements that conflict' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(ENTITLEMENT_REF, {
    each: true,
    message: 'each entitlement must be app or app:group, e.g. salesforce:admins',
  })
  entitlements: string[];

  /** The employee id of the person who approves as well when a `medium` rule is involved. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'approver must be an employee id' })
  approver?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** `config/sod.yaml`: separation-of-duties rules. */
export class SodConfig {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SodRule)
  rules: SodRule[] = [];
}
