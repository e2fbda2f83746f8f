import { ConnectorException } from '../../connector.exception';
import { BearerCredential } from '../../bearer-credential';
import { RequestGuard, UNGUARDED } from '../../../protection/app-guard';
import { classifyScimResponse, classifyTransportError } from './scim-error.classifier';
import { AppHttp, ScimApi, ScimMethod } from './scim.types';

export interface ScimClientOptions {
  baseUrl: string;
  credential: BearerCredential;
  timeoutMs: number;
  /** The app's rate limit and circuit breaker; every request passes through it. */
  guard?: RequestGuard;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** SCIM 2.0 over HTTP with Node's fetch: every failure leaves here as a classified ConnectorException. */
export class ScimClient implements ScimApi, AppHttp {
  private readonly baseUrl: string;

  constructor(private readonly options: ScimClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  request(method: ScimMethod, path: string, body?: unknown): Promise<unknown> {
    return this.call(method, `${this.baseUrl}${path}`, body);
  }

  /** Any URL of the app (its own API beside SCIM), with the same credential, timeout and error classification. */
  call(method: ScimMethod, url: string, body?: unknown): Promise<unknown> {
    return (this.options.guard ?? UNGUARDED).run(() => this.send(method, url, body));
  }

  private async send(method: ScimMethod, url: string, body?: unknown): Promise<unknown> {
    const { credential, timeoutMs } = this.options;
    let status: number;
    let headers: Headers;
    let text: string;
    try {
      // The timeout covers the whole exchange, body included: a stalled body is as bad as no answer.
      const response = await fetch(url, {
        method,
        headers: {
          accept: 'application/scim+json, application/json',
          authorization: credential.authorizationHeader(),
          ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      headers = response.headers;
      text = await response.text();
    } catch (error) {
      throw classifyTransportError(error, timeoutMs);
    }
    if (status < 200 || status >= 300) throw classifyScimResponse(status, headers, parseJson(text));
    if (status === 204 || text.trim() === '') return undefined;
    const parsed = parseJson(text);
    if (parsed === undefined)
      throw new ConnectorException('TEMPORARY', 'the app answered with a body that is not JSON');
    return parsed;
  }
}
