import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTOR_KINDS, ActorKind } from '@tenure/domain';
import { IsInstant } from './is-time.validator';

/** What a governance record is about: an access review, or a separation-of-duties check. */
export const GOVERNANCE_KINDS = ['review', 'sod'] as const;
export type GovernanceKind = (typeof GOVERNANCE_KINDS)[number];

/** Every action a governance record may carry. */
export const GOVERNANCE_ACTIONS = [
  'review.started',
  'review.reminder',
  'review.keep',
  'review.revoke',
  'review.escalated',
  'review.completed',
  'review.cancelled',
  'sod.check',
] as const;
export type GovernanceAction = (typeof GOVERNANCE_ACTIONS)[number];

/**
 * Value of `tenure.governance.records.v1`; key = employeeId (or the campaign
 * id for a campaign's own records). One message per campaign decision,
 * reminder, escalation and report, and per separation-of-duties check.
 */
export class GovernanceRecordMessage {
  /** Deterministic per fact, so a re-published one is recognised as the same record. */
  @IsString()
  @MaxLength(512)
  recordId: string;

  @IsIn(GOVERNANCE_KINDS)
  kind: GovernanceKind;

  @IsInstant()
  at: string;

  @IsIn(GOVERNANCE_ACTIONS)
  action: GovernanceAction;

  /** The person the record is about; empty for a campaign's own records. */
  @IsString()
  @MaxLength(64)
  employeeId: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  appId?: string;

  /** The campaign id, or the access request or run the check was for. */
  @IsString()
  @MaxLength(128)
  subjectId: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  workflowId?: string;

  @IsIn(ACTOR_KINDS)
  actor: ActorKind;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  actorId?: string;

  /** review: keep, revoke, revoked, failed; sod: allowed, needs_approval, refused, violation. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  outcome?: string;

  /** The separation-of-duties rule, or the campaign's name. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  rule?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  /** What else the record says (the item's context, the report, the violations). */
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;
}
