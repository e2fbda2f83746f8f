import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { CampaignStatus } from '@tenure/temporal-contracts';

export const CAMPAIGN_STATUSES: CampaignStatus[] = ['scheduled', 'open', 'escalated', 'completed', 'cancelled'];

export class CampaignsQueryDto {
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class CampaignItemsQueryDto {
  @IsOptional()
  @IsIn(['undecided', 'keep', 'revoke'])
  decision?: 'undecided' | 'keep' | 'revoke';
}
