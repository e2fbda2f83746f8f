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
const PAGE_SIZE = 25_000;
/** Pages hashed by the database at the same time, while the walk checks the links in order. */
const PAGES_IN_FLIGHT = 3;

/**
 * Walks the chain as it stands when called, in order, and has PostgreSQL
 * recompute every hash; reports the first link that does not hold. `lastHash`
 * lets an auditor keep an anchor: a later verification that does not pass
 * through it shows records were cut off the end.
 */
@Injectable()
export class ChainVerifierService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `pageSize` is for tests that need many pages from few records. */
  async verify(pageSize = PAGE_SIZE): Promise<ChainVerification> {
    const [{ last }]: { last: string | null }[] = await this.dataSource.query(
      'SELECT max(seq) AS last FROM audit_events',
    );
    const end = last === null ? 0n : BigInt(last);
    const pages = (end + BigInt(pageSize) - 1n) / BigInt(pageSize);
    const inFlight: Promise<Link[]>[] = [];
    let nextPage = 0n;
    const fill = () => {
      while (inFlight.length < PAGES_IN_FLIGHT && nextPage < pages) {
        const page = this.page(nextPage * BigInt(pageSize) + 1n, pageSize);
        // A walk that stops early leaves pages unread: their failures must not go unhandled.
        page.catch(() => undefined);
        inFlight.push(page);
        nextPage += 1n;
      }
    };
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let count = 0;
    fill();
    while (inFlight.length > 0) {
      const links = await (inFlight.shift() as Promise<Link[]>);
      fill();
      const pageEnd = expectedSeq + BigInt(pageSize) - 1n < end ? expectedSeq + BigInt(pageSize) - 1n : end;
      for (const link of links) {
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
      if (expectedSeq <= pageEnd) {
        return {
          ok: false,
          count,
          brokenAt: { seq: String(expectedSeq), id: null },
          reason: `record ${expectedSeq} is missing`,
        };
      }
    }
    return { ok: true, count, lastSeq: last, lastHash: prevHash };
  }

  private page(from: bigint, pageSize: number): Promise<Link[]> {
    return this.dataSource.query(
      `SELECT seq, id, prev_hash AS "prevHash", hash, ${COMPUTED_HASH_SQL} AS computed
       FROM audit_events WHERE seq BETWEEN $1 AND $2 ORDER BY seq`,
      [String(from), String(from + BigInt(pageSize) - 1n)],
    );
  }
}
