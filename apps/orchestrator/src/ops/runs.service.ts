import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@tenure/auth';
import {
  approveRunUpdate,
  cancelRunUpdate,
  rejectRunUpdate,
  retryStepUpdate,
  RunState,
  RunStatus,
} from '@tenure/temporal-contracts';
import { RunRepository } from '../identity/run.repository';
import { WorkflowCommandsService } from './workflow-commands.service';

/** The runs that need eyes when no status is asked for. */
const NEEDS_EYES: RunStatus[] = ['failed', 'waiting_approval', 'scheduled'];

export type RunCommandName = 'approve' | 'reject' | 'cancel' | 'retry';

const UPDATES = {
  approve: approveRunUpdate,
  reject: rejectRunUpdate,
  cancel: cancelRunUpdate,
  retry: retryStepUpdate,
} as const;

@Injectable()
export class RunsService {
  constructor(
    private readonly runs: RunRepository,
    private readonly commands: WorkflowCommandsService,
  ) {}

  async list(status: RunStatus | undefined, limit: number): Promise<{ items: RunState[] }> {
    return { items: await this.runs.runsByStatus(status ? [status] : NEEDS_EYES, limit) };
  }

  async get(runId: string): Promise<RunState> {
    const run = await this.runs.findRun(runId);
    if (!run) throw new NotFoundException({ error: 'not_found', message: `no run ${runId}` });
    return run;
  }

  async command(
    name: RunCommandName,
    runId: string,
    actor: Principal,
    options: { reason?: string; appId?: string },
  ): Promise<RunState> {
    const run = await this.get(runId);
    if (name === 'approve' || name === 'reject') refuseOwnDecision(run, actor);
    return this.commands.execute(run.employeeId, UPDATES[name], { runId, actorId: actor.actorId, ...options });
  }
}

/** Nobody decides a run about themselves, nor one they asked for. */
function refuseOwnDecision(run: RunState, actor: Principal): void {
  const forbidden = (message: string) => new ForbiddenException({ error: 'forbidden', message });
  if (actor.kind === 'person' && actor.employeeId === run.employeeId) {
    throw forbidden(`run ${run.runId} is about you: someone else decides it`);
  }
  if (run.subject.kind === 'access' && run.subject.request.requestedBy === actor.actorId) {
    throw forbidden(`you asked for run ${run.runId}: someone else decides it`);
  }
}
