import { randomBytes } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { PersonPrincipal } from '@tenure/auth';
import { durationMs } from '@tenure/policy';
import {
  ACCESS_REVIEW_WORKFLOW,
  accessReviewWorkflowId,
  CampaignStatus,
  reviewCancelSignal,
  reviewDecidedSignal,
} from '@tenure/temporal-contracts';
import { GovernancePublisher } from '../sod/governance.publisher';
import { PolicyService } from '../policy/policy.service';
import { CampaignDefinition, CampaignDefinitionDto } from './campaign-definition';
import { campaignReport, CampaignReport } from './campaign-report';
import { dueAtOf } from './campaign-timeline';
import { ReviewCampaignEntity } from './review-campaign.entity';
import { ReviewDecisions } from './review-decisions';
import { ReviewItemEntity } from './review-item.entity';
import { reviewRecord } from './review-records';
import { campaignView, itemView } from './review-views';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { REVIEW_TASK_QUEUE } from './reviews.tokens';
import { ReviewsRepository } from './reviews.repository';
import type { BulkReviewDecisionDto, ReviewDecisionDto } from './dto/review-decision.dto';
import type { CampaignItemsQueryDto, CampaignsQueryDto } from './dto/campaigns-query.dto';

const OPEN: CampaignStatus[] = ['open', 'escalated'];
const notFound = (message: string) => new NotFoundException({ error: 'not_found', message });
const forbidden = (message: string) => new ForbiddenException({ error: 'forbidden', message });
const conflict = (message: string) => new ConflictException({ error: 'conflict', message });

