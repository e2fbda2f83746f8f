// Shared by the reconciliation workflow (Temporal's sandbox) and its activities: types and constants only.

export const RECONCILIATION_WORKFLOW = 'reconciliationWorkflow';

export interface ReconciliationInput {
  /** One app; absent: every app whose connector can list accounts. */
  appId?: string;
  /**
   * An operator asks for this run's orphans to be disabled even without
   * `autoDisableOrphans`; `maxAutoDisable` still holds (more orphans in an
   * app than that need approval and are left alone).
   */
  disableOrphans?: boolean;
}

/** What one app's reconciliation may do beyond reporting. */
export interface ReconcileAppOptions {
  disableOrphans?: boolean;
}

export interface ReconciliationSettings {
  /** Disable orphaned accounts without asking, provided there are at most `maxAutoDisable` in an app. */
  autoDisableOrphans: boolean;
  maxAutoDisable: number;
}

/** An account active in the app although no active person stands behind it. */
export interface OrphanedAccount {
  externalId: string;
  userName: string;
  employeeId?: string;
  /** The person's state in the identity store; absent: Tenure has never heard of them. */
  personState?: string;
}

/** An account Tenure did not create: no account row of the identity store points at it. */
export interface UnmanagedAccount {
  externalId: string;
  userName: string;
  employeeId?: string;
  active: boolean;
}

export interface AttributeDrift {
  field: 'email' | 'department' | 'title' | 'active';
  expected?: string;
  actual?: string;
}

/** A managed account whose attributes or groups differ from what the identity store and policy say. */
export interface DriftedAccount {
  externalId: string;
  employeeId: string;
  attributes: AttributeDrift[];
  missingGroups: string[];
  extraGroups: string[];
}

export type OrphanAction = 'none' | 'disabled' | 'needs_approval';

export interface AppReconciliationReport {
  appId: string;
  accountsInApp: number;
  counts: { orphaned: number; unmanaged: number; drifted: number; matched: number };
  /** Each list holds at most REPORT_ITEM_LIMIT entries; counts give the totals. */
  orphaned: OrphanedAccount[];
  unmanaged: UnmanagedAccount[];
  drifted: DriftedAccount[];
  orphanAction: OrphanAction;
  /** Orphans disabled by this run (automatic action). */
  disabled: string[];
  /** Why the app could not be reconciled, when it could not. */
  error?: string;
  durationMs: number;
}

export interface ReconciliationReport {
  startedAt: string;
  finishedAt: string;
  apps: AppReconciliationReport[];
}

/** Keeps a report within Temporal's payload limits for apps with many findings. */
export const REPORT_ITEM_LIMIT = 500;
