import { Type } from 'class-transformer';
import { AppCatalogue } from './catalogue.config';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AppAuthConfig } from './app-auth.config';
import { CircuitBreakerConfig, RateLimitConfig } from './app-protection.config';
import { LdapConnectorConfig, ScimConnectorConfig } from './connector-settings.config';
import { ReconciliationConfig } from './reconciliation.config';

export * from './app-auth.config';
export * from './app-protection.config';
export * from './connector-settings.config';
export * from './reconciliation.config';
export * from './catalogue.config';

export const CONNECTOR_KINDS = ['scim', 'ldap'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** What a connector can do for an app; the orchestrator plans only what an app's connector declares. */
export const CONNECTOR_CAPABILITIES = [
  'create',
  'update',
  'disable',
  'delete',
  'groups',
  'revoke_sessions',
  'transfer_ownership',
  'list_accounts',
] as const;
export type ConnectorCapability = (typeof CONNECTOR_CAPABILITIES)[number];

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

  @ValidateIf((app: AppConfig) => app.connector === 'ldap')
  @ValidateNested()
  @Type(() => LdapConnectorConfig)
  ldap?: LdapConnectorConfig;

  @ValidateNested()
  @Type(() => AppAuthConfig)
  auth: AppAuthConfig;

  /** Capabilities the connector has but this app refuses (e.g. Salesforce never deletes users). */
  @IsOptional()
  @IsArray()
  @IsIn(CONNECTOR_CAPABILITIES, { each: true })
  unsupported: ConnectorCapability[] = [];

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeoutMs = 10_000;

  @IsOptional()
  @ValidateNested()
  @Type(() => CircuitBreakerConfig)
  circuitBreaker: CircuitBreakerConfig = new CircuitBreakerConfig();

  @IsOptional()
  @ValidateNested()
  @Type(() => RateLimitConfig)
  rateLimit: RateLimitConfig = new RateLimitConfig();

  /** The groups and roles people may request in this app (access requests); none when absent. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AppCatalogue)
  catalogue: AppCatalogue = new AppCatalogue();
}

export class AppsConfig {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AppConfig)
  @ArrayUnique((app: AppConfig) => app.id, { message: 'each app id must appear once' })
  apps: AppConfig[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ReconciliationConfig)
  reconciliation: ReconciliationConfig = new ReconciliationConfig();
}
