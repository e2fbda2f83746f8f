import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GOVERNANCE_ACTIONS, IsCanonicalTime, PLAN_DECISIONS } from '@tenure/contracts';
import { ACTOR_KINDS, LIFECYCLE_ACTIONS, LIFECYCLE_EVENT_TYPES, OUTCOME_RESULTS } from '@tenure/domain';
import { AUDIT_RECORD_KINDS } from '../../ledger/new-audit-record';

/** Every action the record holds: steps against apps, `hr.<type>`, `plan.<decision>`, `review.*` and `sod.check`. */
export const AUDIT_ACTIONS = [
  ...LIFECYCLE_ACTIONS,
  ...LIFECYCLE_EVENT_TYPES.map((type) => `hr.${type}`),
  ...PLAN_DECISIONS.map((decision) => `plan.${decision}`),
  ...GOVERNANCE_ACTIONS,
];

/** The filters shared by the events page and the export. */
export class AuditFilterDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  employeeId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  appId?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'action must be an action the record holds, e.g. account.disable or hr.terminate' })
  action?: string;

  @IsOptional()
  @IsIn(AUDIT_RECORD_KINDS)
  kind?: string;

  @IsOptional()
  @IsIn(OUTCOME_RESULTS)
  outcome?: string;

  @IsOptional()
  @IsIn(ACTOR_KINDS)
  actor?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  eventId?: string;

  /** Inclusive lower bound of `at`. */
  @IsOptional()
  @IsCanonicalTime({ forms: ['instant'] })
  from?: string;

  /** Exclusive upper bound of `at`. */
  @IsOptional()
  @IsCanonicalTime({ forms: ['instant'] })
  to?: string;
}
