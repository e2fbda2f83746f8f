import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AUDIT_ROW_COLUMNS } from '../ledger/audit-row';
import { AuditFilterDto } from '../query/dto/audit-filter.dto';
import { filterSql } from '../query/filter-sql';
import { seqOrder } from '../query/seq-order';

/** Rows fetched per round trip by the server-side cursor. */
const BATCH_SIZE = 1_000;

export type ExportOrder = 'asc' | 'desc';

/**
 * Streams the records a filter selects through a server-side cursor, in one
 * snapshot: memory stays flat whatever the range, and the cursor reads on
 * only as fast as the consumer of the stream takes rows.
 */
@Injectable()
export class AuditRowStreamer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An object-mode stream of AuditRow; destroy it to stop early. */
  async open(filter: AuditFilterDto, order: ExportOrder = 'asc'): Promise<Readable> {
    const { where, params } = filterSql(filter);
    const orderBy = await seqOrder(this.dataSource, filter, order === 'desc' ? 'DESC' : 'ASC');
    const driver = this.dataSource.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
    const rows = client.query(
      new QueryStream(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events ${where} ORDER BY ${orderBy}`, params, {
        batchSize: BATCH_SIZE,
        highWaterMark: BATCH_SIZE,
      }),
    );
    let released = false;
    const releaseOnce = (error?: Error) => {
      if (released) return;
      released = true;
      release(error);
    };
    rows.once('end', () => releaseOnce());
    // A cursor stopped half-way leaves its connection mid-protocol: it is closed rather than pooled.
    rows.once('close', () => releaseOnce(rows.readableEnded ? undefined : new Error('export stopped early')));
    return rows;
  }
}
