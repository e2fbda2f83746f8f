import { ConnectorErrorCode } from '../../connector.exception';
import { classifyScimResponse, classifyTransportError, parseRetryAfter } from './scim-error.classifier';

const scimError = (status: number, detail: string, scimType?: string) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail,
});

describe('classifyScimResponse', () => {
  it.each<[number, ConnectorErrorCode]>([
    [400, 'INVALID'],
    [401, 'UNAUTHORIZED'],
    [403, 'UNAUTHORIZED'],
    [404, 'NOT_FOUND'],
    [405, 'INVALID'],
    [408, 'TEMPORARY'],
    [409, 'CONFLICT'],
    [412, 'CONFLICT'],
    [413, 'INVALID'],
    [422, 'INVALID'],
    [429, 'RATE_LIMITED'],
    [500, 'TEMPORARY'],
    [501, 'INVALID'],
    [502, 'TEMPORARY'],
    [503, 'TEMPORARY'],
    [504, 'TEMPORARY'],
  ])('HTTP %i is %s', (status, code) => {
    expect(classifyScimResponse(status, new Headers(), undefined).code).toBe(code);
  });

  it("passes on the app's explanation of a refused request", () => {
    const error = classifyScimResponse(
      400,
      new Headers(),
      scimError(400, 'emails[0].value is not an email', 'invalidValue'),
    );
    expect(error.message).toBe('the app answered HTTP 400: invalidValue: emails[0].value is not an email');
    expect(error.retryable).toBe(false);
  });

  it("keeps the app's words out of credential failures", () => {
    const error = classifyScimResponse(401, new Headers(), scimError(401, 'token abc123 expired'));
    expect(error.message).toBe("the app refused the gateway's credentials (HTTP 401)");
  });

  it('takes the delay from Retry-After on 429 and 503 only', () => {
    expect(classifyScimResponse(429, new Headers({ 'retry-after': '30' }), undefined).retryAfterSeconds).toBe(30);
    expect(classifyScimResponse(503, new Headers({ 'retry-after': '5' }), undefined).retryAfterSeconds).toBe(5);
    expect(classifyScimResponse(429, new Headers(), undefined).retryAfterSeconds).toBeUndefined();
    expect(classifyScimResponse(400, new Headers({ 'retry-after': '5' }), undefined).retryAfterSeconds).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads seconds and HTTP dates, never a negative delay', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('classifyTransportError', () => {
  it('treats timeouts, resets and refused connections as temporary', () => {
    const timeout = classifyTransportError(new DOMException('timed out', 'TimeoutError'), 2000);
    expect(timeout).toMatchObject({ code: 'TEMPORARY', message: 'the app did not answer within 2000 ms' });

    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    expect(classifyTransportError(reset, 2000)).toMatchObject({
      code: 'TEMPORARY',
      message: 'the app could not be reached (ECONNRESET)',
    });

    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyTransportError(refused, 2000).retryable).toBe(true);
  });
});
