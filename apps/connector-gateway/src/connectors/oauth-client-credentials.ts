import { inspect } from 'node:util';
import { ConnectorException } from './connector.exception';
import { HttpCredential } from './http-credential';
import { SecretValue } from './secret-value';

export interface OAuthClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: SecretValue;
  scope?: string;
  timeoutMs: number;
  now?: () => number;
}

/** A token is renewed this long before the app would refuse it, so no request goes out with one about to expire. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): a token from the app's token
 * endpoint, kept until shortly before it expires, fetched again on expiry or
 * when the app refuses it (401). Concurrent requests share one fetch.
 */
export class OAuthClientCredentials implements HttpCredential {
  readonly refreshable = true;
  private current: { value: string; renewAt: number } | undefined;
  private pending: Promise<{ value: string; renewAt: number }> | undefined;

  constructor(private readonly options: OAuthClientCredentialsOptions) {}

  async authorizationHeader(): Promise<string> {
    if (this.current && this.current.renewAt > this.now()) return `Bearer ${this.current.value}`;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    this.current = await this.pending;
    return `Bearer ${this.current.value}`;
  }

  invalidate(): void {
    this.current = undefined;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return `OAuthClientCredentials(${this.options.clientId}, [redacted])`;
  }

  private async fetchToken(): Promise<{ value: string; renewAt: number }> {
    const { tokenUrl, clientId, clientSecret, scope, timeoutMs } = this.options;
    const basic = Buffer.from(
      `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret.reveal())}`,
      'utf8',
    ).toString('base64');
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new ConnectorException('TEMPORARY', "the app's token endpoint could not be reached");
    }
    const body = (await response.json().catch(() => undefined)) as
      { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
    if (response.status >= 500 || response.status === 429) {
      throw new ConnectorException('TEMPORARY', `the app's token endpoint answered HTTP ${response.status}`);
    }
    if (!response.ok || typeof body?.access_token !== 'string') {
      const reason = typeof body?.error === 'string' ? `: ${body.error.slice(0, 100)}` : '';
      throw new ConnectorException('UNAUTHORIZED', `the app's token endpoint refused the client credentials${reason}`);
    }
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    return { value: body.access_token, renewAt: this.now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2) };
  }
}
