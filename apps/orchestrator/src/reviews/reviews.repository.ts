import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { CampaignStatus } from '@tenure/temporal-contracts';
import { ReviewCampaignEntity } from './review-campaign.entity';
import { ReviewItemEntity } from './review-item.entity';
import type { NewReviewItem } from './review-items.builder';

const OPEN: CampaignStatus[] = ['open', 'escalated'];

/** Campaigns and their items in the identity store. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get campaigns() {
    return this.dataSource.getRepository(ReviewCampaignEntity);
  }

  private get items() {
    return this.dataSource.getRepository(ReviewItemEntity);
  }

  async createCampaign(campaign: Omit<ReviewCampaignEntity, 'updatedAt'>): Promise<ReviewCampaignEntity> {
    await this.campaigns.insert(campaign);
    return (await this.findCampaign(campaign.campaignId)) as ReviewCampaignEntity;
  }

  findCampaign(campaignId: string): Promise<ReviewCampaignEntity | null> {
    return this.campaigns.findOneBy({ campaignId });
  }

  listCampaigns(limit: number, status?: CampaignStatus): Promise<ReviewCampaignEntity[]> {
    return this.campaigns.find({ where: status ? { status } : {}, order: { createdAt: 'DESC' }, take: limit });
  }

  async setStatus(
    campaignId: string,
    status: CampaignStatus,
    extra: Partial<ReviewCampaignEntity> = {},
  ): Promise<void> {
    await this.campaigns.update({ campaignId }, { status, ...extra });
  }

  /**
   * Opens a scheduled campaign with its items, once: a retried activity, or
   * two at once, find it open and add nothing.
   */
  async open(campaignId: string, build: () => Promise<NewReviewItem[]>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager
        .getRepository(ReviewCampaignEntity)
        .findOne({ where: { campaignId }, lock: { mode: 'pessimistic_write' } });
      if (!campaign) return 0;
      if (campaign.status === 'scheduled') {
        const items = await build();
        for (let start = 0; start < items.length; start += 500) {
          await manager.getRepository(ReviewItemEntity).insert(items.slice(start, start + 500));
        }
        await manager
          .getRepository(ReviewCampaignEntity)
          .update({ campaignId }, { status: 'open', openedAt: new Date() });
      }
      return this.undecidedIn(manager, campaignId);
    });
  }

  private undecidedIn(manager: EntityManager, campaignId: string): Promise<number> {
    return manager.getRepository(ReviewItemEntity).countBy({ campaignId, decision: IsNull() });
  }

  undecided(campaignId: string): Promise<number> {
    return this.undecidedIn(this.dataSource.manager, campaignId);
  }

  itemsOf(campaignId: string, filter: { undecided?: boolean } = {}): Promise<ReviewItemEntity[]> {
    return this.items.find({
      where: { campaignId, ...(filter.undecided ? { decision: IsNull() } : {}) },
      order: { employeeId: 'ASC', appId: 'ASC', itemId: 'ASC' },
    });
  }

  findItems(itemIds: string[]): Promise<ReviewItemEntity[]> {
    return itemIds.length === 0 ? Promise.resolve([]) : this.items.findBy({ itemId: In(itemIds) });
  }

  /** Undecided items in open campaigns that this person reviews. */
  async itemsReviewedBy(reviewerId: string): Promise<ReviewItemEntity[]> {
    return this.items
      .createQueryBuilder('item')
      .innerJoin(ReviewCampaignEntity, 'campaign', 'campaign.campaign_id = item.campaign_id')
      .where('item.reviewer_ids @> :reviewer::jsonb', { reviewer: JSON.stringify([reviewerId]) })
      .andWhere('item.decision IS NULL')
      .andWhere('campaign.status IN (:...open)', { open: OPEN })
      .orderBy('item.campaign_id')
      .addOrderBy('item.employee_id')
      .addOrderBy('item.app_id')
      .getMany();
  }

  /** Records a decision once: an item already decided is left as it is (the answer says so). */
  async decide(
    item: ReviewItemEntity,
    decision: Pick<ReviewItemEntity, 'decision' | 'reason' | 'decidedBy'>,
  ): Promise<boolean> {
    const result = await this.items.update(
      { itemId: item.itemId, decision: IsNull() },
      { ...decision, decidedAt: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }

  async saveItem(item: ReviewItemEntity): Promise<void> {
    await this.items.save(item);
  }
}
