import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

export const REVIEW_DECISIONS = ['keep', 'revoke'] as const;

/** Body of `POST /v1/reviews/items/:itemId/decision`. */
export class ReviewDecisionDto {
  @IsIn(REVIEW_DECISIONS, { message: 'decision must be keep or revoke' })
  decision: 'keep' | 'revoke';

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

/**
 * Body of `POST /v1/reviews/campaigns/:campaignId/decisions`: one decision for
 * many items. Without `confirm: true` nothing is decided; the answer lists
 * what would be.
 */
export class BulkReviewDecisionDto extends ReviewDecisionDto {
  /** The items to decide; absent: every undecided item of the campaign the caller reviews. */
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @Matches(/^[a-z0-9.-]{1,80}$/, { each: true, message: 'each item id must be an item id of the campaign' })
  itemIds?: string[];

  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}

export class CancelCampaignDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
