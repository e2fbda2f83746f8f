import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DURATION, DURATION_MESSAGE } from './durations';

/**
 * The org-wide mass-change guard: how many people may lose access within a
 * sliding window before the runs beyond that wait, as one batch, for an
 * operator. It protects against an HR or policy mistake (an export that marks
 * everyone inactive, a wrong filter), never against one person having many apps.
 */
export class MassChangeSettings {
  /** The sliding window over which disables and deletes are counted. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  window: string = '15m';

  /** People whose accounts may be disabled (or deleted) within the window; the next ones are held. */
  @IsOptional()
  @IsInt({ message: 'maxPeople must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  maxPeople: number = 50;

  /** Also hold past this share (%) of the people Tenure manages as active, when that is fewer people. */
  @IsOptional()
  @IsInt({ message: 'maxPercent must be a whole number' })
  @Min(1)
  @Max(100)
  maxPercent?: number;

  /** Deletions cannot be undone: people whose accounts may be deleted within the window. */
  @IsOptional()
  @IsInt({ message: 'maxPeopleDeleted must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  maxPeopleDeleted: number = 25;
}
