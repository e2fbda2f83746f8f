import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiOkResponse } from '@nestjs/swagger';
import { AuditStatusRead } from '../audit-roles';
import { IngestStatusView } from './dto/ingest-status.view';

/** Whether ingest keeps up, without a word of the record itself: for operators as well as auditors. */
@Controller('v1/audit')
@AuditStatusRead()
export class IngestStatusController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('status')
  @ApiOkResponse({ type: IngestStatusView })
  async status(): Promise<IngestStatusView> {
    const [last]: { seq: string; recorded_at: Date }[] = await this.dataSource.query(
      'SELECT seq, recorded_at FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    return { records: last ? Number(last.seq) : 0, lastRecordedAt: last?.recorded_at.toISOString() ?? null };
  }
}
