import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SodViolation } from '@tenure/policy';

/** Where an item comes from: birthright policy, an approved access request, or an account reconciliation found. */
export type ReviewItemSource = 'birthright' | 'access_request' | 'reconciliation';
export type ReviewDecision = 'keep' | 'revoke';
/**
 * What became of a revoke: `requested` (the removal run is planned), `revoked`
 * (done at once, e.g. an account disabled through the gateway), `failed`, or
 * `policy_change_needed` (birthright: policy would grant it again).
 */
export type RevocationStatus = 'requested' | 'revoked' | 'failed' | 'policy_change_needed';

/** The access under review and its context. */
export interface ReviewedAccess {
  groups: string[];
  roles: string[];
  /** The policy rules that grant it, or `access-request:<id>`, or `reconciliation: unmanaged|orphaned`. */
  rules: string[];
  requestId?: string;
  externalId?: string;
  userName?: string;
  grantedAt?: string;
  grantedBy?: string;
  /** When the app last saw the person use it, where the app reports it (no connector does yet). */
  lastActivityAt: string | null;
  /** The run that carries out a revoke. */
  runId?: string;
}

@Entity({ name: 'review_items' })
export class ReviewItemEntity {
  @PrimaryColumn({ name: 'item_id', type: 'text' })
  itemId: string;

  @Column({ name: 'campaign_id', type: 'text' })
  campaignId: string;

  @Column({ name: 'employee_id', type: 'text', nullable: true })
  employeeId: string | null;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  source: ReviewItemSource;

  @Column({ type: 'jsonb' })
  access: ReviewedAccess;

  @Column({ type: 'boolean' })
  birthright: boolean;

  @Column({ type: 'jsonb' })
  sod: SodViolation[];

  /** Who may decide it now (any one of them). */
  @Column({ name: 'reviewer_ids', type: 'jsonb' })
  reviewerIds: string[];

  /** The reviewers before an escalation to their managers. */
  @Column({ name: 'escalated_from', type: 'jsonb', nullable: true })
  escalatedFrom: string[] | null;

  @Column({ type: 'text', nullable: true })
  decision: ReviewDecision | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revocation: RevocationStatus | null;

  @Column({ name: 'revocation_detail', type: 'text', nullable: true })
  revocationDetail: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
