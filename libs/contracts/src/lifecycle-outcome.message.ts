import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ACTOR_KINDS,
  ActorKind,
  LIFECYCLE_ACTIONS,
  LifecycleAction,
  LifecycleOutcome,
  OUTCOME_RESULTS,
  OutcomeResult,
} from '@tenure/domain';
import { IsInstant } from './is-time.validator';

/** Value of `tenure.lifecycle.outcomes.v1`; key = employeeId. */
export class LifecycleOutcomeMessage implements LifecycleOutcome {
  @IsString()
  @MaxLength(512)
  outcomeId: string;

  @IsInstant()
  at: string;

  @IsString()
  @MaxLength(64)
  employeeId: string;

  @IsString()
  @MaxLength(64)
  appId: string;

  @IsIn(LIFECYCLE_ACTIONS)
  action: LifecycleAction;

  @IsIn(OUTCOME_RESULTS)
  outcome: OutcomeResult;

  @IsString()
  @MaxLength(128)
  eventId: string;

  @IsString()
  @MaxLength(256)
  workflowId: string;

  @IsIn(ACTOR_KINDS)
  actor: ActorKind;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  rule?: string;

  /** The group a `group.add` or `group.remove` step was about. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  group?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  externalId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
