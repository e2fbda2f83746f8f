import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource, In } from 'typeorm';
import type { SodRule } from '@tenure/policy';
import type { CampaignTimeline } from '@tenure/temporal-contracts';
import { PersonEntity } from '../identity/person.entity';
import { peoplePages } from '../identity/people-pages';
import type { GovernancePublisher } from '../sod/governance.publisher';
import type { PolicyService } from '../policy/policy.service';
import type { ReconciliationReport } from '../reconciliation/reconciliation.types';
import type { HeldAccessReader, PersonAccess } from '../sod/held-access.reader';
import { campaignReport } from './campaign-report';
import { campaignTimeline, dueAtOf } from './campaign-timeline';
import type { ReviewCampaignEntity } from './review-campaign.entity';
import type { ReviewDecisions } from './review-decisions';
import { buildReviewItems } from './review-items.builder';
import { itemDetails, reviewRecord } from './review-records';
import type { ReviewsRepository } from './reviews.repository';

/** People whose access is reviewed: everyone who has started and not left. */
const REVIEWED_STATES = ['active', 'on_leave'] as const;
const REPORT_LIST_LIMIT = 200;

export interface ReviewActivityDependencies {
  reviews: ReviewsRepository;
  decisions: ReviewDecisions;
  held: HeldAccessReader;
  dataSource: DataSource;
  policy: Pick<PolicyService, 'catalogueOf'>;
  sodRules: SodRule[];
  records: GovernancePublisher;
  /** A completed reconciliation's report; absent when the id names none. */
  reconciliationReport: (id: string) => Promise<ReconciliationReport | undefined>;
  logger: Pick<Logger, 'info'>;
}

/** The id of a recurring campaign's next occurrence follows from this one's: a retry finds it already made. */
export function nextCampaignId(campaignId: string): string {
  return `rc-${createHash('sha256').update(`${campaignId}/next`).digest('hex').slice(0, 24)}`;
}

