import { DataSource, In } from 'typeorm';
import { RunEntity } from '../identity/run.entity';
import { BatchStatus, MassChangeBatchEntity } from './mass-change-batch.entity';
import { MassChangeEntryEntity } from './mass-change-entry.entity';
import type { MassChangeDetail, MassChangeRunView, MassChangeSummary } from './mass-change.views';

const LISTED = 100;
/** A batch shows at most this many runs; its counts are complete. */
const RUNS_SHOWN = 10_000;

interface BatchTotals {
  batch_id: string;
  people: string;
  accounts: string;
  runs: string;
  waiting: string;
  people_disabled: string;
  people_deleted: string;
  sources: string[];
}

/** What the ops API reads about held batches. */
export class MassChangeQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(status?: BatchStatus): Promise<MassChangeSummary[]> {
    const batches = await this.dataSource.getRepository(MassChangeBatchEntity).find({
      where: status ? { status } : {},
      order: { openedAt: 'DESC' },
      take: LISTED,
    });
    const totals = await this.totals(batches.map((batch) => batch.batchId));
    return batches.map((batch) => summaryOf(batch, totals.get(batch.batchId)));
  }

  async summary(batchId: string): Promise<MassChangeSummary | undefined> {
    const batch = await this.dataSource.getRepository(MassChangeBatchEntity).findOneBy({ batchId });
    return batch ? summaryOf(batch, (await this.totals([batchId])).get(batchId)) : undefined;
  }

  async get(batchId: string): Promise<MassChangeDetail | undefined> {
    const [summary, entries] = await Promise.all([
      this.summary(batchId),
      this.dataSource
        .getRepository(MassChangeEntryEntity)
        .find({ where: { batchId }, order: { createdAt: 'ASC' }, take: RUNS_SHOWN }),
    ]);
    if (!summary) return undefined;
    const runs = await this.dataSource
      .getRepository(RunEntity)
      .find({ where: { runId: In(entries.map((entry) => entry.runId)) }, select: ['runId', 'status'] });
    const runStatus = new Map(runs.map((run) => [run.runId, run.status]));
    return {
      ...summary,
      runs: entries.map((entry): MassChangeRunView => ({
        runId: entry.runId,
        employeeId: entry.employeeId,
        eventId: entry.eventId,
        eventType: entry.eventType,
        source: entry.source,
        origin: entry.origin,
        phase: entry.phase,
        accounts: entry.accounts,
        status: entry.status,
        runStatus: runStatus.get(entry.runId) ?? null,
        heldAt: entry.createdAt.toISOString(),
        decidedBy: entry.decidedBy,
      })),
    };
  }

  private async totals(batchIds: string[]): Promise<Map<string, BatchTotals>> {
    if (batchIds.length === 0) return new Map();
    const rows: BatchTotals[] = await this.dataSource.query(
      `SELECT batch_id,
              count(DISTINCT employee_id) AS people,
              coalesce(sum(jsonb_array_length(accounts)), 0) AS accounts,
              count(*) AS runs,
              count(*) FILTER (WHERE status = 'held') AS waiting,
              count(DISTINCT employee_id) FILTER (WHERE disables) AS people_disabled,
              count(DISTINCT employee_id) FILTER (WHERE deletes) AS people_deleted,
              array_agg(DISTINCT source ORDER BY source) AS sources
         FROM mass_change_entries
        WHERE batch_id = ANY($1)
        GROUP BY batch_id`,
      [batchIds],
    );
    return new Map(rows.map((row) => [row.batch_id, row]));
  }
}

function summaryOf(batch: MassChangeBatchEntity, totals: BatchTotals | undefined): MassChangeSummary {
  const count = (value: string | undefined) => Number(value ?? 0);
  return {
    batchId: batch.batchId,
    status: batch.status,
    window: batch.window,
    limits: { maxPeople: batch.maxPeople, maxPeopleDeleted: batch.maxPeopleDeleted },
    openedAt: batch.openedAt.toISOString(),
    lastHeldAt: batch.lastHeldAt.toISOString(),
    counts: {
      people: count(totals?.people),
      accounts: count(totals?.accounts),
      runs: count(totals?.runs),
      waiting: count(totals?.waiting),
      peopleDisabled: count(totals?.people_disabled),
      peopleDeleted: count(totals?.people_deleted),
    },
    sources: totals?.sources ?? [],
    decidedBy: batch.decidedBy,
    decidedAt: batch.decidedAt?.toISOString() ?? null,
    reason: batch.reason,
  };
}
