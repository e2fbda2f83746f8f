import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EMPLOYMENT_TYPES, EmploymentType } from '@tenure/domain';
import { LifecycleSettings } from './lifecycle-settings';

/** Attribute conditions of a rule: each listed attribute must equal one of its values (case-insensitive). */
export class RuleConditions {
  @IsOptional()
  @IsString({ each: true })
  @ArrayNotEmpty()
  department?: string[];

  @IsOptional()
  @IsString({ each: true })
  @ArrayNotEmpty()
  title?: string[];

  @IsOptional()
  @IsString({ each: true })
  @ArrayNotEmpty()
  location?: string[];

  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES, { each: true })
  @ArrayNotEmpty()
  employmentType?: EmploymentType[];
}

export class GrantConfig {
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'app must be an app id from apps.yaml' })
  app: string;

  @IsOptional()
  @IsString({ each: true })
  @ArrayUnique()
  roles: string[] = [];

  @IsOptional()
  @IsString({ each: true })
  @ArrayUnique()
  groups: string[] = [];
}

export class PolicyRule {
  @IsString()
  @MaxLength(128)
  name: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RuleConditions)
  when?: RuleConditions;

  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => GrantConfig)
  grant: GrantConfig[];
}

export class PolicyConfig {
  /** Timing and safety of lifecycle runs; every setting has a default. */
  @IsOptional()
  @ValidateNested()
  @Type(() => LifecycleSettings)
  lifecycle: LifecycleSettings = new LifecycleSettings();

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PolicyRule)
  @ArrayUnique((rule: PolicyRule) => rule.name, { message: 'each rule name must appear once' })
  rules: PolicyRule[];
}
