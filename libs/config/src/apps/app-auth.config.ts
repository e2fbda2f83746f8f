import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateIf } from 'class-validator';

export const AUTH_TYPES = ['bearer', 'basic', 'oauth2'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * How the gateway authenticates to an app. Secrets never sit in the file: each
 * is named by an environment variable (`…Env`) or a file (`…File`).
 * - bearer: a static token (`tokenEnv` | `tokenFile`);
 * - basic: `username` and a password (`passwordEnv` | `passwordFile`); an
 *   LDAP directory binds with them (username is the bind DN);
 * - oauth2: the client-credentials grant (RFC 6749 §4.4) at `tokenUrl` with
 *   `clientId` and a secret (`clientSecretEnv` | `clientSecretFile`), optional `scope`.
 */
export class AppAuthConfig {
  @IsIn(AUTH_TYPES)
  type: AuthType;

  @ValidateIf((auth: AppAuthConfig) => auth.type === 'bearer' && auth.tokenFile === undefined)
  @Matches(ENV_NAME, { message: 'tokenEnv must name an environment variable (or give tokenFile)' })
  tokenEnv?: string;

  @IsOptional()
  @IsString()
  tokenFile?: string;

  @ValidateIf((auth: AppAuthConfig) => auth.type === 'basic')
  @IsString({ message: 'username is required for basic auth' })
  @MaxLength(512)
  username?: string;

  @ValidateIf((auth: AppAuthConfig) => auth.type === 'basic' && auth.passwordFile === undefined)
  @Matches(ENV_NAME, { message: 'passwordEnv must name an environment variable (or give passwordFile)' })
  passwordEnv?: string;

  @IsOptional()
  @IsString()
  passwordFile?: string;

  @ValidateIf((auth: AppAuthConfig) => auth.type === 'oauth2')
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'tokenUrl must be the http(s) URL of the token endpoint' },
  )
  tokenUrl?: string;

  @ValidateIf((auth: AppAuthConfig) => auth.type === 'oauth2')
  @IsString({ message: 'clientId is required for oauth2' })
  @MaxLength(512)
  clientId?: string;

  @ValidateIf((auth: AppAuthConfig) => auth.type === 'oauth2' && auth.clientSecretFile === undefined)
  @Matches(ENV_NAME, { message: 'clientSecretEnv must name an environment variable (or give clientSecretFile)' })
  clientSecretEnv?: string;

  @IsOptional()
  @IsString()
  clientSecretFile?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  scope?: string;
}
