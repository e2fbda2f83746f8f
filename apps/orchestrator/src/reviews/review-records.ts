import type { GovernanceAction, GovernanceRecordMessage } from '@tenure/contracts';
import type { ActorKind } from '@tenure/domain';
import { accessReviewWorkflowId } from '@tenure/temporal-contracts';
import type { ReviewCampaignEntity } from './review-campaign.entity';
import type { ReviewItemEntity } from './review-item.entity';

/** An item's context as the audit record keeps it (the access, where it came from, its conflicts). */
export function itemDetails(item: ReviewItemEntity): Record<string, unknown> {
  return {
    itemId: item.itemId,
    source: item.source,
    birthright: item.birthright,
    groups: item.access.groups,
    roles: item.access.roles,
    rules: item.access.rules,
    ...(item.access.requestId ? { requestId: item.access.requestId } : {}),
    ...(item.access.externalId ? { externalId: item.access.externalId } : {}),
    reviewerIds: item.reviewerIds,
    ...(item.sod.length > 0 ? { sod: item.sod.map((violation) => violation.rule) } : {}),
  };
}

/**
 * A campaign's record for the audit trail. The id is derived from what it is
 * about, so a retried activity or API call re-publishes the same record.
 */
export function reviewRecord(
  campaign: Pick<ReviewCampaignEntity, 'campaignId' | 'name'>,
  action: GovernanceAction,
  options: {
    employeeId?: string | null;
    appId?: string;
    actor?: ActorKind;
    actorId?: string;
    outcome?: string;
    reason?: string | null;
    details?: Record<string, unknown>;
    /** Tells apart records of the same action: the item, the reviewer reminded, the reminder's number. */
    about?: string[];
  } = {},
): GovernanceRecordMessage {
  return {
    recordId: ['review', campaign.campaignId, action, ...(options.about ?? [])].join('/').slice(0, 512),
    kind: 'review',
    at: new Date().toISOString(),
    action,
    employeeId: options.employeeId ?? '',
    ...(options.appId ? { appId: options.appId } : {}),
    subjectId: campaign.campaignId,
    workflowId: accessReviewWorkflowId(campaign.campaignId),
    actor: options.actor ?? 'system',
    ...(options.actorId ? { actorId: options.actorId } : {}),
    ...(options.outcome ? { outcome: options.outcome } : {}),
    rule: campaign.name.slice(0, 128),
    ...(options.reason ? { reason: options.reason.slice(0, 2000) } : {}),
    ...(options.details ? { details: options.details } : {}),
  };
}
