import { ApiPropertyOptional } from '@nestjs/swagger';
import { EMPLOYMENT_TYPES, type EmploymentType } from '@tenure/domain';
import type { GrantConfig, PolicyRule, RuleConditions } from '@tenure/policy';
import type { PolicyInForce } from '../policy.controller';

export class RuleConditionsView implements RuleConditions {
  department?: string[];
  title?: string[];
  location?: string[];
  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, isArray: true })
  employmentType?: EmploymentType[];
}

export class GrantView implements GrantConfig {
  app!: string;
  roles!: string[];
  groups!: string[];
}

export class PolicyRuleView implements PolicyRule {
  name!: string;
  when?: RuleConditionsView;
  grant!: GrantView[];
}

/** The policy in force, so a candidate can be compared with it. */
export class PolicyInForceView implements PolicyInForce {
  /** config/policy.yaml as the orchestrator read it at start (a `${VAR}` shows as written, never its value). */
  text!: string;
  rules!: PolicyRuleView[];
}
