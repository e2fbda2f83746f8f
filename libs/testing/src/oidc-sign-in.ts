import { createHash, randomBytes } from 'node:crypto';

export interface OidcClient {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  /** The resource indicator (RFC 8707) the access token is for. */
  resource: string;
}

export interface OidcTokens {
  accessToken: string;
  idToken: string;
  expiresIn: number;
}

/** Cookies by name, as a browser keeps them for one site (paths are not told apart: one flow at a time). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * Signs a person in as a browser would: authorization code with PKCE through
 * the provider's own sign-in page, following its redirects with a cookie jar,
 * then exchanges the code for tokens at the token endpoint.
 */
export async function signInWithPassword(client: OidcClient, login: string, password: string): Promise<OidcTokens> {
  const discovery = (await (await fetch(`${client.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const jar = new CookieJar();
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.redirectUri,
    scope: 'openid email profile groups tenure',
    resource: client.resource,
    state,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();

  const step = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(response);
    return response;
  };
  const next = (response: Response, from: string) => {
    const location = response.headers.get('location');
    if (!location) throw new Error(`sign-in: ${from} answered ${response.status} without a redirect`);
    return new URL(location, client.issuer).toString();
  };

  const loginUrl = next(await step(authorize.toString()), 'the authorization endpoint');
  const page = await step(loginUrl);
  const action = /action="([^"]+)"/.exec(await page.text())?.[1];
  if (!action) throw new Error(`sign-in: no login form at ${loginUrl} (${page.status})`);
  const submitted = await step(new URL(action, client.issuer).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  });
  if (submitted.status === 401) throw new Error(`sign-in: the provider refused ${login}'s password`);
  let location = next(submitted, 'the login form');
  while (!location.startsWith(client.redirectUri)) {
    location = next(await step(location), location);
  }
  const callback = new URL(location);
  if (callback.searchParams.get('state') !== state) throw new Error('sign-in: the state came back changed');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`sign-in: no code (${callback.searchParams.get('error')})`);

  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (client.clientSecret) {
    headers.authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  }
  const token = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers,
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
      resource: client.resource,
      ...(client.clientSecret ? {} : { client_id: client.clientId }),
    }).toString(),
  });
  const body = (await token.json()) as {
    access_token?: string;
    id_token?: string;
    expires_in?: number;
    error?: string;
  };
  if (!token.ok || !body.access_token || !body.id_token) {
    throw new Error(`sign-in: the token endpoint answered ${token.status} ${body.error ?? ''}`);
  }
  return { accessToken: body.access_token, idToken: body.id_token, expiresIn: body.expires_in ?? 0 };
}
