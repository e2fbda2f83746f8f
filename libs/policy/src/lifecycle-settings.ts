import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DURATION, DURATION_MESSAGE } from './durations';
import { MassChangeSettings } from './mass-change-settings';

export { durationMs } from './durations';

/** What happens when a contractor's endDate passes: a full leaver process, or accounts disabled only. */
export const CONTRACTOR_EXPIRY_MODES = ['terminate', 'disable'] as const;
export type ContractorExpiryMode = (typeof CONTRACTOR_EXPIRY_MODES)[number];

/** The `lifecycle:` section of policy.yaml: timing and safety of joiner, mover and leaver runs. */
export class LifecycleSettings {
  /** How long before a future start date accounts are created (disabled until the start). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  prepareLeadTime: string = '3d';

  /** How long a mover keeps the access of their old position after the change takes effect. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  moverOverlap: string = '0s';

  /** How long a leaver's disabled accounts are kept before they are deleted. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  retentionBeforeDelete: string = '30d';

  /** How many people may lose access org-wide in a window before the rest wait for an operator. */
  @IsOptional()
  @ValidateNested()
  @Type(() => MassChangeSettings)
  massChange: MassChangeSettings = new MassChangeSettings();

  /**
   * Deprecated and ignored: it held one person's run for having many accounts.
   * Still accepted so older files load; the orchestrator warns at start.
   */
  @IsOptional()
  @IsInt({ message: 'blastRadiusLimit must be a whole number' })
  @Min(1)
  @Max(100_000)
  blastRadiusLimit?: number;

  @IsOptional()
  @IsIn(CONTRACTOR_EXPIRY_MODES, { message: `contractorExpiry must be one of: ${CONTRACTOR_EXPIRY_MODES.join(', ')}` })
  contractorExpiry: ContractorExpiryMode = 'terminate';
}
