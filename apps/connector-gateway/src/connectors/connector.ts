import type { ConnectorKind } from '@tenure/config';

/** What a connector can do for an app; the orchestrator plans only what an app's connector declares. */
export const CONNECTOR_CAPABILITIES = [
  'create',
  'update',
  'disable',
  'delete',
  'groups',
  'revoke_sessions',
  'transfer_ownership',
  'list_accounts',
] as const;
export type ConnectorCapability = (typeof CONNECTOR_CAPABILITIES)[number];

/** A person as an app account should show them. */
export interface AccountProfile {
  employeeId: string;
  userName: string;
  email: string;
  givenName: string;
  familyName: string;
  displayName?: string;
  department?: string;
  title?: string;
  /** The manager's employeeId; the connector translates it to the manager's account in the app. */
  managerId?: string;
}

export interface CreateAccountRequest extends AccountProfile {
  /** Group display names the account must belong to. */
  groups: readonly string[];
}

export interface CreateAccountResult {
  /** The account's id in the app. */
  externalId: string;
  /** False when an existing account was found and re-used. */
  created: boolean;
}

export interface AccountLookup {
  employeeId?: string;
  userName?: string;
}

export interface Account {
  externalId: string;
  userName: string;
  employeeId?: string;
  active: boolean;
}

/**
 * The gateway's one way to act on an app. Every operation is idempotent:
 * repeating it after a timeout or a crash never makes a second account or
 * membership, which is what lets the orchestrator retry freely.
 */
export interface Connector {
  readonly kind: ConnectorKind;
  readonly capabilities: readonly ConnectorCapability[];
  findAccount(lookup: AccountLookup): Promise<Account | undefined>;
  /** Finds the person's account (re-activating it if needed) or creates it, then ensures group memberships. */
  createAccount(request: CreateAccountRequest): Promise<CreateAccountResult>;
  /** Disables the account with this externalId; an already disabled account is left as it is. */
  disableAccount(externalId: string): Promise<void>;
}
