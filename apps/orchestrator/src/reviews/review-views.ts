import type { ReviewCampaignEntity } from './review-campaign.entity';
import type { ReviewItemEntity } from './review-item.entity';
import type { CampaignView } from './dto/campaign.view';
import type { ReviewItemView } from './dto/review-item.view';

/** The view classes are the documented schema: the return types keep these answers to them. */
export function campaignView(campaign: ReviewCampaignEntity): CampaignView {
  return {
    campaignId: campaign.campaignId,
    seriesId: campaign.seriesId,
    name: campaign.name,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    dueAt: campaign.dueAt.toISOString(),
    definition: campaign.definition,
    createdBy: campaign.createdBy,
    openedAt: campaign.openedAt?.toISOString() ?? null,
    closedAt: campaign.closedAt?.toISOString() ?? null,
  };
}

export function itemView(item: ReviewItemEntity): ReviewItemView {
  return {
    itemId: item.itemId,
    campaignId: item.campaignId,
    employeeId: item.employeeId,
    appId: item.appId,
    source: item.source,
    birthright: item.birthright,
    groups: item.access.groups,
    roles: item.access.roles,
    rules: item.access.rules,
    grantedAt: item.access.grantedAt ?? null,
    grantedBy: item.access.grantedBy ?? null,
    lastActivityAt: item.access.lastActivityAt,
    ...(item.access.requestId ? { requestId: item.access.requestId } : {}),
    ...(item.access.externalId ? { externalId: item.access.externalId, userName: item.access.userName } : {}),
    sod: item.sod,
    reviewerIds: item.reviewerIds,
    escalatedFrom: item.escalatedFrom,
    decision: item.decision,
    reason: item.reason,
    decidedBy: item.decidedBy,
    decidedAt: item.decidedAt?.toISOString() ?? null,
    revocation: item.revocation,
    revocationDetail: item.revocationDetail,
    runId: item.access.runId ?? null,
  };
}
