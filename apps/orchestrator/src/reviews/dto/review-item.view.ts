import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SodViolationView } from '../../sod/dto/sod.view';
import type { RevocationStatus, ReviewDecision, ReviewItemSource } from '../review-item.entity';

const nullableText = { type: String, nullable: true } as const;

/** One person's access in one app, under review. */
export class ReviewItemView {
  itemId!: string;
  campaignId!: string;
  @ApiProperty(nullableText)
  employeeId!: string | null;
  appId!: string;
  @ApiProperty({ enum: ['birthright', 'access_request', 'reconciliation'] })
  source!: ReviewItemSource;
  birthright!: boolean;
  groups!: string[];
  roles!: string[];
  /** The policy rules that grant it, or `access-request:<id>`, or `reconciliation: unmanaged|orphaned`. */
  rules!: string[];
  @ApiProperty(nullableText)
  grantedAt!: string | null;
  @ApiProperty(nullableText)
  grantedBy!: string | null;
  /** When the app last saw the person use it, where the app reports it. */
  @ApiProperty(nullableText)
  lastActivityAt!: string | null;
  requestId?: string;
  externalId?: string;
  @ApiPropertyOptional()
  userName?: string;
  sod!: SodViolationView[];
  /** Who may decide it now (any one of them). */
  reviewerIds!: string[];
  /** The reviewers before an escalation to their managers. */
  @ApiProperty({ type: [String], nullable: true })
  escalatedFrom!: string[] | null;
  @ApiProperty({ type: String, enum: ['keep', 'revoke'], nullable: true })
  decision!: ReviewDecision | null;
  @ApiProperty(nullableText)
  reason!: string | null;
  @ApiProperty(nullableText)
  decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
  @ApiProperty({ type: String, enum: ['requested', 'revoked', 'failed', 'policy_change_needed'], nullable: true })
  revocation!: RevocationStatus | null;
  @ApiProperty(nullableText)
  revocationDetail!: string | null;
  /** The run that carries out a revoke. */
  @ApiProperty(nullableText)
  runId!: string | null;
}

export class ReviewItemListView {
  items!: ReviewItemView[];
}

export class RefusedItemView {
  itemId!: string;
  reason!: string;
}

/**
 * One decision for many items: without `confirm` it lists what would be
 * decided (`items`); with it, what was (`decided`). Either way, what was refused.
 */
export class BulkDecisionView {
  confirmed!: boolean;
  @ApiProperty({ enum: ['keep', 'revoke'] })
  decision!: ReviewDecision;
  /** Without `confirm`: how to go on. */
  message?: string;
  /** Without `confirm`: the items that would be decided. */
  items?: ReviewItemView[];
  /** With `confirm`: the items decided. */
  decided?: ReviewItemView[];
  refused!: RefusedItemView[];
}
