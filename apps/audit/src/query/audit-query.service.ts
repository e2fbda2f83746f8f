import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_ROW_COLUMNS, AuditRow } from '../ledger/audit-row';
import { AuditEventView, toAuditEventView } from './audit-event-view';
import { AuditEventsQueryDto } from './dto/audit-events-query.dto';
import { filterSql } from './filter-sql';
import { seqOrder } from './seq-order';

export interface AuditEventsPage {
  items: AuditEventView[];
  nextCursor: string | null;
}

/** Filtered, cursor-paged reads of the chain; the cursor is the last seq seen, so pages never shift. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async events(query: AuditEventsQueryDto): Promise<AuditEventsPage> {
    const descending = query.order === 'desc';
    const cursor = query.cursor ? [{ clause: descending ? 'seq < ?' : 'seq > ?', value: query.cursor }] : [];
    const { where, params } = filterSql(query, cursor);
    const order = await seqOrder(this.dataSource, query, descending ? 'DESC' : 'ASC');
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events ${where} ORDER BY ${order} LIMIT ${query.limit + 1}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toAuditEventView),
      nextCursor: rows.length > query.limit ? page[page.length - 1].seq : null,
    };
  }
}
