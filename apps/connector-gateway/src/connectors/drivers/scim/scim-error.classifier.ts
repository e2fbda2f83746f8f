import { ConnectorErrorCode, ConnectorException } from '../../connector.exception';

/** The SCIM error message (RFC 7644 §3.12) an app puts in the body of a failure. */
function detailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { detail, scimType } = body as { detail?: unknown; scimType?: unknown };
  const parts = [typeof scimType === 'string' ? scimType : undefined, typeof detail === 'string' ? detail : undefined];
  const text = parts.filter(Boolean).join(': ');
  return text ? text.slice(0, 500) : undefined;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function codeForStatus(status: number): ConnectorErrorCode {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 404) return 'NOT_FOUND';
  // 412: the resource changed under us (ETag precondition).
  if (status === 409 || status === 412) return 'CONFLICT';
  if (status === 408 || status === 425) return 'TEMPORARY';
  // 501: the app does not implement the operation; asking again will not change that.
  if (status === 501) return 'INVALID';
  if (status >= 500) return 'TEMPORARY';
  if (status >= 400) return 'INVALID';
  return 'TEMPORARY';
}

/** Classifies an app's non-2xx answer. */
export function classifyScimResponse(
  status: number,
  headers: Headers,
  body: unknown,
  now: number = Date.now(),
): ConnectorException {
  const code = codeForStatus(status);
  const detail = detailOf(body);
  const message =
    code === 'UNAUTHORIZED'
      ? `the app refused the gateway's credentials (HTTP ${status})`
      : `the app answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  const retryAfter =
    code === 'RATE_LIMITED' || code === 'TEMPORARY' ? parseRetryAfter(headers.get('retry-after'), now) : undefined;
  return new ConnectorException(code, message, retryAfter, status);
}

/** Classifies a request that got no answer: timeouts, refused or reset connections, DNS failures. */
export function classifyTransportError(error: unknown, timeoutMs: number): ConnectorException {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError')
    return new ConnectorException('TEMPORARY', `the app did not answer within ${timeoutMs} ms`);
  if (name === 'AbortError') return new ConnectorException('TEMPORARY', 'the request to the app was aborted');
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const reason =
    typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : 'unknown error';
  return new ConnectorException('TEMPORARY', `the app could not be reached (${reason})`);
}
