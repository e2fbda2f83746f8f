import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  IsUrl,
  Min,
  MinLength,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A token or signing secret: long enough that guessing it is hopeless. */
export const SECRET_MIN_LENGTH = 16;

export function IsPort(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt({ message: 'must be a port number (1-65535)' })(target, key);
    Min(1, { message: 'must be a port number (1-65535)' })(target, key);
    Max(65535, { message: 'must be a port number (1-65535)' })(target, key);
  };
}

export function IsSecret(): PropertyDecorator {
  return (target, key) => {
    IsString({ message: 'must be set' })(target, key);
    MinLength(SECRET_MIN_LENGTH, { message: `must be at least ${SECRET_MIN_LENGTH} characters` })(target, key);
  };
}

/** A secret that may be left unset (e.g. the one being rotated out, or a feature switched off). */
export function IsOptionalSecret(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsSecret()(target, key);
  };
}

export class LoggingEnvironment {
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

export class DatabaseEnvironment {
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string;

  /** The schema owner's URL, for migrations; DATABASE_URL is then the service's own role. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_MIGRATION_URL?: string;
}

export class KafkaEnvironment {
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean)
      : value,
  )
  @ArrayNotEmpty({ message: 'must list at least one host:port' })
  @Matches(/^[^\s:]+:\d+$/, { each: true, message: 'must be host:port[,host:port]' })
  KAFKA_BROKERS: string[];

  /** Lets a test environment share a broker with the dev one. */
  @IsString()
  @Matches(/^[a-z0-9._-]*$/, { message: 'may contain a-z 0-9 . _ - only' })
  TENURE_TOPIC_PREFIX: string = '';
}

export class TemporalEnvironment {
  @Matches(/^[^\s:]+:\d+$/, { message: 'must be host:port' })
  TEMPORAL_ADDRESS: string = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE: string = 'default';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_TASK_QUEUE: string = 'tenure-lifecycle';
}

export class ConfigDirectoryEnvironment {
  @IsString()
  @IsNotEmpty()
  TENURE_CONFIG_DIR: string = 'config';
}

export class ListenEnvironment {
  /** Loopback by default: a service is reachable from elsewhere only when asked for. */
  @IsString()
  @IsNotEmpty()
  TENURE_BIND_HOST: string = '127.0.0.1';
}

export class MetricsEnvironment {
  /** The scrape credential `GET /metrics` takes in every service (Prometheus `authorization`). Unset: no scrape token. */
  @IsOptionalSecret()
  TENURE_METRICS_TOKEN?: string;
}

/** The OpenID Connect provider people sign in with, and the audience its access tokens must carry for Tenure's APIs. */
export class OidcEnvironment {
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be the issuer URL of the OpenID Connect provider' },
  )
  TENURE_OIDC_ISSUER: string;

  @IsString({ message: 'must be set: the audience (resource) of access tokens for Tenure' })
  @IsNotEmpty({ message: 'must be set: the audience (resource) of access tokens for Tenure' })
  TENURE_OIDC_AUDIENCE: string;
}
