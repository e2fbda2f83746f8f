import type { GatewayErrorBody, GatewayErrorCode } from '@tenure/contracts';

/**
 * Why an app operation failed, in terms a caller can act on (wire values: keep
 * them stable). UNKNOWN_APP is the gateway's own, never a connector's.
 */
export type ConnectorErrorCode = Exclude<GatewayErrorCode, 'UNKNOWN_APP'>;

export interface ConnectorErrorPolicy {
  httpStatus: number;
  /** Whether the same request may succeed later without anyone changing anything. */
  retryable: boolean;
}

/** The one place that decides what each failure means for the gateway's caller. */
export function connectorErrorPolicy(code: ConnectorErrorCode): ConnectorErrorPolicy {
  switch (code) {
    case 'RATE_LIMITED':
      return { httpStatus: 429, retryable: true };
    case 'TEMPORARY':
      return { httpStatus: 503, retryable: true };
    case 'NOT_FOUND':
      return { httpStatus: 404, retryable: false };
    case 'CONFLICT':
      return { httpStatus: 409, retryable: false };
    // The app refused the gateway's own credentials: the fault lies upstream of
    // the caller (502), and no retry helps until someone fixes the token.
    case 'UNAUTHORIZED':
      return { httpStatus: 502, retryable: false };
    case 'INVALID':
      return { httpStatus: 422, retryable: false };
    // The app's connector lacks the capability: a plan shows it as "not supported".
    case 'NOT_SUPPORTED':
      return { httpStatus: 422, retryable: false };
  }
}

export interface ConnectorErrorBody {
  error: GatewayErrorBody & { code: ConnectorErrorCode };
}

export class ConnectorException extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    /** The app's own HTTP status, when it gave one (e.g. 412 tells a stale ETag from a 409 uniqueness conflict). */
    readonly appStatus?: number,
  ) {
    super(message);
    this.name = 'ConnectorException';
  }

  get retryable(): boolean {
    return connectorErrorPolicy(this.code).retryable;
  }

  toBody(): ConnectorErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        retryable: this.retryable,
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      },
    };
  }
}
