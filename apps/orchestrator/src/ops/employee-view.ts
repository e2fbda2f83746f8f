import type { AccountStatus, Employee } from '@tenure/domain';
import type { AccessRequestRecord, EmployeeLifecycleState, RunState } from '@tenure/temporal-contracts';

export interface FailedStepView {
  runId: string;
  eventId: string;
  phase: string;
  appId: string;
  change?: string;
  reason?: string;
  /** Tries so far of a removal of access, which Tenure retries by itself until it succeeds. */
  attempts?: number;
  /** When Tenure tries it again by itself; absent when an operator must retry it. */
  nextAttemptAt?: string;
}

/** `GET /v1/employees/:employeeId` (design.md, "Ops API"). */
export interface EmployeeView {
  employeeId: string;
  state: EmployeeLifecycleState;
  lastEventId: string;
  updatedAt: string;
  attributes: Employee;
  accounts: {
    appId: string;
    status: AccountStatus;
    externalId: string | null;
    reason: string | null;
    updatedAt: string;
  }[];
  entitlements: { appId: string; roles: string[]; groups: string[]; rules: string[] }[];
  /** Runs that will still do something by themselves (with `nextAt`). */
  scheduled: RunState[];
  waitingApproval: RunState[];
  /** App steps of failed runs, with the app's reason: retried by Tenure (`nextAttemptAt`) or waiting for an operator. */
  failedSteps: FailedStepView[];
  accessRequests: AccessRequestRecord[];
  /** The latest runs, newest first. */
  runs: RunState[];
}
