// Plain types: what the workflow asks the org-wide mass-change ledger, and its answer.
import type { LifecycleEventType } from '@tenure/domain';
import type { ChangeKind, PhaseName } from './lifecycle-plan';

/** One phase of one run that disables or deletes accounts. */
export interface RemovalRequest {
  runId: string;
  employeeId: string;
  eventId: string;
  eventType: LifecycleEventType;
  /** Where the event came from: `generic`, `bamboohr`, `scim`, `csv`, `policy`, … */
  source: string;
  /** `hr`, `contractor_end_date` or `access`. */
  origin: string;
  phase: PhaseName;
  accounts: { appId: string; change: Extract<ChangeKind, 'disable' | 'delete'> }[];
}

export type RemovalAdmission =
  { decision: 'admitted' } | { decision: 'held' | 'rejected'; batchId: string; reason: string };

/** An operator's decision on one held run, recorded in the ledger. */
export interface RemovalSettlement {
  entryId: string;
  status: 'approved' | 'rejected' | 'cancelled';
  actorId: string;
}

/** The ledger entry of one run's phase: asking again for the same phase gives the same answer. */
export function removalEntryId(runId: string, phase: PhaseName): string {
  return `${runId}/${phase}`;
}
