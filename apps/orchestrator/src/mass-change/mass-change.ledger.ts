import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { durationMs, MassChangeSettings } from '@tenure/policy';
import type { RemovalAdmission, RemovalRequest, RemovalSettlement } from '@tenure/temporal-contracts';
import { removalEntryId } from '@tenure/temporal-contracts';
import { rolloutIdOfEvent } from '../policy-rollout/policy-rollout-events';
import { PolicyRolloutEntity } from '../policy-rollout/policy-rollout.entity';
import { MassChangeBatchEntity } from './mass-change-batch.entity';
import { MassChangeEntryEntity } from './mass-change-entry.entity';
import { insertEntry, KnownEntry, readAdmissionView } from './admission.queries';
import { admissionOfTally, CountedRemoval, MassChangeLimits, massChangeLimits } from './mass-change-limits';

/** One lock for the whole ledger: admissions from every run, on every replica, are decided one at a time. */
const LEDGER_LOCK = 7_201_554_310;

export type BatchDecision = 'approved' | 'rejected';

export class MassChangeConflict extends Error {}
export class MassChangeNotFound extends Error {}

function answerOf(entry: KnownEntry): RemovalAdmission {
  if (entry.status === 'admitted' || entry.status === 'approved') return { decision: 'admitted' };
  const batchId = entry.batchId ?? '';
  const reason = entry.reason ?? `held in mass change ${batchId}`;
  return { decision: entry.status === 'held' ? 'held' : 'rejected', batchId, reason };
}

function newBatchId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `mc-${stamp}Z-${randomBytes(3).toString('hex')}`;
}

/**
 * The org-wide ledger of disables and deletes. Every run phase that removes
 * access asks it first, in one transaction under one advisory lock, so runs
 * deciding at the same moment on any replica never admit more people than the
 * limit between them. Past the limit a run is held in the open batch; while a
 * batch waits and runs keep being held within a window of each other, every
 * further removal joins it.
 */
export class MassChangeLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: () => MassChangeSettings,
  ) {}

  async admit(request: RemovalRequest): Promise<RemovalAdmission> {
    const entryId = removalEntryId(request.runId, request.phase);
    const settings = this.settings();
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
      const candidate: CountedRemoval = {
        employeeId: request.employeeId,
        disables: request.accounts.some((account) => account.change === 'disable'),
        deletes: request.accounts.some((account) => account.change === 'delete'),
      };
      const windowMs = durationMs(settings.window);
      const view = await readAdmissionView(manager, entryId, candidate, windowMs, !!settings.maxPercent);
      if (view.known) return answerOf(view.known);
      const entry = { ...request, entryId, ...candidate, batchId: null, reason: null, decidedBy: null };
      if (request.source === 'policy') {
        // A rollout is guarded as a whole before its re-plans start; an operator's approval covers all of them.
        const approvedBy = await this.rolloutApprover(manager, request.eventId);
        await insertEntry(manager, { ...entry, status: approvedBy ? 'approved' : 'admitted', decidedBy: approvedBy });
        return { decision: 'admitted' };
      }
      const limits = massChangeLimits(settings, view.activePeople);
      const verdict = view.openBatchId
        ? { admit: false as const, reason: `mass change ${view.openBatchId} is waiting for approval` }
        : admissionOfTally(view.tally, candidate, limits);
      if (verdict.admit) {
        await insertEntry(manager, { ...entry, status: 'admitted' });
        return { decision: 'admitted' };
      }
      const batchId = view.openBatchId ?? (await this.openNewBatch(manager, limits));
      await manager.update(MassChangeBatchEntity, { batchId }, { lastHeldAt: () => 'now()' });
      const reason = view.openBatchId ? verdict.reason : `${verdict.reason}: held in mass change ${batchId}`;
      await insertEntry(manager, { ...entry, status: 'held', batchId, reason });
      return { decision: 'held', batchId, reason };
    });
  }

  /** An operator decided one held run (through the run, or the batch). */
  async settle(settlement: RemovalSettlement): Promise<void> {
    await this.dataSource
      .getRepository(MassChangeEntryEntity)
      .update({ entryId: settlement.entryId }, { status: settlement.status, decidedBy: settlement.actorId });
  }

  /**
   * Decides a whole batch and answers the entries to tell their workflows.
   * Deciding again the same way is a repeat (for runs a first call could not
   * reach); the opposite decision is a conflict.
   */
  async decideBatch(
    batchId: string,
    decision: BatchDecision,
    actorId: string,
    reason: string | undefined,
  ): Promise<MassChangeEntryEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
      const batch = await manager.findOneBy(MassChangeBatchEntity, { batchId });
      if (!batch) throw new MassChangeNotFound(`no mass change ${batchId}`);
      if (batch.status === 'waiting_approval') {
        await manager.update(
          MassChangeBatchEntity,
          { batchId },
          { status: decision, decidedBy: actorId, decidedAt: () => 'now()', reason: reason ?? null },
        );
        await manager.update(
          MassChangeEntryEntity,
          { batchId, status: 'held' },
          { status: decision, decidedBy: actorId },
        );
      } else if (batch.status !== decision) {
        throw new MassChangeConflict(`mass change ${batchId} is already ${batch.status}`);
      }
      return manager.find(MassChangeEntryEntity, { where: { batchId, status: decision }, order: { createdAt: 'ASC' } });
    });
  }

  private async openNewBatch(manager: EntityManager, limits: MassChangeLimits): Promise<string> {
    const batchId = newBatchId();
    await manager.insert(MassChangeBatchEntity, {
      batchId,
      status: 'waiting_approval',
      window: limits.window,
      maxPeople: limits.maxPeople,
      maxPeopleDeleted: limits.maxPeopleDeleted,
      openedAt: () => 'now()',
      lastHeldAt: () => 'now()',
    });
    return batchId;
  }

  private async rolloutApprover(manager: EntityManager, eventId: string): Promise<string | null> {
    const rolloutId = rolloutIdOfEvent(eventId);
    if (!rolloutId) return null;
    const rollout = await manager.findOneBy(PolicyRolloutEntity, { rolloutId });
    return rollout?.decidedBy ?? null;
  }
}
