import { ApiProperty } from '@nestjs/swagger';
import type {
  AccountCreatedResponse,
  AccountDeletedResponse,
  AccountDisabledResponse,
  AccountEnabledResponse,
  AccountUpdatedResponse,
  OwnershipTransferredResponse,
  SessionsRevokedResponse,
} from '@tenure/contracts';

/** `externalId` is the app's own id for the account. */
export class AccountCreatedView implements AccountCreatedResponse {
  appId!: string;
  externalId!: string;
  /** `disabled` when the request asked for `active: false` (an account prepared ahead of a start). */
  @ApiProperty({ enum: ['active', 'disabled'] })
  status!: 'active' | 'disabled';
  /** False when an existing account was found and re-used. */
  created!: boolean;
}

export class AccountUpdatedView implements AccountUpdatedResponse {
  appId!: string;
  externalId!: string;
  groups!: string[];
}

export class AccountEnabledView implements AccountEnabledResponse {
  appId!: string;
  externalId!: string;
  @ApiProperty({ enum: ['active'] })
  status!: 'active';
}

export class AccountDisabledView implements AccountDisabledResponse {
  appId!: string;
  externalId!: string;
  @ApiProperty({ enum: ['disabled'] })
  status!: 'disabled';
}

export class SessionsRevokedView implements SessionsRevokedResponse {
  appId!: string;
  externalId!: string;
  revoked!: number;
}

export class OwnershipTransferredView implements OwnershipTransferredResponse {
  appId!: string;
  externalId!: string;
  toExternalId!: string;
  transferred!: number;
}

export class AccountDeletedView implements AccountDeletedResponse {
  appId!: string;
  externalId!: string;
  @ApiProperty({ enum: ['deleted'] })
  status!: 'deleted';
  /** False when the account was already gone. */
  deleted!: boolean;
}
