import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ACTOR_KINDS, ActorKind, LIFECYCLE_EVENT_TYPES, LifecycleEventType } from '@tenure/domain';
import { IsInstant } from './is-time.validator';

/** What the orchestrator decided to do with an HR event (or an operator's command). */
export const PLAN_DECISIONS = [
  'planned',
  'scheduled',
  'waiting_approval',
  'approved',
  'rejected',
  'cancelled',
  'skipped_duplicate',
  'skipped_stale',
] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];

/** One per-app change of a plan; `rule` names the policy rule or access request that justifies it. */
export class PlannedChangeMessage {
  @IsString()
  @MaxLength(64)
  appId: string;

  /** e.g. create, update, group.add, group.remove, disable, revoke_sessions, transfer_ownership, delete, not_supported. */
  @IsString()
  @MaxLength(64)
  change: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  rule?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  groups?: string[];

  /** For `not_supported`: the change the app's connector cannot make. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  requested?: string;

  /** When the change runs. */
  @IsOptional()
  @IsInstant()
  at?: string;
}

/** Value of `tenure.lifecycle.decisions.v1`; key = employeeId. */
export class PlanDecisionMessage {
  /** Deterministic per decision, so a re-published one is recognised as the same. */
  @IsString()
  @MaxLength(512)
  decisionId: string;

  @IsInstant()
  at: string;

  @IsString()
  @MaxLength(64)
  employeeId: string;

  @IsString()
  @MaxLength(128)
  eventId: string;

  @IsIn(LIFECYCLE_EVENT_TYPES)
  eventType: LifecycleEventType;

  @IsString()
  @MaxLength(256)
  workflowId: string;

  @IsIn(PLAN_DECISIONS)
  decision: PlanDecision;

  /** When the changes run (the effective moment for a scheduled decision). */
  @IsOptional()
  @IsInstant()
  runAt?: string;

  @IsIn(ACTOR_KINDS)
  actor: ActorKind;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  actorId?: string;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlannedChangeMessage)
  changes: PlannedChangeMessage[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
