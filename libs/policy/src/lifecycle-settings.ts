import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const DURATION = /^(\d{1,5})(s|m|h|d)$/;
const DURATION_MESSAGE = '$property must be a duration such as 30s, 15m, 12h or 30d';
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30d` → milliseconds; the format is validated when the policy file loads. */
export function durationMs(duration: string): number {
  const match = DURATION.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

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

  /** A single event that would disable or delete more accounts than this waits for an operator's approval. */
  @IsOptional()
  @IsInt({ message: 'blastRadiusLimit must be a whole number' })
  @Min(1)
  @Max(100_000)
  blastRadiusLimit: number = 25;

  @IsOptional()
  @IsIn(CONTRACTOR_EXPIRY_MODES, { message: `contractorExpiry must be one of: ${CONTRACTOR_EXPIRY_MODES.join(', ')}` })
  contractorExpiry: ContractorExpiryMode = 'terminate';
}
