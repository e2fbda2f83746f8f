import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignStatus } from '@tenure/temporal-contracts';
import type { CampaignDefinition } from './campaign-definition';
import type { CampaignReport } from './campaign-report';

/** An access review campaign; recurring occurrences share a series id. */
@Entity({ name: 'review_campaigns' })
export class ReviewCampaignEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' })
  campaignId: string;

  @Column({ name: 'series_id', type: 'text' })
  seriesId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  status: CampaignStatus;

  @Column({ type: 'jsonb' })
  definition: CampaignDefinition;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ type: 'jsonb', nullable: true })
  report: CampaignReport | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
