import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import type { AuthConfig } from './auth-config';
import type { PersonPrincipal } from './principal';
import { TENURE_ROLES, TenureRole } from './roles';

/** Where the provider is and whom its tokens must be for. */
export interface OidcSettings {
  issuer: string;
  audience: string;
}

/** Why a token was refused, said without repeating the token. */
export class InvalidAccessToken extends Error {}

/** Key types a standard provider signs access tokens with; `none` and HMAC are never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Validates the provider's JWT access tokens: signature against the keys its
 * discovery document names (fetched once, refreshed when a new key id shows
 * up), issuer, audience and expiry; then maps the claims to a person.
 */
export class AccessTokenVerifier {
  private keys?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly config: AuthConfig,
  ) {}

  async verify(token: string): Promise<PersonPrincipal> {
    return this.personOf(await this.verifyClaims(token));
  }

  /** The token's claims once signature, issuer, audience and expiry hold (for clients that are not people). */
  async verifyClaims(token: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: 30,
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new InvalidAccessToken(error.code);
      throw error;
    }
    return payload;
  }

  private personOf(payload: JWTPayload): PersonPrincipal {
    if (!payload.sub) throw new InvalidAccessToken('ERR_JWT_CLAIM_VALIDATION_FAILED: sub is missing');
    const { claims, roles } = this.config;
    const groupsClaim = payload[claims.groups];
    const groups = Array.isArray(groupsClaim) ? groupsClaim.filter((g): g is string => typeof g === 'string') : [];
    const held = TENURE_ROLES.filter((role: TenureRole) => roles[role].some((group) => groups.includes(group)));
    const employeeClaim = claims.employeeId ? payload[claims.employeeId] : undefined;
    const employeeId = typeof employeeClaim === 'string' && employeeClaim !== '' ? employeeClaim : undefined;
    return { kind: 'person', subject: payload.sub, employeeId, roles: held, actorId: employeeId ?? payload.sub };
  }

  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.keys ??= this.discover().catch((error: unknown) => {
      // The provider may come up after the service: try again with the next request.
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const url = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new ProviderUnavailable(`discovery answered ${response.status}`);
    const document = (await response.json()) as { issuer?: string; jwks_uri?: string };
    if (document.issuer !== this.settings.issuer || !document.jwks_uri) {
      throw new ProviderUnavailable('the discovery document names another issuer or no jwks_uri');
    }
    return createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: 5000 });
  }
}

/** The identity provider could not be asked for its keys. */
export class ProviderUnavailable extends Error {}
