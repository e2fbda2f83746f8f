import type { AccountStatus } from '@tenure/domain';

export interface AccountCreatedResponse {
  appId: string;
  externalId: string;
  status: Extract<AccountStatus, 'active'>;
  created: boolean;
}

export interface AccountDisabledResponse {
  appId: string;
  externalId: string;
  status: Extract<AccountStatus, 'disabled'>;
}
