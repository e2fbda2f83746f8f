import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditRecordEntity } from '../ledger/audit-record.entity';
import { AuditEventView, toAuditEventView } from './audit-event-view';
import { AuditEventsQueryDto } from './dto/audit-events-query.dto';

export interface AuditEventsPage {
  items: AuditEventView[];
  nextCursor: string | null;
}

const EQUALITY_FILTERS = [
  ['employeeId', 'employee_id'],
  ['appId', 'app_id'],
  ['action', 'action'],
  ['outcome', 'outcome'],
  ['eventId', 'event_id'],
] as const;

/** Filtered, cursor-paged reads of the chain; the cursor is the last seq seen, so pages never shift. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async events(query: AuditEventsQueryDto): Promise<AuditEventsPage> {
    const builder = this.dataSource.getRepository(AuditRecordEntity).createQueryBuilder('r');
    for (const [param, column] of EQUALITY_FILTERS) {
      if (query[param] !== undefined) builder.andWhere(`r.${column} = :${param}`, { [param]: query[param] });
    }
    if (query.from) builder.andWhere('r.at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('r.at < :to', { to: new Date(query.to) });
    if (query.cursor) {
      builder.andWhere(query.order === 'desc' ? 'r.seq < :cursor' : 'r.seq > :cursor', { cursor: query.cursor });
    }
    const rows = await builder
      .orderBy('r.seq', query.order === 'desc' ? 'DESC' : 'ASC')
      .take(query.limit + 1)
      .getMany();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toAuditEventView),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1].seq) : null,
    };
  }
}
