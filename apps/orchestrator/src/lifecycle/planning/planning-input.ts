import type { AccountState, Employee } from '@tenure/domain';
import type { LifecycleSettings } from '@tenure/policy';
import type {
  AccessRequestRecord,
  EmployeeLifecycleState,
  GrantedAccess,
  PhaseCommit,
  PhaseName,
  PlannedChange,
  PlanSubject,
} from '@tenure/temporal-contracts';

/** Everything a plan depends on, gathered first so that planning itself is a pure function. */
export interface PlanningInput {
  subject: PlanSubject;
  /** ISO instant planning happens at. */
  now: string;
  person?: { state: EmployeeLifecycleState; attributes: Employee };
  accounts: AccountState[];
  /** The manager's accounts: a leaver's data goes to the manager only in apps where the manager has one. */
  managerAccounts: AccountState[];
  /** The desired entitlements the identity store holds now. */
  entitlements: GrantedAccess[];
  /** Approved access requests still in force: their apps are kept when birthright no longer grants them. */
  accessGrants: AccessRequestRecord[];
  settings: LifecycleSettings;
  /** Capabilities per app, as the connector gateway declares them. */
  capabilities: ReadonlyMap<string, readonly string[]>;
  /** Birthright entitlements for a set of attributes. */
  policy: (employee: Employee) => GrantedAccess[];
}

export type DraftChange = Omit<PlannedChange, 'support'>;

export interface DraftPhase {
  name: PhaseName;
  at: string;
  commit?: PhaseCommit;
  changes: DraftChange[];
}

/** Accounts an app still holds for the person (it has the app's id and is not deleted). */
export function liveAccounts(accounts: AccountState[]): (AccountState & { externalId: string })[] {
  return accounts.filter(
    (account): account is AccountState & { externalId: string } =>
      account.externalId !== undefined && account.status !== 'deleted',
  );
}

export function accountOf(accounts: AccountState[], appId: string): AccountState | undefined {
  return accounts.find((account) => account.appId === appId && account.status !== 'deleted');
}

/** The rule names a change cites: one justification, as the audit trail records it. */
export function ruleOf(rules: string[]): string | undefined {
  return rules.length > 0 ? rules.join(',') : undefined;
}
