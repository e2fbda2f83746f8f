import type { ActorKind } from '@tenure/domain';
import type { GovernancePublisher } from '../sod/governance.publisher';
import type { ReviewCampaignEntity } from './review-campaign.entity';
import type { ReviewDecision, ReviewItemEntity } from './review-item.entity';
import { itemDetails, reviewRecord } from './review-records';
import type { ReviewRevoker } from './review-revoker';
import type { ReviewsRepository } from './reviews.repository';

export interface Decider {
  actor: ActorKind;
  actorId: string;
}

/**
 * One decision on one item, whoever makes it (a reviewer, or the campaign's
 * rule at the due date): recorded once, audited, and a revoke carried out.
 * Returns false when the item was decided already.
 */
export class ReviewDecisions {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly revoker: ReviewRevoker,
    private readonly records: GovernancePublisher,
  ) {}

  async decide(
    campaign: ReviewCampaignEntity,
    item: ReviewItemEntity,
    decision: ReviewDecision,
    reason: string,
    by: Decider,
  ): Promise<boolean> {
    const first = await this.reviews.decide(item, { decision, reason, decidedBy: by.actorId });
    if (!first) return false;
    Object.assign(item, { decision, reason, decidedBy: by.actorId, decidedAt: new Date() });
    const revocation = decision === 'revoke' ? await this.revoker.revoke(item, by.actorId, reason) : undefined;
    if (revocation) {
      Object.assign(item, { revocation: revocation.revocation, revocationDetail: revocation.detail });
      if (revocation.runId) item.access = { ...item.access, runId: revocation.runId };
      await this.reviews.saveItem(item);
    }
    await this.records.publish(
      reviewRecord(campaign, decision === 'keep' ? 'review.keep' : 'review.revoke', {
        employeeId: item.employeeId,
        appId: item.appId,
        actor: by.actor,
        actorId: by.actorId,
        outcome: revocation?.revocation ?? 'kept',
        reason,
        details: {
          ...itemDetails(item),
          ...(revocation?.runId ? { runId: revocation.runId } : {}),
          ...(revocation?.detail ? { revocationDetail: revocation.detail } : {}),
        },
        about: [item.itemId],
      }),
    );
    return true;
  }
}
