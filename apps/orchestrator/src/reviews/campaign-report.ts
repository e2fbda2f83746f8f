import type { ReviewCampaignEntity } from './review-campaign.entity';
import type { ReviewItemEntity } from './review-item.entity';

export interface ReportedItem {
  itemId: string;
  employeeId: string | null;
  appId: string;
  groups: string[];
  roles: string[];
  reviewerIds: string[];
  decidedBy: string | null;
  reason: string | null;
  revocation: string | null;
  revocationDetail: string | null;
  runId?: string;
}

export interface CampaignReport {
  campaignId: string;
  name: string;
  status: string;
  startsAt: string;
  dueAt: string;
  closedAt: string | null;
  counts: {
    items: number;
    decided: number;
    kept: number;
    revoked: number;
    undecided: number;
    overdue: number;
    escalated: number;
    sodConflicts: number;
  };
  /** Share of items decided, 0–100. */
  completion: number;
  revoked: ReportedItem[];
  overdue: ReportedItem[];
}

const reported = (item: ReviewItemEntity): ReportedItem => ({
  itemId: item.itemId,
  employeeId: item.employeeId,
  appId: item.appId,
  groups: item.access.groups,
  roles: item.access.roles,
  reviewerIds: item.reviewerIds,
  decidedBy: item.decidedBy,
  reason: item.reason,
  revocation: item.revocation,
  revocationDetail: item.revocationDetail,
  ...(item.access.runId ? { runId: item.access.runId } : {}),
});

/** Completion, what was revoked (and what became of it) and what is overdue; an item undecided past the due date is overdue. */
export function campaignReport(campaign: ReviewCampaignEntity, items: ReviewItemEntity[], now: Date): CampaignReport {
  const undecided = items.filter((item) => !item.decision);
  const pastDue = now.getTime() >= campaign.dueAt.getTime() || campaign.status === 'completed';
  const overdue = pastDue && campaign.status !== 'cancelled' ? undecided : [];
  const revoked = items.filter((item) => item.decision === 'revoke');
  const decided = items.length - undecided.length;
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    dueAt: campaign.dueAt.toISOString(),
    closedAt: campaign.closedAt?.toISOString() ?? null,
    counts: {
      items: items.length,
      decided,
      kept: items.filter((item) => item.decision === 'keep').length,
      revoked: revoked.length,
      undecided: undecided.length,
      overdue: overdue.length,
      escalated: items.filter((item) => item.escalatedFrom !== null).length,
      sodConflicts: items.filter((item) => item.sod.length > 0).length,
    },
    completion: items.length === 0 ? 100 : Math.floor((decided * 100) / items.length),
    revoked: revoked.map(reported),
    overdue: overdue.map(reported),
  };
}
