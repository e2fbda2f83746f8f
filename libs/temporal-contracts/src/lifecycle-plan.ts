// Plain types: the planner (an activity and the dry-run API) produces them and the workflow executes them.
import type { Employee, LifecycleEvent, LifecycleEventType } from '@tenure/domain';

/** One change to one account; the same names appear in dry-run plans and in decisions. */
export const CHANGE_KINDS = [
  'create',
  'enable',
  'update',
  'group.add',
  'group.remove',
  'disable',
  'suspend',
  'revoke_sessions',
  'transfer_ownership',
  'delete',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** `not_supported`: the app's connector lacks the capability, so the change is shown but never attempted. */
export type ChangeSupport = 'supported' | 'not_supported';

/**
 * The named steps of a run. Each phase is planned again from the identity
 * store when it falls due, so what runs is exactly what a dry run shows at
 * that moment.
 */
export const PHASE_NAMES = [
  'prepare',
  'start',
  'apply',
  'revoke',
  'disable',
  'cleanup',
  'delete',
  'suspend',
  'restore',
  'remove',
  'grant',
  'expire',
  'record',
] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

export interface PlannedChange {
  appId: string;
  change: ChangeKind;
  support: ChangeSupport;
  /** The policy rule (or `access-request:<id>`, `contractor-end-date`, `lifecycle`) that justifies the change. */
  rule?: string;
  groups?: string[];
  roles?: string[];
  /** A `create` ahead of the start date: the account is made and left disabled until the start. */
  pending?: boolean;
  /** Receiver of a leaver's data (`transfer_ownership`). */
  toEmployeeId?: string;
}

/** What policy grants a person in one app (mirrors the policy library's Entitlement). */
export interface GrantedAccess {
  appId: string;
  roles: string[];
  groups: string[];
  rules: string[];
}

export type EmployeeLifecycleState = 'new' | 'pending_start' | 'active' | 'on_leave' | 'terminated' | 'hire_cancelled';

/** What a phase writes to the identity store before its changes run. */
export interface PhaseCommit {
  state: EmployeeLifecycleState;
  attributes?: Employee;
  /** Replaces the desired entitlements. */
  entitlements?: GrantedAccess[];
}

export interface PlanPhase {
  name: PhaseName;
  /** ISO instant the phase runs. */
  at: string;
  commit?: PhaseCommit;
  changes: PlannedChange[];
}

export interface LifecyclePlan {
  employeeId: string;
  eventId: string;
  eventType: LifecycleEventType;
  /** The effective moment, read in the person's time zone when the event gave no offset. */
  effectiveAt: string;
  phases: PlanPhase[];
  /**
   * Accounts that the plan disables or deletes. One person's plan never waits
   * for that number (the mass-change guard counts people org-wide); `limit`
   * appears only in plans recorded before the guard, which their workflows replay.
   */
  blastRadius: { accounts: number; limit?: number };
  /** Why nothing changes, e.g. a change to a leaver's record. */
  note?: string;
}

/** What is planned: an HR event, or the grant of an approved access request. */
export type PlanSubject =
  | { kind: 'event'; event: LifecycleEvent; origin?: 'hr' | 'contractor_end_date' }
  | { kind: 'access'; request: AccessRequestRecord };

/** `revoked`: an access review took the granted access away before its end. */
export type AccessRequestStatus = 'pending' | 'approved' | 'denied' | 'expired' | 'revoked';

export interface AccessRequestRecord {
  requestId: string;
  employeeId: string;
  appId: string;
  roles: string[];
  groups: string[];
  reason: string;
  /** ISO date or instant when the extra access ends by itself. */
  endDate?: string;
  status: AccessRequestStatus;
  requestedBy: string;
  /** Owners of what is asked for, who approve as well as the manager. */
  owners?: string[];
  /** Who has approved so far, while more approvals are needed. */
  approvedBy?: string[];
  decidedBy?: string;
  decidedAt?: string;
  /** Who revoked the granted access (a reviewer in an access review), and when. */
  revokedBy?: string;
  revokedAt?: string;
  createdAt: string;
}

/** Whether a change removes access (it counts against the mass-change guard). */
export function removesAccount(change: PlannedChange): boolean {
  return change.change === 'disable' || change.change === 'delete';
}
