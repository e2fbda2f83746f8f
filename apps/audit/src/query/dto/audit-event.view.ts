import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const nullableText = (description?: string) => ({ type: String, nullable: true, description });

/**
 * A record as the API shows it: everything its hash covers (in the shape of
 * its hash version: version 1 records lack the fields added later), the
 * hashes, and the hash version, so anyone can re-check a link.
 */
export class AuditEventRecordView {
  /** Place in the chain (a decimal string: a bigint). */
  seq!: string;
  id!: string;
  hashVersion!: number;
  /** What the record came from: an outcome's id, an HR event's id, ... (version 1 names it `outcomeId`). */
  sourceId?: string;
  outcomeId?: string;
  kind?: string;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  employeeId!: string;
  @ApiProperty(nullableText())
  appId!: string | null;
  action!: string;
  @ApiProperty(nullableText())
  outcome!: string | null;
  eventId!: string;
  @ApiProperty(nullableText())
  workflowId!: string | null;
  actor!: string;
  @ApiPropertyOptional(nullableText())
  actorId?: string | null;
  @ApiPropertyOptional(nullableText())
  rule?: string | null;
  @ApiPropertyOptional(nullableText())
  group?: string | null;
  @ApiProperty(nullableText())
  externalId!: string | null;
  @ApiProperty(nullableText())
  reason!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  effectiveAt?: string | null;
  /** Further details, parsed; the hash covers their canonical JSON text. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  details?: Record<string, unknown> | null;
  prevHash!: string;
  hash!: string;
}

export class AuditEventsPageView {
  items!: AuditEventRecordView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  @ApiProperty(nullableText())
  nextCursor!: string | null;
}
