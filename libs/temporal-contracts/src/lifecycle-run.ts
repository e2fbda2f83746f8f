// Plain types: a run is how the workflow tracks one event (or access grant) from decision to completion.
import type { LifecycleEventType } from '@tenure/domain';
import type { ChangeKind, PhaseName, PlannedChange, PlanSubject } from './lifecycle-plan';

export const RUN_STATUSES = [
  'scheduled',
  'waiting_approval',
  'running',
  'completed',
  'failed',
  'cancelled',
  'rejected',
  'skipped',
] as const;
/** `failed`: at least one app step needs attention; an operator can retry it. */
export type RunStatus = (typeof RUN_STATUSES)[number];

export type StepStatus = 'running' | 'done' | 'needs_attention' | 'retrying' | 'not_supported';

/** One app's part of one phase. */
export interface StepState {
  phase: PhaseName;
  appId: string;
  status: StepStatus;
  changes: ChangeKind[];
  /** The change that failed and the app's (or gateway's) words. */
  failedChange?: ChangeKind;
  reason?: string;
  /** The failed change and those after it, run again when an operator retries. */
  remaining?: PlannedChange[];
  /** Operator retries so far. */
  retries: number;
  /**
   * Tries so far of a change that removes access (disable, suspend, revoke
   * sessions), which Tenure retries by itself until it succeeds; absent for
   * other changes, which an operator retries.
   */
  attempts?: number;
  /** When Tenure tries the step again by itself; absent once it succeeded, or when only an operator can retry it. */
  nextAttemptAt?: string;
  at: string;
}

export interface RunState {
  /** `<employeeId>~<eventId>`: unique, and the same for a redelivered event. */
  runId: string;
  employeeId: string;
  eventId: string;
  eventType: LifecycleEventType;
  subject: PlanSubject;
  status: RunStatus;
  effectiveAt: string;
  /** The next phase's moment while scheduled. */
  nextAt?: string;
  completedPhases: PhaseName[];
  /** When the event took effect (its first phase after any preparation ran). */
  appliedAt?: string;
  steps: StepState[];
  /** The mass-change batch the run is (or was) held in, and its entry in the org-wide ledger. */
  massChange?: MassChangeHold;
  /** Who approved, rejected or cancelled it. */
  actorId?: string;
  reason?: string;
  createdAt: string;
  updatedAt: string;
}

export interface MassChangeHold {
  batchId: string;
  entryId: string;
  phase: PhaseName;
}

export function runIdOf(employeeId: string, eventId: string): string {
  return `${employeeId}~${eventId}`;
}

/** A run that will still do something, by itself or once approved. */
export function isOpenRun(run: RunState): boolean {
  return run.status === 'scheduled' || run.status === 'waiting_approval' || run.status === 'running';
}
