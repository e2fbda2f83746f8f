import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LifecycleOutcome } from '@tenure/domain';
import { AuditRecordEntity } from './audit-record.entity';
import { GENESIS_HASH, HashedContent, recordHash } from './record-hash';

/** Appends to the chain one at a time, whatever the number of audit replicas. */
const CHAIN_LOCK_KEY = 7_301_004;

export type AppendResult = 'appended' | 'duplicate';

export function hashedContentOf(record: AuditRecordEntity): HashedContent {
  return {
    seq: String(record.seq),
    id: record.id,
    outcomeId: record.outcomeId,
    at: record.at.toISOString(),
    recordedAt: record.recordedAt.toISOString(),
    employeeId: record.employeeId,
    appId: record.appId,
    action: record.action,
    outcome: record.outcome,
    eventId: record.eventId,
    workflowId: record.workflowId,
    actor: record.actor,
    externalId: record.externalId,
    reason: record.reason,
  };
}

/**
 * The append-only, hash-chained record. An outcome seen before (a Kafka
 * redelivery, a re-published step) is recognised by its outcome id and never
 * makes a second record.
 */
@Injectable()
export class AuditLedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  append(outcome: LifecycleOutcome): Promise<AppendResult> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
      const seen = await manager.findOne(AuditRecordEntity, {
        where: { outcomeId: outcome.outcomeId },
        select: { seq: true },
      });
      if (seen) return 'duplicate';
      await this.insertNext(manager, outcome);
      return 'appended';
    });
  }

  private async insertNext(manager: EntityManager, outcome: LifecycleOutcome): Promise<void> {
    const [last] = await manager.find(AuditRecordEntity, {
      select: { seq: true, hash: true },
      order: { seq: 'DESC' },
      take: 1,
    });
    const record = manager.create(AuditRecordEntity, {
      seq: String(last ? BigInt(last.seq) + 1n : 1n),
      id: randomUUID(),
      outcomeId: outcome.outcomeId,
      at: new Date(outcome.at),
      recordedAt: new Date(),
      employeeId: outcome.employeeId,
      appId: outcome.appId,
      action: outcome.action,
      outcome: outcome.outcome,
      eventId: outcome.eventId,
      workflowId: outcome.workflowId,
      actor: outcome.actor,
      externalId: outcome.externalId ?? null,
      reason: outcome.reason ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    });
    record.hash = recordHash(record.prevHash, hashedContentOf(record));
    await manager.insert(AuditRecordEntity, record);
  }
}
