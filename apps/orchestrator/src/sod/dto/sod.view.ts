import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOD_SEVERITIES, type SodRule, type SodSeverity, type SodViolation } from '@tenure/policy';

/** Entitlements one person must not hold together (`config/sod.yaml`). */
export class SodRuleView implements SodRule {
  name!: string;
  @ApiProperty({ enum: SOD_SEVERITIES })
  severity!: SodSeverity;
  /** `app` (any account in it) or `app:name` (a group or role of that app). */
  entitlements!: string[];
  /** Who approves as well when a `medium` rule is involved. */
  approver?: string;
  description?: string;
}

export class SodRulesView {
  rules!: SodRuleView[];
}

/** A rule a person breaks, and the entitlements of it they hold. */
export class SodViolationView implements SodViolation {
  rule!: string;
  @ApiProperty({ enum: SOD_SEVERITIES })
  severity!: SodSeverity;
  entitlements!: string[];
  @ApiPropertyOptional()
  approver?: string;
}

export class PersonViolationView extends SodViolationView {
  employeeId!: string;
}

export class PersonViolationsView {
  items!: PersonViolationView[];
}
