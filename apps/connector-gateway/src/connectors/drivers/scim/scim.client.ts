import { ConnectorException } from '../../connector.exception';
import { BearerCredential } from '../../bearer-credential';
import { classifyScimResponse, classifyTransportError } from './scim-error.classifier';
import { ScimApi, ScimMethod } from './scim.types';

export interface ScimClientOptions {
  baseUrl: string;
  credential: BearerCredential;
  timeoutMs: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** SCIM 2.0 over HTTP with Node's fetch: every failure leaves here as a classified ConnectorException. */
export class ScimClient implements ScimApi {
  private readonly baseUrl: string;

  constructor(private readonly options: ScimClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async request(method: ScimMethod, path: string, body?: unknown): Promise<unknown> {
    const { credential, timeoutMs } = this.options;
    let status: number;
    let headers: Headers;
    let text: string;
    try {
      // The timeout covers the whole exchange, body included: a stalled body is as bad as no answer.
      const response = await fetch(`${this.baseUrl}${path}`, {
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
