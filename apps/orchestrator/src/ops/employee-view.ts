import type { AccountStatus, Employee } from '@tenure/domain';
import type { AccessRequestRecord, EmployeeLifecycleState, RunState } from '@tenure/temporal-contracts';

export interface FailedStepView {
  runId: string;
  eventId: string;
  phase: string;
  appId: string;
  change?: string;
  reason?: string;
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
  /** App steps that need an operator, with the app's reason. */
  failedSteps: FailedStepView[];
  accessRequests: AccessRequestRecord[];
  /** The latest runs, newest first. */
  runs: RunState[];
}
