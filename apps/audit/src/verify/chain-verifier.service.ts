import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { AuditRecordEntity } from '../ledger/audit-record.entity';
import { hashedContentOf } from '../ledger/audit-ledger.service';
import { GENESIS_HASH, recordHash } from '../ledger/record-hash';

export type ChainVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: { seq: string; id: string | null }; reason: string };

const PAGE_SIZE = 5_000;

/** Walks the whole chain in order and recomputes every hash; reports the first link that does not hold. */
@Injectable()
export class ChainVerifierService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(): Promise<ChainVerification> {
    const repository = this.dataSource.getRepository(AuditRecordEntity);
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let count = 0;
    for (;;) {
      const page = await repository.find({
        where: { seq: MoreThan(String(expectedSeq - 1n)) },
        order: { seq: 'ASC' },
        take: PAGE_SIZE,
      });
      for (const record of page) {
        const broken = (reason: string): ChainVerification => ({
          ok: false,
          count,
          brokenAt: { seq: String(record.seq), id: record.id },
          reason,
        });
        if (BigInt(record.seq) !== expectedSeq) {
          return broken(`record ${expectedSeq} is missing: the chain jumps to ${record.seq}`);
        }
        if (record.prevHash !== prevHash)
          return broken('prev_hash does not match the previous record: a record was removed or reordered');
        if (recordHash(prevHash, hashedContentOf(record)) !== record.hash)
          return broken('content does not match its hash: the record was altered');
        prevHash = record.hash;
        expectedSeq += 1n;
        count += 1;
      }
      if (page.length < PAGE_SIZE) return { ok: true, count };
    }
  }
}
