import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Reconciliation compares every app's accounts with the identity store on a
 * Temporal schedule (`everyMinutes`) and on demand. With `autoDisableOrphans`,
 * orphaned accounts are disabled, unless an app has more than
 * `maxAutoDisable` of them: then the report says the action needs approval.
 */
export class ReconciliationConfig {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  everyMinutes = 60;

  @IsOptional()
  @IsBoolean()
  autoDisableOrphans = false;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  maxAutoDisable = 10;
}
