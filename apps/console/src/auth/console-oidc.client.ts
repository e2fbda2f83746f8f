import { BaseClient, generators, Issuer } from 'openid-client';
import type { ConsoleEnvironment } from '../console.environment';

export interface SignInRequest {
  url: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export interface SignedInTokens {
  accessToken: string;
  idToken?: string;
  expiresAt: number;
  name?: string;
  email?: string;
}

/** The scopes Tenure's APIs need: who the person is, their groups, and the API's own scope. */
const SCOPES = 'openid email profile groups tenure';

/**
 * Authorization code with PKCE against the company's provider (or the
 * development one), run by the console's server: the browser only sees redirects.
 */
export class ConsoleOidcClient {
  private client?: Promise<BaseClient>;

  constructor(private readonly env: ConsoleEnvironment) {}

  get redirectUri(): string {
    return `${this.env.TENURE_CONSOLE_URL.replace(/\/$/, '')}/auth/callback`;
  }

  async signInRequest(): Promise<SignInRequest> {
    const client = await this.discovered();
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({
      scope: SCOPES,
      resource: this.env.TENURE_OIDC_AUDIENCE,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, codeVerifier, state, nonce };
  }

  async finishSignIn(
    callbackUrl: string,
    expected: { codeVerifier: string; state: string; nonce: string },
  ): Promise<SignedInTokens> {
    const client = await this.discovered();
    const params = client.callbackParams(callbackUrl);
    const tokens = await client.callback(
      this.redirectUri,
      params,
      { code_verifier: expected.codeVerifier, state: expected.state, nonce: expected.nonce },
      { exchangeBody: { resource: this.env.TENURE_OIDC_AUDIENCE } },
    );
    if (!tokens.access_token) throw new Error('the provider issued no access token');
    const claims = tokens.id_token ? tokens.claims() : undefined;
    return {
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      expiresAt: (tokens.expires_at ?? Math.floor(Date.now() / 1000) + 3600) * 1000,
      name: typeof claims?.name === 'string' ? claims.name : undefined,
      email: typeof claims?.email === 'string' ? claims.email : undefined,
    };
  }

  async signOutUrl(idToken: string | undefined): Promise<string | undefined> {
    const client = await this.discovered();
    if (!client.issuer.metadata.end_session_endpoint) return undefined;
    return client.endSessionUrl({
      id_token_hint: idToken,
      post_logout_redirect_uri: `${this.env.TENURE_CONSOLE_URL.replace(/\/$/, '')}/`,
    });
  }

  private discovered(): Promise<BaseClient> {
    this.client ??= Issuer.discover(this.env.TENURE_OIDC_ISSUER)
      .then(
        (issuer) =>
          new issuer.Client({
            client_id: this.env.TENURE_CONSOLE_CLIENT_ID,
            ...(this.env.TENURE_CONSOLE_CLIENT_SECRET
              ? { client_secret: this.env.TENURE_CONSOLE_CLIENT_SECRET }
              : { token_endpoint_auth_method: 'none' }),
            redirect_uris: [this.redirectUri],
            response_types: ['code'],
          }),
      )
      .catch((error: unknown) => {
        // The provider may come up after the console: ask again next time.
        this.client = undefined;
        throw error;
      });
    return this.client;
  }
}
