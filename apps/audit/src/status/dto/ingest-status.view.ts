import { ApiProperty } from '@nestjs/swagger';

/** Whether ingest keeps up, without a word of the records themselves. */
export class IngestStatusView {
  /** Records in the chain (seq has no gaps, so the last seq is the count). */
  records!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastRecordedAt!: string | null;
}
