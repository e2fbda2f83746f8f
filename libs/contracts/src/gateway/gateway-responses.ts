import type { AccountStatus } from '@tenure/domain';

/** `200` of `POST /v1/apps/:appId/accounts`; `externalId` is the app's own id for the account. */
export interface AccountCreatedResponse {
  appId: string;
  externalId: string;
  /** `disabled` when the request asked for `active: false` (an account prepared ahead of a start). */
  status: Extract<AccountStatus, 'active' | 'disabled'>;
  /** False when an existing account was found and re-used. */
  created: boolean;
}

/** `200` of `POST /v1/apps/:appId/accounts/:externalId/disable`. */
export interface AccountDisabledResponse {
  appId: string;
  externalId: string;
  status: Extract<AccountStatus, 'disabled'>;
}

export const GATEWAY_ERROR_CODES = [
  'RATE_LIMITED',
  'TEMPORARY',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'INVALID',
  'UNKNOWN_APP',
  'NOT_SUPPORTED',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** Every gateway error answers `{"error": GatewayErrorBody}`; `retryable` says whether trying again can help. */
export interface GatewayErrorBody {
  code: GatewayErrorCode;
  message: string;
  retryable: boolean;
  retryAfterSeconds?: number;
}
