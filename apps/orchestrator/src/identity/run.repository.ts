import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AccessRequestRecord, RunState, RunStatus } from '@tenure/temporal-contracts';
import { OrchestratorMetrics } from '../metrics/orchestrator-metrics';
import { AccessRequestEntity } from './access-request.entity';
import { RunEntity } from './run.entity';

/** Characters PostgreSQL cannot hold in JSON: NUL, and halves of UTF-16 surrogate pairs without their other half. */
// eslint-disable-next-line no-control-regex -- NUL is the character being looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The ops API's copy of a run, as JSON, with what PostgreSQL cannot hold
 * replaced by U+FFFD: a run whose event carries such a character (and is
 * rejected for it) is still shown. The workflow keeps the run as it is.
 */
function storable(run: RunState): string {
  return JSON.stringify(run, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(UNSTORABLE, '\uFFFD') : value,
  );
}

/** A run written, and how it stood before, in one statement (the CTE reads the row as it was). */
const SAVE_RUN = `
  WITH previous AS (SELECT state FROM runs WHERE run_id = $1)
  INSERT INTO runs (run_id, employee_id, event_id, event_type, status, effective_at, next_at, state, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, now())
  ON CONFLICT (run_id) DO UPDATE SET
    employee_id = EXCLUDED.employee_id, event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type,
    status = EXCLUDED.status, effective_at = EXCLUDED.effective_at, next_at = EXCLUDED.next_at,
    state = EXCLUDED.state, created_at = EXCLUDED.created_at, updated_at = now()
  RETURNING (SELECT state FROM previous) AS previous`;

/** Runs and access requests as the workflows report them, for the ops API. */
@Injectable()
export class RunRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: OrchestratorMetrics,
  ) {}

  async saveRun(run: RunState): Promise<void> {
    const [{ previous }]: { previous: RunState | null }[] = await this.dataSource.query(SAVE_RUN, [
      run.runId,
      run.employeeId,
      run.eventId,
      run.eventType,
      run.status,
      new Date(run.effectiveAt),
      run.nextAt ? new Date(run.nextAt) : null,
      storable(run),
      new Date(run.createdAt),
    ]);
    // The save that first records a leaver's disable phase done is the moment their access went.
    if (hasRevokedAccess(run) && !hasRevokedAccess(previous ?? undefined)) {
      const dueAt = Math.max(Date.parse(run.effectiveAt), Date.parse(run.createdAt));
      this.metrics?.accessRevoked((Date.now() - dueAt) / 1000);
    }
  }

  async findRun(runId: string): Promise<RunState | undefined> {
    return (await this.dataSource.getRepository(RunEntity).findOneBy({ runId }))?.state;
  }

  async runsByStatus(statuses: RunStatus[], limit: number): Promise<RunState[]> {
    const rows = await this.dataSource
      .getRepository(RunEntity)
      .find({ where: { status: In(statuses) }, order: { updatedAt: 'DESC' }, take: limit });
    return rows.map((row) => row.state);
  }

  async runsOf(employeeId: string, limit = 50): Promise<RunState[]> {
    const rows = await this.dataSource
      .getRepository(RunEntity)
      .find({ where: { employeeId }, order: { createdAt: 'DESC' }, take: limit });
    return rows.map((row) => row.state);
  }

  async saveAccessRequest(request: AccessRequestRecord): Promise<void> {
    await this.dataSource.getRepository(AccessRequestEntity).upsert(
      {
        requestId: request.requestId,
        employeeId: request.employeeId,
        appId: request.appId,
        status: request.status,
        record: request,
        createdAt: new Date(request.createdAt),
      },
      ['requestId'],
    );
  }

  async findAccessRequest(requestId: string): Promise<AccessRequestRecord | undefined> {
    return (await this.dataSource.getRepository(AccessRequestEntity).findOneBy({ requestId }))?.record;
  }

  async accessRequestsOf(employeeId: string): Promise<AccessRequestRecord[]> {
    const rows = await this.dataSource
      .getRepository(AccessRequestEntity)
      .find({ where: { employeeId }, order: { createdAt: 'DESC' } });
    return rows.map((row) => row.record);
  }
}

function hasRevokedAccess(run: RunState | undefined): boolean {
  return run?.eventType === 'terminate' && run.completedPhases.includes('disable');
}
