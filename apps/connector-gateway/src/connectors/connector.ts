import type { ConnectorCapability, ConnectorKind } from '@tenure/config';
import type { AccountPage } from '@tenure/contracts';

export { CONNECTOR_CAPABILITIES } from '@tenure/config';
export type { ConnectorCapability } from '@tenure/config';

/** What every driver must offer; revoking sessions and transferring ownership are up to the app. */
export const CORE_CAPABILITIES: readonly ConnectorCapability[] = [
  'create',
  'update',
  'disable',
  'delete',
  'groups',
  'list_accounts',
];

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
  /** Whether the person may sign in; false creates (or leaves) the account disabled. */
  active: boolean;
}

export interface CreateAccountResult {
  /** The account's id in the app. */
  externalId: string;
  /** False when an existing account was found and re-used. */
  created: boolean;
}

/** The profile fields an update changes; those left out stay as they are. */
export type ProfileChanges = Partial<Omit<AccountProfile, 'employeeId' | 'userName'>>;

export interface AccountChanges {
  profile: ProfileChanges;
  addGroups: readonly string[];
  removeGroups: readonly string[];
}

export interface OwnershipTransfer {
  /** The receiving person's account in the app. */
  toExternalId: string;
  /** How many items moved; 0 when repeated. */
  transferred: number;
}

export interface PageRequest {
  /** Opaque, as returned in a previous page's nextCursor. */
  cursor?: string;
  limit: number;
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
  /**
   * Finds the person's account or creates it, with the requested activation
   * (an account found in the other state is switched to it), then ensures group memberships.
   */
  createAccount(request: CreateAccountRequest): Promise<CreateAccountResult>;
  /** Disables the account with this externalId; an already disabled account is left as it is. */
  disableAccount(externalId: string): Promise<void>;
  /** Re-activates the account; an active one is left as it is. */
  enableAccount(externalId: string): Promise<void>;
  /** Changes the given profile fields and group memberships; answers the account's groups afterwards. */
  updateAccount(externalId: string, changes: AccountChanges): Promise<{ groups: string[] }>;
  /** Deletes the account; false when it was already gone. */
  deleteAccount(externalId: string): Promise<boolean>;
  /** Ends the account's sign-in sessions; answers how many were ended. */
  revokeSessions(externalId: string): Promise<number>;
  /** Hands what the account owns to the account of the person with toEmployeeId. */
  transferOwnership(externalId: string, toEmployeeId: string): Promise<OwnershipTransfer>;
  /** One page of the app's accounts, in a stable order. */
  listAccounts(page: PageRequest): Promise<AccountPage>;
}
