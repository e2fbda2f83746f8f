import type { EntityManager } from 'typeorm';
import type { RemovalRequest } from '@tenure/temporal-contracts';
import type { EntryStatus } from './mass-change-entry.entity';
import type { CountedRemoval, RemovalTally } from './mass-change-limits';

/**
 * The ledger's hot path, written out: every run that removes access asks it,
 * one at a time under the ledger's lock, so what it reads is one statement and
 * what it writes another.
 */

/** What an admission is decided on, read in one statement once the ledger is locked. */
const ADMISSION_VIEW = `
SELECT
  (SELECT json_build_object('status', status, 'batchId', batch_id, 'reason', reason)
     FROM mass_change_entries WHERE entry_id = $1) AS known,
  (SELECT batch_id FROM mass_change_batches
     WHERE status = 'waiting_approval' AND last_held_at > now() - $2 * interval '1 millisecond'
     ORDER BY last_held_at DESC LIMIT 1) AS open_batch_id,
  CASE WHEN $4 THEN (SELECT count(*) FROM people WHERE state IN ('active', 'on_leave')) ELSE 0 END AS active_people,
  counted.*
FROM (
  SELECT
    count(DISTINCT employee_id) FILTER (WHERE disables AND employee_id <> $3) AS others_disabling,
    count(DISTINCT employee_id) FILTER (WHERE deletes AND employee_id <> $3) AS others_deleting,
    coalesce(bool_or(disables) FILTER (WHERE employee_id = $3), false) AS self_disabling,
    coalesce(bool_or(deletes) FILTER (WHERE employee_id = $3), false) AS self_deleting
  FROM mass_change_entries
  WHERE status = 'admitted' AND created_at > now() - $2 * interval '1 millisecond'
) counted`;

const INSERT_ENTRY = `
INSERT INTO mass_change_entries
  (entry_id, batch_id, run_id, employee_id, event_id, event_type, source, origin, phase,
   disables, deletes, accounts, status, reason, decided_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

export interface KnownEntry {
  status: EntryStatus;
  batchId: string | null;
  reason: string | null;
}

interface AdmissionRow {
  known: KnownEntry | null;
  open_batch_id: string | null;
  active_people: string;
  others_disabling: string;
  others_deleting: string;
  self_disabling: boolean;
  self_deleting: boolean;
}

/** A removal already in the ledger (the same run phase asking again), or what a new one is decided on. */
export interface AdmissionView {
  known?: KnownEntry;
  openBatchId?: string;
  activePeople: number;
  /** The window's people, the candidate counted with them. */
  tally: RemovalTally;
}

export async function readAdmissionView(
  manager: EntityManager,
  entryId: string,
  candidate: CountedRemoval,
  windowMs: number,
  countActivePeople: boolean,
): Promise<AdmissionView> {
  const [row] = (await manager.query(ADMISSION_VIEW, [
    entryId,
    windowMs,
    candidate.employeeId,
    countActivePeople,
  ])) as AdmissionRow[];
  const counts = (others: string, self: boolean, candidates: boolean) => Number(others) + (self || candidates ? 1 : 0);
  return {
    known: row.known ?? undefined,
    openBatchId: row.open_batch_id ?? undefined,
    activePeople: Number(row.active_people),
    tally: {
      disabling: counts(row.others_disabling, row.self_disabling, candidate.disables),
      deleting: counts(row.others_deleting, row.self_deleting, candidate.deletes),
    },
  };
}

export interface LedgerEntry extends RemovalRequest, CountedRemoval {
  entryId: string;
  status: Extract<EntryStatus, 'admitted' | 'approved' | 'held'>;
  batchId: string | null;
  reason: string | null;
  decidedBy: string | null;
}

export async function insertEntry(manager: EntityManager, entry: LedgerEntry): Promise<void> {
  await manager.query(INSERT_ENTRY, [
    entry.entryId,
    entry.batchId,
    entry.runId,
    entry.employeeId,
    entry.eventId,
    entry.eventType,
    entry.source,
    entry.origin,
    entry.phase,
    entry.disables,
    entry.deletes,
    JSON.stringify(entry.accounts),
    entry.status,
    entry.reason,
    entry.decidedBy,
  ]);
}
