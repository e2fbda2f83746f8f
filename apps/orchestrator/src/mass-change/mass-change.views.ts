import type { BatchStatus } from './mass-change-batch.entity';
import type { EntryStatus } from './mass-change-entry.entity';

/** A held batch as the ops API shows it. */
export interface MassChangeSummary {
  batchId: string;
  status: BatchStatus;
  window: string;
  limits: { maxPeople: number; maxPeopleDeleted: number };
  openedAt: string;
  lastHeldAt: string;
  /** People and accounts in the batch, and how many of its runs still wait. */
  counts: {
    people: number;
    accounts: number;
    runs: number;
    waiting: number;
    peopleDisabled: number;
    peopleDeleted: number;
  };
  /** The HR sources (or `policy`) the held runs came from. */
  sources: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** One held run: who, which accounts, from which source, and what became of it. */
export interface MassChangeRunView {
  runId: string;
  employeeId: string;
  eventId: string;
  eventType: string;
  source: string;
  origin: string;
  phase: string;
  accounts: { appId: string; change: string }[];
  status: EntryStatus;
  /** The run's own status now (`waiting_approval` until decided). */
  runStatus: string | null;
  heldAt: string;
  decidedBy: string | null;
}

export type MassChangeDetail = MassChangeSummary & { runs: MassChangeRunView[] };

/** What one approve or reject call did: every run told, those already decided, and those to repeat. */
export interface MassChangeDecisionResult {
  batch: MassChangeSummary;
  decided: string[];
  unchanged: { runId: string; reason: string }[];
  failed: { runId: string; reason: string }[];
}
