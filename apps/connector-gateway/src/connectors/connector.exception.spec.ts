import { ConnectorErrorCode, ConnectorException, connectorErrorPolicy } from './connector.exception';

describe('connectorErrorPolicy', () => {
  it.each<[ConnectorErrorCode, number, boolean]>([
    ['RATE_LIMITED', 429, true],
    ['TEMPORARY', 503, true],
    ['NOT_FOUND', 404, false],
    ['CONFLICT', 409, false],
    ['UNAUTHORIZED', 502, false],
    ['INVALID', 422, false],
  ])('%s answers %i, retryable %s', (code, httpStatus, retryable) => {
    expect(connectorErrorPolicy(code)).toEqual({ httpStatus, retryable });
  });
});

describe('ConnectorException', () => {
  it('carries Retry-After only when the app gave one', () => {
    expect(new ConnectorException('RATE_LIMITED', 'slow down', 7).toBody()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'slow down', retryable: true, retryAfterSeconds: 7 },
    });
    expect(new ConnectorException('INVALID', 'bad email').toBody()).toEqual({
      error: { code: 'INVALID', message: 'bad email', retryable: false },
    });
  });
});