export function createReviewActivities(deps: ReviewActivityDependencies) {
  const { reviews, records } = deps;

  async function campaignOf(campaignId: string): Promise<ReviewCampaignEntity> {
    const campaign = await reviews.findCampaign(campaignId);
    if (!campaign) throw new Error(`no access review campaign ${campaignId}`);
    return campaign;
  }

  async function gather(campaign: ReviewCampaignEntity) {
    const { scope } = campaign.definition;
    const people: PersonEntity[] = [];
    const access = new Map<string, PersonAccess>();
    for await (const page of peoplePages(deps.dataSource, [...REVIEWED_STATES], scope.employeeIds)) {
      people.push(...page);
      for (const [id, held] of await deps.held.accessOf(page.map((person) => person.employeeId))) access.set(id, held);
    }
    return { people, access };
  }

  return {
    async campaignTimeline(campaignId: string): Promise<CampaignTimeline | null> {
      const campaign = await campaignOf(campaignId);
      if (campaign.status === 'cancelled') return null;
      return campaignTimeline(campaignId, campaign.definition, campaign.startsAt);
    },

    async openCampaign(campaignId: string): Promise<{ undecided: number }> {
      const campaign = await campaignOf(campaignId);
      const undecided = await reviews.open(campaignId, async () => {
        const { people, access } = await gather(campaign);
        const reconciliationId = campaign.definition.scope.reconciliationId;
        return buildReviewItems({
          campaignId,
          definition: campaign.definition,
          people,
          access,
          reconciliation: reconciliationId ? await deps.reconciliationReport(reconciliationId) : undefined,
          catalogueOf: (appId) => deps.policy.catalogueOf(appId),
          sodRules: deps.sodRules,
          now: new Date(),
        });
      });
      // Published again by a retry, under the same record id: the audit trail keeps one.
      {
        const items = await reviews.itemsOf(campaignId);
        await records.publish(
          reviewRecord(campaign, 'review.started', {
            actorId: campaign.createdBy,
            details: {
              items: items.length,
              scope: { ...campaign.definition.scope },
              reviewers: { ...campaign.definition.reviewers },
              dueAt: campaign.dueAt.toISOString(),
              undecidedRule: campaign.definition.undecided,
            },
          }),
        );
      }
      return { undecided };
    },

    async undecidedCount(campaignId: string): Promise<number> {
      return reviews.undecided(campaignId);
    },

    /** Each reviewer with undecided items is reminded (the audit record and the log say whom, and how many). */
    async remindReviewers(campaignId: string, reminder: number): Promise<void> {
      const campaign = await campaignOf(campaignId);
      const pending = new Map<string, number>();
      for (const item of await reviews.itemsOf(campaignId, { undecided: true })) {
        for (const reviewer of item.reviewerIds) pending.set(reviewer, (pending.get(reviewer) ?? 0) + 1);
      }
      await records.publish(
        ...[...pending].map(([reviewerId, count]) =>
          reviewRecord(campaign, 'review.reminder', {
            employeeId: reviewerId,
            reason: `${count} item(s) of ${campaign.name} await your decision by ${campaign.dueAt.toISOString()}`,
            details: { reviewerId, undecided: count, reminder: reminder + 1, dueAt: campaign.dueAt.toISOString() },
            about: [String(reminder), reviewerId],
          }),
        ),
      );
      for (const [reviewerId, count] of pending) {
        deps.logger.info({ campaignId, reviewerId, undecided: count }, 'access review reminder');
      }
    },

    /** Overdue items go to each reviewer's manager, who has until the escalation is due. */
    async escalateUndecided(campaignId: string): Promise<{ undecided: number }> {
      const campaign = await campaignOf(campaignId);
      const items = await reviews.itemsOf(campaignId, { undecided: true });
      const reviewerIds = [...new Set(items.flatMap((item) => item.reviewerIds))];
      const reviewers = reviewerIds.length
        ? await deps.dataSource.getRepository(PersonEntity).findBy({ employeeId: In(reviewerIds) })
        : [];
      const managerOf = new Map(reviewers.map((person) => [person.employeeId, person.attributes.managerId]));
      for (const item of items) {
        if (item.escalatedFrom) continue;
        const managers = [
          ...new Set(item.reviewerIds.flatMap((id) => (managerOf.get(id) ? [managerOf.get(id) as string] : []))),
        ].filter((id) => id !== item.employeeId);
        if (managers.length === 0) continue;
        const escalatedFrom = item.reviewerIds;
        Object.assign(item, { escalatedFrom, reviewerIds: managers });
        await reviews.saveItem(item);
        await records.publish(
          reviewRecord(campaign, 'review.escalated', {
            employeeId: item.employeeId,
            appId: item.appId,
            reason: `undecided at the due date: escalated from ${escalatedFrom.join(', ')} to ${managers.join(', ')}`,
            details: { ...itemDetails(item), escalatedFrom },
            about: [item.itemId],
          }),
        );
      }
      await reviews.setStatus(campaignId, 'escalated');
      return { undecided: items.length };
    },

    /** The campaign's rule decides what is still undecided at the due date. */
    async decideUndecided(campaignId: string, rule: 'keep' | 'revoke'): Promise<void> {
      const campaign = await campaignOf(campaignId);
      const reason = `undecided at the due date ${campaign.dueAt.toISOString()}: the campaign's rule is ${rule}`;
      for (const item of await reviews.itemsOf(campaignId, { undecided: true })) {
        await deps.decisions.decide(campaign, item, rule, reason, { actor: 'system', actorId: 'access-review' });
      }
    },

    async closeCampaign(campaignId: string): Promise<void> {
      const campaign = await campaignOf(campaignId);
      if (campaign.status === 'completed' || campaign.status === 'cancelled') return;
      const closedAt = new Date();
      const report = campaignReport(
        { ...campaign, status: 'completed', closedAt },
        await reviews.itemsOf(campaignId),
        closedAt,
      );
      await reviews.setStatus(campaignId, 'completed', { report, closedAt });
      await records.publish(
        reviewRecord(campaign, 'review.completed', {
          outcome: 'completed',
          reason: `${report.completion}% decided: ${report.counts.kept} kept, ${report.counts.revoked} revoked, ${report.counts.overdue} overdue`,
          details: {
            ...report,
            revoked: report.revoked.slice(0, REPORT_LIST_LIMIT),
            overdue: report.overdue.slice(0, REPORT_LIST_LIMIT),
          },
        }),
      );
    },

    /** A recurring campaign's next occurrence, scheduled from this one's start. */
    async scheduleNextCampaign(campaignId: string): Promise<string | undefined> {
      const campaign = await campaignOf(campaignId);
      const timeline = campaignTimeline(campaignId, campaign.definition, campaign.startsAt);
      if (!timeline.nextStartsAt) return undefined;
      const nextId = nextCampaignId(campaignId);
      if (!(await reviews.findCampaign(nextId))) {
        const startsAt = new Date(timeline.nextStartsAt);
        await reviews.createCampaign({
          campaignId: nextId,
          seriesId: campaign.seriesId,
          name: campaign.name,
          status: 'scheduled',
          definition: campaign.definition,
          startsAt,
          dueAt: dueAtOf(startsAt, campaign.definition),
          createdBy: campaign.createdBy,
          report: null,
          openedAt: null,
          closedAt: null,
          createdAt: new Date(),
        });
      }
      return nextId;
    },
  };
}

export type ReviewActivities = ReturnType<typeof createReviewActivities>;
