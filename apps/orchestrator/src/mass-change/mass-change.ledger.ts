import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { MassChangeSettings } from '@tenure/policy';
import type { RemovalAdmission, RemovalRequest, RemovalSettlement } from '@tenure/temporal-contracts';
import { removalEntryId } from '@tenure/temporal-contracts';
import { PersonEntity } from '../identity/person.entity';
import { rolloutIdOfEvent } from '../policy-rollout/policy-rollout-events';
import { PolicyRolloutEntity } from '../policy-rollout/policy-rollout.entity';
import { MassChangeBatchEntity } from './mass-change-batch.entity';
import { MassChangeEntryEntity } from './mass-change-entry.entity';
import { admission, CountedRemoval, MassChangeLimits, massChangeLimits } from './mass-change-limits';

/** One lock for the whole ledger: admissions from every run, on every replica, are decided one at a time. */
const LEDGER_LOCK = 7_201_554_310;

export type BatchDecision = 'approved' | 'rejected';

export class MassChangeConflict extends Error {}
export class MassChangeNotFound extends Error {}

function answerOf(entry: MassChangeEntryEntity): RemovalAdmission {
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
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
      const known = await manager.findOneBy(MassChangeEntryEntity, { entryId });
      if (known) return answerOf(known);
      const candidate: CountedRemoval = {
        employeeId: request.employeeId,
        disables: request.accounts.some((account) => account.change === 'disable'),
        deletes: request.accounts.some((account) => account.change === 'delete'),
      };
      const entry = { ...request, entryId, ...candidate, batchId: null, reason: null, decidedBy: null };
      if (request.source === 'policy') {
        // A rollout is guarded as a whole before its re-plans start; an operator's approval covers all of them.
        const approvedBy = await this.rolloutApprover(manager, request.eventId);
        await manager.insert(MassChangeEntryEntity, {
          ...entry,
          status: approvedBy ? 'approved' : 'admitted',
          decidedBy: approvedBy,
        });
        return { decision: 'admitted' };
      }
      const limits = await this.limits(manager);
      const open = await this.openBatch(manager, limits);
      const verdict = open
        ? { admit: false as const, reason: `mass change ${open.batchId} is waiting for approval` }
        : admission(await this.counted(manager, limits), candidate, limits);
      if (verdict.admit) {
        await manager.insert(MassChangeEntryEntity, { ...entry, status: 'admitted' });
        return { decision: 'admitted' };
      }
      const batch = open ?? (await this.openNewBatch(manager, limits));
      await manager.update(MassChangeBatchEntity, { batchId: batch.batchId }, { lastHeldAt: () => 'now()' });
      const reason = open ? verdict.reason : `${verdict.reason}: held in mass change ${batch.batchId}`;
      await manager.insert(MassChangeEntryEntity, { ...entry, status: 'held', batchId: batch.batchId, reason });
      return { decision: 'held', batchId: batch.batchId, reason };
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

  private async limits(manager: EntityManager): Promise<MassChangeLimits> {
    const settings = this.settings();
    const active = settings.maxPercent ? await manager.countBy(PersonEntity, { state: In(['active', 'on_leave']) }) : 0;
    return massChangeLimits(settings, active);
  }

  private async openBatch(manager: EntityManager, limits: MassChangeLimits): Promise<MassChangeBatchEntity | null> {
    return manager
      .createQueryBuilder(MassChangeBatchEntity, 'batch')
      .where(`batch.status = 'waiting_approval'`)
      .andWhere(`batch.last_held_at > now() - :windowMs * interval '1 millisecond'`, { windowMs: limits.windowMs })
      .orderBy('batch.last_held_at', 'DESC')
      .getOne();
  }

  private async openNewBatch(manager: EntityManager, limits: MassChangeLimits): Promise<MassChangeBatchEntity> {
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
    return manager.findOneByOrFail(MassChangeBatchEntity, { batchId });
  }

  /** Removals admitted within the window: what the next one is counted with. */
  private async counted(manager: EntityManager, limits: MassChangeLimits): Promise<CountedRemoval[]> {
    return manager
      .createQueryBuilder(MassChangeEntryEntity, 'entry')
      .select(['entry.employeeId', 'entry.disables', 'entry.deletes'])
      .where(`entry.status = 'admitted'`)
      .andWhere(`entry.created_at > now() - :windowMs * interval '1 millisecond'`, { windowMs: limits.windowMs })
      .getMany();
  }

  private async rolloutApprover(manager: EntityManager, eventId: string): Promise<string | null> {
    const rolloutId = rolloutIdOfEvent(eventId);
    if (!rolloutId) return null;
    const rollout = await manager.findOneBy(PolicyRolloutEntity, { rolloutId });
    return rollout?.decidedBy ?? null;
  }
}
