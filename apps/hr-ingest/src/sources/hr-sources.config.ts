import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { EMPLOYMENT_TYPES } from '@tenure/domain';

/** The Tenure fields a source field can fill: the employee record and the event's own fields. */
export const EMPLOYEE_FIELDS = [
  'employeeId',
  'email',
  'givenName',
  'familyName',
  'department',
  'title',
  'location',
  'timeZone',
  'managerId',
  'employmentType',
  'endDate',
] as const;
export type EmployeeField = (typeof EMPLOYEE_FIELDS)[number];
export const EVENT_FIELDS = ['eventId', 'type', 'effectiveAt'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];
export type TenureField = EmployeeField | EventField;
export const TENURE_FIELDS: readonly TenureField[] = [...EMPLOYEE_FIELDS, ...EVENT_FIELDS];

export const SOURCE_IDS = ['generic', 'bamboohr', 'scim', 'csv'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** Every value of a plain mapping is one of `allowed`. */
function IsRecordOf(allowed: readonly string[], what: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isRecordOf',
      target: target.constructor,
      propertyName: key.toString(),
      options: { message: `each value must be ${what}: ${allowed.join(', ')}` },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((item) => typeof item === 'string' && allowed.includes(item)),
      },
    });
}

/** A plain mapping of strings to strings (value maps). */
function IsStringRecord(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: key.toString(),
      options: { message: 'must map text to text' },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((item) => typeof item === 'string'),
      },
    });
}

export class RateLimitConfig {
  /** A number, or `${VAR:-default}` (a string until converted here). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  requests: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  perSeconds: number = 1;
}

export class ValueMapsConfig {
  /** Source value → `employee` or `contractor`; matched case-insensitively. */
  @IsOptional()
  @IsRecordOf(EMPLOYMENT_TYPES, 'an employment type')
  employmentType?: Record<string, (typeof EMPLOYMENT_TYPES)[number]>;

  /** Source value → Tenure department name, for sources that use codes. */
  @IsOptional()
  @IsStringRecord()
  department?: Record<string, string>;

  @IsOptional()
  @IsStringRecord()
  location?: Record<string, string>;
}

/** Which source field says that a person leaves. */
export class TerminationRuleConfig {
  @IsString()
  field: string;

  /** Values of `field` that mean "terminated" (case-insensitive); without them, any non-empty value does. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  values?: string[];

  /** A source field holding the date the termination takes effect (the end of that day in the person’s zone). */
  @IsOptional()
  @IsString()
  effectiveDateField?: string;
}

export class SourceMappingConfig {
  /** Source field name → Tenure field. Source fields not listed are ignored. */
  @IsObject()
  @IsRecordOf(TENURE_FIELDS, 'a Tenure field')
  fields: Record<string, TenureField>;

  @IsOptional()
  @ValidateNested()
  @Type(() => ValueMapsConfig)
  values?: ValueMapsConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => TerminationRuleConfig)
  termination?: TerminationRuleConfig;
}

export class SourceConfig {
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitConfig)
  rateLimit?: RateLimitConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => SourceMappingConfig)
  mapping?: SourceMappingConfig;
}

export class SourcesConfig {
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceConfig)
  generic?: SourceConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => SourceConfig)
  bamboohr?: SourceConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => SourceConfig)
  scim?: SourceConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => SourceConfig)
  csv?: SourceConfig;
}

export class IngestLimitsConfig {
  /** JSON bodies (webhooks, SCIM), in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  maxBodyBytes: number = 256 * 1024;

  /** One CSV import, in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024 * 1024)
  maxCsvBytes: number = 200 * 1024 * 1024;

  /**
   * Requests from one client address before they are authenticated, all
   * sources together: a flood is refused before any work is done on it. Far
   * above any source's own limit, which counts authenticated requests only.
   */
  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitConfig)
  perClient: RateLimitConfig = Object.assign(new RateLimitConfig(), { requests: 10_000, perSeconds: 1 });
}

/** `config/hr-sources.yaml`: how each HR source is heard and mapped onto Tenure's employee record. */
export class HrSourcesConfig {
  @IsOptional()
  @ValidateNested()
  @Type(() => IngestLimitsConfig)
  limits: IngestLimitsConfig = new IngestLimitsConfig();

  @ValidateNested()
  @Type(() => SourcesConfig)
  sources: SourcesConfig;

  mappingOf(source: SourceId): SourceMappingConfig | undefined {
    return this.sources[source]?.mapping;
  }
}

export const HR_SOURCES_FILE = 'hr-sources.yaml';
export const HR_SOURCES = Symbol('HR_SOURCES');
