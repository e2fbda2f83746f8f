import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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

/**
 * An endpoint of the app's own API for what SCIM leaves out (sessions,
 * ownership). `{id}` in the URL stands for the account's id in the app.
 */
export class AppEndpointConfig {
  @Matches(/^https?:\/\/[^\s]*\{id\}[^\s]*$/, { message: 'url must be an http(s) URL containing {id}' })
  url: string;
}

export class ScimConnectorConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl: string;

  /** `DELETE` ends every session of the account and answers `{"revoked": n}`. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AppEndpointConfig)
  revokeSessions?: AppEndpointConfig;

  /** `POST {"toUserId"}` hands the account's items to another account and answers `{"transferred": n}`. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AppEndpointConfig)
  transferOwnership?: AppEndpointConfig;
}

/** After `failureThreshold` failures in a row the app's calls fail fast for `openSeconds`, then one probes. */
export class CircuitBreakerConfig {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  failureThreshold = 5;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  openSeconds = 30;
}

/**
 * A token bucket per app: `burst` requests at once, refilled at
 * `requestsPerSecond`, at most `maxConcurrent` in flight. A `429` whose
 * Retry-After is at most `maxRetryAfterWaitSeconds` is waited out and retried;
 * a longer one goes back to the caller as RATE_LIMITED.
 */
export class RateLimitConfig {
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(10_000)
  requestsPerSecond = 10;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  burst = 10;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxConcurrent = 4;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(300)
  maxRetryAfterWaitSeconds = 2;
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
}

/**
 * Reconciliation compares every app's accounts with the identity store on a
 * Temporal schedule (`everyMinutes`) and on demand. With `autoDisableOrphans`,
 * orphaned accounts are disabled, unless an app has more than
 * `maxAutoDisable` of them: then the report says the action needs approval.
 */
export class ReconciliationConfig {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  everyMinutes = 60;

  @IsOptional()
  @IsBoolean()
  autoDisableOrphans = false;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  maxAutoDisable = 10;
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
