import { ApiProperty } from '@nestjs/swagger';
import type { CampaignStatus } from '@tenure/temporal-contracts';
import type { CampaignReport } from '../campaign-report';
import { CAMPAIGN_STATUSES } from './campaigns-query.dto';

const nullableInstant = { type: String, format: 'date-time', nullable: true } as const;

/** An access review campaign; recurring occurrences share a series id. */
export class CampaignView {
  campaignId!: string;
  seriesId!: string;
  name!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status!: CampaignStatus;
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  /** The definition the campaign was started with (scope, reviewers, recurrence, ...). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  definition!: object;
  createdBy!: string;
  @ApiProperty(nullableInstant)
  openedAt!: string | null;
  @ApiProperty(nullableInstant)
  closedAt!: string | null;
}

export class CampaignListView {
  items!: CampaignView[];
}

export class CampaignCountsView {
  items!: number;
  decided!: number;
  kept!: number;
  revoked!: number;
  undecided!: number;
  overdue!: number;
  escalated!: number;
  sodConflicts!: number;
}

export class CampaignDetailView extends CampaignView {
  counts!: CampaignCountsView;
  /** Share of items decided, 0–100. */
  completion!: number;
}

export class ReportedItemView {
  itemId!: string;
  @ApiProperty({ type: String, nullable: true })
  employeeId!: string | null;
  appId!: string;
  groups!: string[];
  roles!: string[];
  reviewerIds!: string[];
  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true })
  revocation!: string | null;
  @ApiProperty({ type: String, nullable: true })
  revocationDetail!: string | null;
  runId?: string;
}

/** Completion, what was revoked (and what became of it) and what is overdue. */
export class CampaignReportView implements CampaignReport {
  campaignId!: string;
  name!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status!: string;
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  @ApiProperty(nullableInstant)
  closedAt!: string | null;
  counts!: CampaignCountsView;
  completion!: number;
  revoked!: ReportedItemView[];
  overdue!: ReportedItemView[];
}