/** Access review campaigns: created by approvers, decided by their reviewers, run by a workflow each. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly decisions: ReviewDecisions,
    private readonly records: GovernancePublisher,
    private readonly policy: PolicyService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(REVIEW_TASK_QUEUE) private readonly taskQueue: string,
  ) {}

  async create(body: CampaignDefinitionDto, person: PersonPrincipal) {
    const definition = JSON.parse(JSON.stringify(body)) as CampaignDefinition;
    this.check(definition);
    const campaignId = `rc-${randomBytes(12).toString('hex')}`;
    const startsAt = definition.startsAt ? new Date(definition.startsAt) : new Date();
    const campaign = await this.reviews.createCampaign({
      campaignId,
      seriesId: campaignId,
      name: definition.name,
      status: 'scheduled',
      definition,
      startsAt,
      dueAt: dueAtOf(startsAt, definition),
      createdBy: person.actorId,
      report: null,
      openedAt: null,
      closedAt: null,
      createdAt: new Date(),
    });
    await this.temporal.workflow.start(ACCESS_REVIEW_WORKFLOW, {
      workflowId: accessReviewWorkflowId(campaignId),
      taskQueue: this.taskQueue,
      args: [{ campaignId }],
    });
    return campaignView(campaign);
  }

  /** What class-validator cannot see: reminders within the campaign, apps Tenure connects. */
  private check(definition: CampaignDefinition): void {
    const errors: { field: string; message: string }[] = [];
    const length = durationMs(definition.duration);
    definition.reminders.forEach((before, index) => {
      if (durationMs(before) >= length) {
        errors.push({
          field: `reminders[${index}]`,
          message: `a reminder ${before} before the due date falls before the start (duration ${definition.duration})`,
        });
      }
    });
    const known = this.policy.appIds;
    const named = [
      ...(definition.scope.apps ?? []),
      ...(definition.scope.entitlements ?? []).map((ref) => ref.split(':')[0]),
    ];
    for (const appId of new Set(named)) {
      if (!known.includes(appId))
        errors.push({ field: 'scope', message: `unknown app ${appId} (known: ${known.join(', ')})` });
    }
    if (definition.reviewers.kind === 'named' && !definition.reviewers.people?.length) {
      errors.push({ field: 'reviewers.people', message: 'named reviewers need at least one employee id' });
    }
    if (errors.length > 0) throw new BadRequestException({ errors });
  }

  async list(query: CampaignsQueryDto) {
    return { items: (await this.reviews.listCampaigns(query.limit, query.status)).map(campaignView) };
  }

  private async campaign(campaignId: string): Promise<ReviewCampaignEntity> {
    const campaign = await this.reviews.findCampaign(campaignId);
    if (!campaign) throw notFound(`no access review campaign ${campaignId}`);
    return campaign;
  }

  async get(campaignId: string) {
    const campaign = await this.campaign(campaignId);
    const report = await this.report(campaignId);
    return { ...campaignView(campaign), counts: report.counts, completion: report.completion };
  }

  async items(campaignId: string, query: CampaignItemsQueryDto) {
    await this.campaign(campaignId);
    const items = await this.reviews.itemsOf(campaignId);
    const wanted = query.decision === 'undecided' ? null : query.decision;
    return { items: items.filter((item) => !query.decision || item.decision === wanted).map(itemView) };
  }

  async report(campaignId: string): Promise<CampaignReport> {
    const campaign = await this.campaign(campaignId);
    // A closed campaign's report is the one it closed with; an open one's is as of now.
    if (campaign.report) return campaign.report;
    return campaignReport(campaign, await this.reviews.itemsOf(campaignId), new Date());
  }

  async myItems(person: PersonPrincipal) {
    if (!person.employeeId) return { items: [] };
    return { items: (await this.reviews.itemsReviewedBy(person.employeeId)).map(itemView) };
  }

  /** Why this person may not decide this item, or undefined when they may. */
  private refusal(campaign: ReviewCampaignEntity, item: ReviewItemEntity, person: PersonPrincipal): string | undefined {
    if (!OPEN.includes(campaign.status)) return `campaign ${campaign.campaignId} is ${campaign.status}`;
    if (!person.employeeId) return 'your sign-in names no person in the HR data, so you review no items';
    if (item.employeeId === person.employeeId) return `item ${item.itemId} is your own access: someone else reviews it`;
    if (!item.reviewerIds.includes(person.employeeId))
      return `item ${item.itemId} is reviewed by ${item.reviewerIds.join(', ') || 'nobody yet'}`;
    if (item.decision) return `item ${item.itemId} is decided already (${item.decision})`;
    return undefined;
  }

  async decideOne(itemId: string, person: PersonPrincipal, body: ReviewDecisionDto) {
    const [item] = await this.reviews.findItems([itemId]);
    if (!item) throw notFound(`no review item ${itemId}`);
    const campaign = await this.campaign(item.campaignId);
    const refused = this.refusal(campaign, item, person);
    if (refused) throw item.decision || !OPEN.includes(campaign.status) ? conflict(refused) : forbidden(refused);
    const decided = await this.decisions.decide(campaign, item, body.decision, body.reason, {
      actor: 'approver',
      actorId: person.employeeId as string,
    });
    if (!decided) throw conflict(`item ${itemId} is decided already`);
    await this.signalDecided(campaign.campaignId);
    return itemView(item);
  }

  /**
   * One decision for many items asks twice: the first answer lists what would
   * be decided; only `confirm: true` decides it.
   */
  async decideMany(campaignId: string, person: PersonPrincipal, body: BulkReviewDecisionDto) {
    const campaign = await this.campaign(campaignId);
    if (!OPEN.includes(campaign.status)) throw conflict(`campaign ${campaignId} is ${campaign.status}`);
    const all = await this.reviews.itemsOf(campaignId);
    const chosen = body.itemIds
      ? body.itemIds.map((id) => all.find((item) => item.itemId === id) ?? id)
      : all.filter((item) => !item.decision && person.employeeId && item.reviewerIds.includes(person.employeeId));
    const refused: { itemId: string; reason: string }[] = [];
    const eligible: ReviewItemEntity[] = [];
    for (const entry of chosen) {
      if (typeof entry === 'string')
        refused.push({ itemId: entry, reason: `no item ${entry} in campaign ${campaignId}` });
      else {
        const reason = this.refusal(campaign, entry, person);
        if (reason) refused.push({ itemId: entry.itemId, reason });
        else eligible.push(entry);
      }
    }
    if (!body.confirm) {
      return {
        confirmed: false,
        decision: body.decision,
        message: `${eligible.length} item(s) would be decided ${body.decision}: send the same request with "confirm": true to decide them`,
        items: eligible.map(itemView),
        refused,
      };
    }
    const decided = [];
    for (const item of eligible) {
      const by = { actor: 'approver' as const, actorId: person.employeeId as string };
      if (await this.decisions.decide(campaign, item, body.decision, body.reason, by)) decided.push(itemView(item));
      else refused.push({ itemId: item.itemId, reason: `item ${item.itemId} is decided already` });
    }
    if (decided.length > 0) await this.signalDecided(campaignId);
    return { confirmed: true, decision: body.decision, decided, refused };
  }

  async cancel(campaignId: string, person: PersonPrincipal, reason?: string) {
    const campaign = await this.campaign(campaignId);
    if (campaign.status === 'completed' || campaign.status === 'cancelled') {
      throw conflict(`campaign ${campaignId} is ${campaign.status}`);
    }
    await this.reviews.setStatus(campaignId, 'cancelled', { closedAt: new Date() });
    await this.records.publish(
      reviewRecord(campaign, 'review.cancelled', {
        actor: 'approver',
        actorId: person.actorId,
        reason: reason ?? null,
      }),
    );
    await this.temporal.workflow
      .getHandle(accessReviewWorkflowId(campaignId))
      .signal(reviewCancelSignal, { actorId: person.actorId, ...(reason ? { reason } : {}) });
    return campaignView({ ...campaign, status: 'cancelled' });
  }

  /** The campaign's workflow counts what is left, and closes early when nothing is. */
  private async signalDecided(campaignId: string): Promise<void> {
    await this.temporal.workflow.getHandle(accessReviewWorkflowId(campaignId)).signal(reviewDecidedSignal);
  }
}
