import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GENESIS_HASH } from '../ledger/record-hash';
import { COMPUTED_HASH_SQL } from './record-hash.sql';

export type ChainVerification =
  | { ok: true; count: number; lastSeq: string | null; lastHash: string }
  | { ok: false; count: number; brokenAt: { seq: string; id: string | null }; reason: string };

interface Link {
  seq: string;
  id: string;
  prevHash: string;
  hash: string;
  computed: string;
}

/** Links per round trip: the database hashes them, only seq and the hashes travel. */
const PAGE_SIZE = 50_000;

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
      const page: Link[] = await this.dataSource.query(
        `SELECT seq, id, prev_hash AS "prevHash", hash, ${COMPUTED_HASH_SQL} AS computed
         FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT ${PAGE_SIZE}`,
        [String(expectedSeq)],
      );
      for (const link of page) {
        const broken = (reason: string): ChainVerification => ({
          ok: false,
          count,
          brokenAt: { seq: link.seq, id: link.id },
          reason,
        });
        if (BigInt(link.seq) !== expectedSeq) {
          return broken(`record ${expectedSeq} is missing: the chain jumps to ${link.seq}`);
        }
        if (link.prevHash !== prevHash) {
          return broken('prev_hash does not match the previous record: a record was removed or reordered');
        }
        if (link.computed !== link.hash) return broken('content does not match its hash: the record was altered');
        prevHash = link.hash;
        expectedSeq += 1n;
        count += 1;
      }
      if (page.length < PAGE_SIZE) {
        return { ok: true, count, lastSeq: count > 0 ? String(expectedSeq - 1n) : null, lastHash: prevHash };
      }
    }
  }
}
