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
 * The ops API's copy of a run, with what PostgreSQL cannot hold replaced by
 * U+FFFD: a run whose event carries such a character (and is rejected for it)
 * is still shown. The workflow keeps the run as it is.
 */
function storable(run: RunState): RunState {
  return JSON.parse(
    JSON.stringify(run, (_key, value: unknown) =>
      typeof value === 'string' ? value.replace(UNSTORABLE, '\uFFFD') : value,
    ),
  ) as RunState;
}

/** Runs and access requests as the workflows report them, for the ops API. */
@Injectable()
export class RunRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: OrchestratorMetrics,
  ) {}

  async saveRun(run: RunState): Promise<void> {
    // The save that first records a leaver's disable phase done is the moment their access went.
    const revokedNow = hasRevokedAccess(run) && !hasRevokedAccess(await this.findRun(run.runId));
    await this.dataSource.getRepository(RunEntity).upsert(
      {
        runId: run.runId,
        employeeId: run.employeeId,
        eventId: run.eventId,
        eventType: run.eventType,
        status: run.status,
        effectiveAt: new Date(run.effectiveAt),
        nextAt: run.nextAt ? new Date(run.nextAt) : null,
        state: storable(run),
        createdAt: new Date(run.createdAt),
      },
      ['runId'],
    );
    if (revokedNow) {
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
