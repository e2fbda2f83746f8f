// Loaded inside the Temporal workflow sandbox: only @temporalio/workflow and plain types here.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AccountState, LifecycleEvent } from '@tenure/domain';
import type { AccessRequestRecord, EmployeeLifecycleState } from './lifecycle-plan';
import type { RunState } from './lifecycle-run';

export type { EmployeeLifecycleState } from './lifecycle-plan';

export const EMPLOYEE_LIFECYCLE_WORKFLOW = 'employeeLifecycleWorkflow';

/** One workflow per person: the id makes signal-with-start find the same run for every event. */
export function employeeWorkflowId(employeeId: string): string {
  return `employee-${employeeId}`;
}

/** The ordering key of the last applied event: anything older is stale. */
export interface AppliedMark {
  eventId: string;
  effectiveAt: string;
  receivedAt: string;
}

/** Start arguments; a continued-as-new run also carries the previous run's state. */
export interface EmployeeLifecycleInput {
  employeeId: string;
  state?: EmployeeLifecycleState;
  lastEventId?: string;
  appliedEventIds?: string[];
  accounts?: AccountState[];
  lastApplied?: AppliedMark;
  /** Runs still scheduled, waiting for approval or with steps needing attention. */
  runs?: RunState[];
  accessRequests?: AccessRequestRecord[];
  /** The person's manager, who approves access requests. */
  managerId?: string;
  /** Events received but not yet decided when the previous run continued as new. */
  pendingEvents?: LifecycleEvent[];
  /** History length after which the run continues as new (default 2,000 events, or when Temporal suggests it). */
  historyLimit?: number;
}

export interface EmployeeLifecycleSnapshot {
  employeeId: string;
  state: EmployeeLifecycleState;
  accounts: AccountState[];
  lastEventId?: string;
  pendingEvents: number;
  runs: RunState[];
  accessRequests: AccessRequestRecord[];
}

/** Signal rather than update: the sender (a Kafka consumer) must not wait for apps to answer. */
export const lifecycleEventSignal = defineSignal<[LifecycleEvent]>('lifecycleEvent');

export const employeeSnapshotQuery = defineQuery<EmployeeLifecycleSnapshot>('employeeSnapshot');

/** An operator's command on one run; `actorId` is recorded with the decision. */
export interface RunCommand {
  runId: string;
  actorId: string;
  reason?: string;
}

export interface RetryStepCommand extends RunCommand {
  /** Retry only this app's failed steps; all failed steps of the run when absent. */
  appId?: string;
}

// Updates rather than signals: the operator waits for the answer (done, or why not).
export const approveRunUpdate = defineUpdate<RunState, [RunCommand]>('approveRun');
export const rejectRunUpdate = defineUpdate<RunState, [RunCommand]>('rejectRun');
export const cancelRunUpdate = defineUpdate<RunState, [RunCommand]>('cancelRun');
export const retryStepUpdate = defineUpdate<RunState, [RetryStepCommand]>('retryStep');

export interface AccessRequestInput {
  appId: string;
  roles: string[];
  groups: string[];
  reason: string;
  endDate?: string;
  requestedBy: string;
  /** Employee ids of the owners of what is asked for (from the app's catalogue); each approves as well as the manager. */
  owners?: string[];
}

export interface AccessDecisionInput {
  requestId: string;
  approverId: string;
  approve: boolean;
  reason?: string;
}

export const requestAccessUpdate = defineUpdate<AccessRequestRecord, [AccessRequestInput]>('requestAccess');
export const decideAccessUpdate = defineUpdate<AccessRequestRecord, [AccessDecisionInput]>('decideAccess');

/** An access review's revoke of granted access: it ends now, through the same run that granted it. */
export interface AccessRevocationInput {
  requestId: string;
  actorId: string;
  reason: string;
}

/** Update: the reviewer's API call waits until the removal is planned (its run id), not until apps answer. */
export const revokeAccessUpdate = defineUpdate<RunState, [AccessRevocationInput]>('revokeAccess');

/** Error types an update's validator or handler raises; the ops API maps them to HTTP statuses. */
export const UPDATE_ERROR_TYPES = ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INVALID'] as const;
export type UpdateErrorType = (typeof UPDATE_ERROR_TYPES)[number];

/**
 * Error types of activity failures caused by the data of an event or run,
 * never by the infrastructure: such a failure is non-retryable and the
 * workflow turns the run it belongs to into a rejected run with the reason.
 * INVALID_EVENT: the event cannot be planned (e.g. its dates cannot be read);
 * INVALID_DATA: the identity store refuses a value (e.g. a NUL character, a
 * time out of range).
 */
export const DATA_ERROR_TYPES = ['INVALID_EVENT', 'INVALID_DATA'] as const;
export type DataErrorType = (typeof DATA_ERROR_TYPES)[number];
