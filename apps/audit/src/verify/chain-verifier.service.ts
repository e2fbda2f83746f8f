import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_ROW_COLUMNS, AuditRow, hashedContentOf } from '../ledger/audit-row';
import { GENESIS_HASH, recordHash } from '../ledger/record-hash';

export type ChainVerification =
  | { ok: true; count: number; lastSeq: string | null; lastHash: string }
  | { ok: false; count: number; brokenAt: { seq: string; id: string | null }; reason: string };

/** Rows per round trip: large enough that the walk is bound by hashing, small enough to stay light on memory. */
const PAGE_SIZE = 10_000;

/**
 * Walks the whole chain in order and recomputes every hash; reports the first
 * link that does not hold. `lastHash` lets an auditor keep an anchor: a later
 * verification that does not pass through it shows records were cut off the end.
 */
@Injectable()
export class ChainVerifierService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(): Promise<ChainVerification> {
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let count = 0;
    for (;;) {
      const page: AuditRow[] = await this.dataSource.query(
        `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT ${PAGE_SIZE}`,
        [String(expectedSeq)],
      );
      for (const row of page) {
        const broken = (reason: string): ChainVerification => ({
          ok: false,
          count,
          brokenAt: { seq: row.seq, id: row.id },
          reason,
        });
        if (BigInt(row.seq) !== expectedSeq) {
          return broken(`record ${expectedSeq} is missing: the chain jumps to ${row.seq}`);
        }
        if (row.prevHash !== prevHash) {
          return broken('prev_hash does not match the previous record: a record was removed or reordered');
        }
        if (recordHash(prevHash, hashedContentOf(row)) !== row.hash) {
          return broken('content does not match its hash: the record was altered');
        }
        prevHash = row.hash;
        expectedSeq += 1n;
        count += 1;
      }
      if (page.length < PAGE_SIZE) {
        return { ok: true, count, lastSeq: count > 0 ? String(expectedSeq - 1n) : null, lastHash: prevHash };
      }
    }
  }
}
