import {
  ConflictException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { PersonPrincipal } from '@tenure/auth';
import { approveRunUpdate, rejectRunUpdate } from '@tenure/temporal-contracts';
import { WorkflowCommandsService } from '../ops/workflow-commands.service';
import { PolicyService } from '../policy/policy.service';
import { BatchStatus } from './mass-change-batch.entity';
import type { MassChangeEntryEntity } from './mass-change-entry.entity';
import { BatchDecision, MassChangeConflict, MassChangeLedger, MassChangeNotFound } from './mass-change.ledger';
import { MassChangeQueries } from './mass-change.queries';
import type { MassChangeDecisionResult, MassChangeDetail, MassChangeSummary } from './mass-change.views';

/** Workflows told at once: enough to decide a large batch quickly without flooding Temporal. */
const CONCURRENCY = 8;

/** Held batches for operators: inspect one, then approve or reject every run in it with one call. */
@Injectable()
export class MassChangesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MassChangesService.name);

  constructor(
    private readonly ledger: MassChangeLedger,
    private readonly queries: MassChangeQueries,
    private readonly commands: WorkflowCommandsService,
    private readonly policy: PolicyService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.policy.lifecycle.blastRadiusLimit === undefined) return;
    this.logger.warn(
      'policy.yaml: lifecycle.blastRadiusLimit is deprecated and ignored: one person is never held for how many ' +
        'accounts they have; the org-wide guard is lifecycle.massChange (see README, "Mass-change guard")',
    );
  }

  list(status?: BatchStatus): Promise<MassChangeSummary[]> {
    return this.queries.list(status);
  }

  async get(batchId: string): Promise<MassChangeDetail> {
    const batch = await this.queries.get(batchId);
    if (!batch) throw new NotFoundException({ error: 'not_found', message: `no mass change ${batchId}` });
    return batch;
  }

  /**
   * Records the decision for the batch, then tells each held run's workflow.
   * A run that cannot be reached is reported in `failed`; the same call again
   * tells those (runs already decided answer as `unchanged`).
   */
  async decide(
    batchId: string,
    decision: BatchDecision,
    person: PersonPrincipal,
    reason: string | undefined,
  ): Promise<MassChangeDecisionResult> {
    const { actorId } = person;
    const entries = await this.ledger.decideBatch(batchId, decision, actorId, reason).catch((error: unknown) => {
      if (error instanceof MassChangeNotFound)
        throw new NotFoundException({ error: 'not_found', message: error.message });
      if (error instanceof MassChangeConflict)
        throw new ConflictException({ error: 'conflict', message: error.message });
      throw error;
    });
    const result: Omit<MassChangeDecisionResult, 'batch'> = { decided: [], unchanged: [], failed: [] };
    const queue = [...entries];
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        // Nobody decides a run about themselves: their own held run waits for another approver.
        if (person.employeeId && entry.employeeId === person.employeeId) {
          result.unchanged.push({
            runId: entry.runId,
            reason: `run ${entry.runId} is about you: someone else decides it`,
          });
          continue;
        }
        await this.tell(entry, decision, actorId, reason, result);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const batch = await this.queries.summary(batchId);
    if (!batch) throw new NotFoundException({ error: 'not_found', message: `no mass change ${batchId}` });
    return { batch, ...result };
  }

  private async tell(
    entry: MassChangeEntryEntity,
    decision: BatchDecision,
    actorId: string,
    reason: string | undefined,
    result: Omit<MassChangeDecisionResult, 'batch'>,
  ): Promise<void> {
    const update = decision === 'approved' ? approveRunUpdate : rejectRunUpdate;
    try {
      await this.commands.execute(entry.employeeId, update, { runId: entry.runId, actorId, reason });
      result.decided.push(entry.runId);
    } catch (error) {
      const message = error instanceof HttpException ? messageOf(error) : 'the workflow could not be reached';
      // The run is no longer waiting (decided before, or cancelled by a later HR event): nothing to do.
      if (error instanceof ConflictException || error instanceof NotFoundException) {
        result.unchanged.push({ runId: entry.runId, reason: message });
      } else {
        result.failed.push({ runId: entry.runId, reason: message });
      }
    }
  }
}

function messageOf(error: HttpException): string {
  const body = error.getResponse();
  return typeof body === 'object' && body && 'message' in body ? String(body.message) : error.message;
}
