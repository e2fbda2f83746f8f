import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const CONNECTOR_KINDS = ['scim'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export const AUTH_TYPES = ['bearer'] as const;

/** How the gateway authenticates to an app. The secret itself never sits in the file. */
export class AppAuthConfig {
  @IsIn(AUTH_TYPES)
  type: (typeof AUTH_TYPES)[number];

  @ValidateIf((auth: AppAuthConfig) => auth.tokenFile === undefined)
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'tokenEnv must name an environment variable (or give tokenFile)' })
  tokenEnv?: string;

  @IsOptional()
  @IsString()
  tokenFile?: string;
}

export class ScimConnectorConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl: string;
}

export class AppConfig {
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'id must be lower-case letters, digits and dashes' })
  id: string;

  @IsString()
  @MaxLength(128)
  displayName: string;

  @IsIn(CONNECTOR_KINDS)
  connector: ConnectorKind;

  @ValidateIf((app: AppConfig) => app.connector === 'scim')
  @ValidateNested()
  @Type(() => ScimConnectorConfig)
  scim?: ScimConnectorConfig;

  @ValidateNested()
  @Type(() => AppAuthConfig)
  auth: AppAuthConfig;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeoutMs = 10_000;
}

export class AppsConfig {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AppConfig)
  @ArrayUnique((app: AppConfig) => app.id, { message: 'each app id must appear once' })
  apps: AppConfig[];
}
