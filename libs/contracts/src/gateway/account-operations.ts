import { IsOptional } from 'class-validator';
import type { AccountStatus } from '@tenure/domain';
import { IsEmailAddress, IsEmployeeId, IsOptionalNameList, IsOptionalText } from '../field-rules';

/**
 * The connector gateway's account operations beyond create and disable.
 * Every one is idempotent: repeating it after a timeout changes nothing more.
 *
 *   PATCH  /v1/apps/:appId/accounts/:externalId                     UpdateAccountRequest   -> AccountUpdatedResponse
 *   POST   /v1/apps/:appId/accounts/:externalId/enable                                     -> AccountEnabledResponse
 *   POST   /v1/apps/:appId/accounts/:externalId/disable                                    -> AccountDisabledResponse
 *   POST   /v1/apps/:appId/accounts/:externalId/revoke-sessions                            -> SessionsRevokedResponse
 *   POST   /v1/apps/:appId/accounts/:externalId/transfer-ownership TransferOwnershipRequest -> OwnershipTransferredResponse
 *   DELETE /v1/apps/:appId/accounts/:externalId                                            -> AccountDeletedResponse
 *   GET    /v1/apps/:appId/accounts?cursor=&limit=                                         -> AccountPage
 *
 * An operation the app's connector does not declare answers 422 with code
 * NOT_SUPPORTED (non-retryable); deleting an account that is already gone
 * answers 200 with `deleted: false`.
 */

/** Body of `PATCH …/accounts/:externalId`: only the fields given change. */
export class UpdateAccountRequest {
  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @IsOptionalText(256)
  givenName?: string;

  @IsOptionalText(256)
  familyName?: string;

  @IsOptionalText(256)
  displayName?: string;

  @IsOptionalText()
  department?: string;

  @IsOptionalText()
  title?: string;

  @IsOptional()
  @IsEmployeeId()
  managerId?: string;

  /** Group display names to add the account to (created in the app when missing). */
  @IsOptionalNameList()
  addGroups?: string[];

  /** Group display names to remove the account from; a group it is not in is ignored. */
  @IsOptionalNameList()
  removeGroups?: string[];
}

/** Body of `POST …/transfer-ownership`: the person who receives the leaver's data (usually the manager). */
export class TransferOwnershipRequest {
  @IsEmployeeId()
  toEmployeeId: string;
}

export interface AccountUpdatedResponse {
  appId: string;
  externalId: string;
  groups: string[];
}

export interface AccountEnabledResponse {
  appId: string;
  externalId: string;
  status: Extract<AccountStatus, 'active'>;
}

export interface SessionsRevokedResponse {
  appId: string;
  externalId: string;
  revoked: number;
}

export interface OwnershipTransferredResponse {
  appId: string;
  externalId: string;
  toExternalId: string;
  transferred: number;
}

export interface AccountDeletedResponse {
  appId: string;
  externalId: string;
  status: Extract<AccountStatus, 'deleted'>;
  /** False when the account was already gone. */
  deleted: boolean;
}

/** One account as the app reports it, for reconciliation. */
export interface AccountSnapshot {
  externalId: string;
  userName: string;
  /** The employeeId the account carries (SCIM externalId / enterprise employeeNumber), if any. */
  employeeId?: string;
  email?: string;
  active: boolean;
  groups: string[];
  department?: string;
  title?: string;
}

export interface AccountPage {
  items: AccountSnapshot[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/** An item of `GET /v1/apps`. */
export interface AppSummary {
  appId: string;
  kind: string;
  displayName?: string;
  capabilities: string[];
  health: { circuit: CircuitState; consecutiveFailures: number; openUntil?: string };
  /** Requests to the app over the last `windowSeconds`, and how many of them failed (any error code). */
  recent?: RecentRequests;
}

export interface RecentRequests {
  windowSeconds: number;
  requests: number;
  failed: number;
}
