import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditStatusRead } from '../audit-roles';

export interface IngestStatus {
  /** Records in the chain (seq has no gaps, so the last seq is the count). */
  records: number;
  lastRecordedAt: string | null;
}

/** Whether ingest keeps up, without a word of the record itself: for operators as well as auditors. */
@Controller('v1/audit')
@AuditStatusRead()
export class IngestStatusController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('status')
  async status(): Promise<IngestStatus> {
    const [last]: { seq: string; recorded_at: Date }[] = await this.dataSource.query(
      'SELECT seq, recorded_at FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    return { records: last ? Number(last.seq) : 0, lastRecordedAt: last?.recorded_at.toISOString() ?? null };
  }
}
