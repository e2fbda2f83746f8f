// Loaded inside the Temporal workflow sandbox: only @temporalio/workflow and plain types here.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { AccountState, LifecycleEvent } from '@tenure/domain';

export const EMPLOYEE_LIFECYCLE_WORKFLOW = 'employeeLifecycleWorkflow';

/** One workflow per person: the id makes signal-with-start find the same run for every event. */
export function employeeWorkflowId(employeeId: string): string {
  return `employee-${employeeId}`;
}

export type EmployeeLifecycleState = 'new' | 'active' | 'terminated';

/** Start arguments; a continued-as-new run also carries the previous run's state. */
export interface EmployeeLifecycleInput {
  employeeId: string;
  state?: EmployeeLifecycleState;
  lastEventId?: string;
  appliedEventIds?: string[];
  accounts?: AccountState[];
}

export interface EmployeeLifecycleSnapshot {
  employeeId: string;
  state: EmployeeLifecycleState;
  accounts: AccountState[];
  lastEventId?: string;
  pendingEvents: number;
}

/** Signal rather than update: the sender (a Kafka consumer) must not wait for apps to answer. */
export const lifecycleEventSignal = defineSignal<[LifecycleEvent]>('lifecycleEvent');

export const employeeSnapshotQuery = defineQuery<EmployeeLifecycleSnapshot>('employeeSnapshot');
