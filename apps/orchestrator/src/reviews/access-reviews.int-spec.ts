import { ConflictException, ForbiddenException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { PersonPrincipal } from '@tenure/auth';
import { waitFor } from '@tenure/testing';
import {
  accessReviewWorkflowId,
  campaignProgressQuery,
  decideAccessUpdate,
  requestAccessUpdate,
} from '@tenure/temporal-contracts';
import { GovernancePublisher } from '../sod/governance.publisher';
import { OutcomePublisher } from '../lifecycle/outcomes/outcome.publisher';
import { WorkflowCommandsService } from '../ops/workflow-commands.service';
import { HeldAccessReader } from '../sod/held-access.reader';
import { iso, person } from '../lifecycle/test/lifecycle-fixtures';
import { DAY, HarnessParts, LifecycleHarness, lifecycleEvent, TASK_QUEUE } from '../lifecycle/test/lifecycle-harness';
import { createReviewActivities } from './access-review.activities';
import { CampaignDefinitionDto } from './campaign-definition';
import { ReviewDecisions } from './review-decisions';
import { ReviewRevoker } from './review-revoker';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Signed in as a person of the HR data, as the ops API would see them. */
const signedIn = (employeeId: string): PersonPrincipal => ({
  kind: 'person',
  subject: `sub-${employeeId}`,
  employeeId,
  roles: ['approver'],
  actorId: employeeId,
});

/**
 * Access review campaigns on the time-skipping server: the campaign's
 * workflow and the people's lifecycle workflows run in one worker, with the
 * real activities over PostgreSQL and the simulated apps; reminders, the due
 * date and escalation are reached by skipping time.
 */
describe('access review campaigns', () => {
  let h: LifecycleHarness;
  let service: ReviewsService;
  let repository: ReviewsRepository;

  beforeAll(async () => {
    const build = (parts: HarnessParts) => {
      repository = new ReviewsRepository(parts.dataSource);
      const records = new GovernancePublisher(parts.publisher);
      const revoker = new ReviewRevoker(
        new WorkflowCommandsService(parts.client),
        parts.gateway,
        new OutcomePublisher(parts.publisher),
      );
      const decisions = new ReviewDecisions(repository, revoker, records);
      service = new ReviewsService(repository, decisions, records, parts.policy, parts.client, TASK_QUEUE);
      return createReviewActivities({
        reviews: repository,
        decisions,
        held: new HeldAccessReader(parts.dataSource),
        dataSource: parts.dataSource,
        policy: parts.policy,
        sodRules: parts.config.sod.rules,
        records,
        reconciliationReport: async () => undefined,
        logger: { info: () => undefined },
      });
    };
    h = await LifecycleHarness.start({ prepareLeadTime: '2d' }, 'saas-sim', { activities: build });
  });
  afterAll(() => h?.stop());

  async function hired(overrides: Parameters<typeof person>[0] = {}) {
    const now = await h.now();
    const employee = person(overrides);
    await h.send(lifecycleEvent('hire', employee, { effectiveAt: iso(now), receivedAt: iso(now) }));
    await h.settle(employee.employeeId, (s) => s.state === 'active' && s.runs[0]?.status === 'completed', 'hired');
    return employee;
  }

  /** A director, a manager reporting to them, and an analyst with Salesforce reports granted beyond birthright. */
  async function analystWithReports() {
    const director = await hired({ department: 'Finance' });
    const manager = await hired({ department: 'Finance', managerId: director.employeeId });
    const analyst = await hired({ department: 'Finance', managerId: manager.employeeId });
    const handle = h.handle(analyst.employeeId);
    const request = await handle.executeUpdate(requestAccessUpdate, {
      args: [
        {
          appId: 'salesforce',
          roles: [],
          groups: ['reports'],
          reason: 'quarter close',
          requestedBy: analyst.employeeId,
        },
      ],
    });
    await handle.executeUpdate(decideAccessUpdate, {
      args: [{ requestId: request.requestId, approverId: manager.employeeId, approve: true }],
    });
    await h.settle(
      analyst.employeeId,
      (s) => s.runs.some((r) => r.subject.kind === 'access' && r.status === 'completed'),
      'granted',
    );
    expect(await h.apps.account('salesforce', analyst.employeeId)).toMatchObject({ active: true, groups: ['reports'] });
    return { director, manager, analyst, requestId: request.requestId };
  }

  async function campaign(
    definition: Partial<CampaignDefinitionDto> & Pick<CampaignDefinitionDto, 'undecided'>,
    creator: string,
  ) {
    const body = plainToInstance(CampaignDefinitionDto, {
      name: 'Finance access review',
      reviewers: { kind: 'manager' },
      duration: '14d',
      reminders: ['3d'],
      startsAt: iso(await h.now()),
      ...definition,
    });
    const created = await service.create(body, signedIn(creator));
    h.remember(accessReviewWorkflowId(created.campaignId));
    return created;
  }

  const progress = (campaignId: string) =>
    h.env.client.workflow.getHandle(accessReviewWorkflowId(campaignId)).query(campaignProgressQuery);

  const records = (campaignId: string, action: string) =>
    h.governance().filter((record) => record.subjectId === campaignId && record.action === action);

  it('reminds the reviewer before the due date and revokes what is still undecided, through the person’s lifecycle', async () => {
    const { director, manager, analyst, requestId } = await analystWithReports();
    const created = await campaign(
      { scope: { employeeIds: [analyst.employeeId], beyondBirthright: true }, undecided: 'revoke' },
      director.employeeId,
    );
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'open',
      { description: 'opened' },
    );

    const { items } = await service.items(created.campaignId, {});
    expect(items).toEqual([
      expect.objectContaining({
        employeeId: analyst.employeeId,
        appId: 'salesforce',
        source: 'access_request',
        birthright: false,
        groups: ['reports'],
        rules: [`access-request:${requestId}`],
        grantedBy: manager.employeeId,
        reviewerIds: [manager.employeeId],
        decision: null,
      }),
    ]);
    expect((await service.myItems(signedIn(manager.employeeId))).items.map((i) => i.itemId)).toEqual([items[0].itemId]);
    // Nobody reviews their own access, and only the item's reviewer decides it.
    await expect(
      service.decideOne(items[0].itemId, signedIn(analyst.employeeId), { decision: 'keep', reason: 'mine' }),
    ).rejects.toBeInstanceOf(ForbiddenException);
    await expect(
      service.decideOne(items[0].itemId, signedIn(director.employeeId), { decision: 'keep', reason: 'not mine' }),
    ).rejects.toBeInstanceOf(ForbiddenException);

    await h.env.sleep(11 * DAY + 60_000);
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.remindersSent === 1,
      { description: 'reminded' },
    );
    expect(records(created.campaignId, 'review.reminder')).toEqual([
      expect.objectContaining({
        kind: 'review',
        employeeId: manager.employeeId,
        details: expect.objectContaining({ undecided: 1 }),
      }),
    ]);
    expect(await h.apps.account('salesforce', analyst.employeeId)).toMatchObject({ active: true });

    await h.env.sleep(3 * DAY);
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'closed',
      { description: 'closed' },
    );
    await h.settle(
      analyst.employeeId,
      (s) => s.accessRequests.some((r) => r.status === 'revoked') && !s.runs.some((r) => r.status === 'scheduled'),
      'revoked',
    );
    expect((await h.apps.account('salesforce', analyst.employeeId))?.active).toBe(false);
    expect(
      h.outcomes(analyst.employeeId).filter((o) => o.appId === 'salesforce' && o.action === 'account.disable'),
    ).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        actor: 'approver',
        actorId: 'access-review',
        rule: `access-request:${requestId}`,
      }),
    ]);

    const report = await service.report(created.campaignId);
    expect(report).toMatchObject({
      status: 'completed',
      completion: 100,
      counts: { items: 1, decided: 1, kept: 0, revoked: 1, undecided: 0, overdue: 0, escalated: 0 },
      revoked: [
        expect.objectContaining({
          employeeId: analyst.employeeId,
          decidedBy: 'access-review',
          revocation: 'requested',
          runId: expect.any(String),
        }),
      ],
    });
    expect(records(created.campaignId, 'review.revoke')).toEqual([
      expect.objectContaining({
        employeeId: analyst.employeeId,
        appId: 'salesforce',
        actor: 'system',
        outcome: 'requested',
      }),
    ]);
    expect(records(created.campaignId, 'review.completed')).toHaveLength(1);
  });

  it('escalates overdue items to the reviewer’s manager, asks before a bulk decision, and closes once all is decided', async () => {
    const { director, manager, analyst } = await analystWithReports();
    const created = await campaign(
      {
        scope: { employeeIds: [analyst.employeeId], apps: ['salesforce', 'slack'] },
        undecided: 'escalate',
        escalationPeriod: '5d',
        reminders: [],
      },
      director.employeeId,
    );
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'open',
      { description: 'opened' },
    );
    const { items } = await service.items(created.campaignId, {});
    // Birthright (slack, from rule "everyone") is reviewed too, marked as such.
    expect(items.map((i) => [i.appId, i.source, i.birthright]).sort()).toEqual([
      ['salesforce', 'access_request', false],
      ['slack', 'birthright', true],
    ]);

    await h.env.sleep(14 * DAY + 60_000);
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'escalated',
      { description: 'escalated' },
    );
    const escalated = (await service.items(created.campaignId, {})).items;
    expect(escalated.map((i) => [i.reviewerIds, i.escalatedFrom])).toEqual([
      [[director.employeeId], [manager.employeeId]],
      [[director.employeeId], [manager.employeeId]],
    ]);
    expect(records(created.campaignId, 'review.escalated')).toHaveLength(2);
    // The former reviewer no longer decides.
    await expect(
      service.decideOne(escalated[0].itemId, signedIn(manager.employeeId), { decision: 'keep', reason: 'late' }),
    ).rejects.toBeInstanceOf(ForbiddenException);

    const body = { decision: 'keep' as const, reason: 'needed for the close' };
    const preview = await service.decideMany(created.campaignId, signedIn(director.employeeId), body);
    expect(preview).toMatchObject({ confirmed: false, items: [expect.anything(), expect.anything()], refused: [] });
    expect((await service.report(created.campaignId)).counts.decided).toBe(0);

    const confirmed = await service.decideMany(created.campaignId, signedIn(director.employeeId), {
      ...body,
      confirm: true,
    });
    expect(confirmed).toMatchObject({ confirmed: true, refused: [] });
    expect(confirmed.decided).toHaveLength(2);
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'closed',
      { description: 'closed early' },
    );
    expect(await service.report(created.campaignId)).toMatchObject({
      status: 'completed',
      counts: { items: 2, decided: 2, kept: 2, revoked: 0, escalated: 2, overdue: 0 },
    });
    expect(await h.apps.account('salesforce', analyst.employeeId)).toMatchObject({ active: true });
    expect(records(created.campaignId, 'review.keep').map((r) => r.actorId)).toEqual([
      director.employeeId,
      director.employeeId,
    ]);
  });

  it('runs a recurring campaign again on its schedule', async () => {
    const { director, manager, analyst } = await analystWithReports();
    const created = await campaign(
      {
        scope: { employeeIds: [analyst.employeeId], beyondBirthright: true },
        undecided: 'keep',
        duration: '7d',
        reminders: [],
        recurrence: { every: 'quarterly' },
      },
      director.employeeId,
    );
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'open',
      { description: 'opened' },
    );
    const [item] = (await service.items(created.campaignId, {})).items;
    await service.decideOne(item.itemId, signedIn(manager.employeeId), {
      decision: 'keep',
      reason: 'still on the close',
    });
    await waitFor(
      () => progress(created.campaignId),
      (p) => p.phase === 'closed',
      { description: 'closed' },
    );

    const next = (await repository.listCampaigns(500)).find(
      (c) => c.seriesId === created.campaignId && c.campaignId !== created.campaignId,
    );
    expect(next).toMatchObject({ status: 'scheduled', name: created.name });
    const start = new Date(created.startsAt);
    start.setUTCMonth(start.getUTCMonth() + 3);
    expect(next?.startsAt.toISOString()).toBe(start.toISOString());

    await h.env.sleep(start.getTime() - (await h.now()) + 60_000);
    h.remember(accessReviewWorkflowId(next!.campaignId));
    await waitFor(
      () => progress(next!.campaignId),
      (p) => p.phase === 'open',
      { description: 'next occurrence opened' },
    );
    expect((await service.items(next!.campaignId, {})).items).toEqual([
      expect.objectContaining({
        employeeId: analyst.employeeId,
        appId: 'salesforce',
        reviewerIds: [manager.employeeId],
      }),
    ]);

    // Cancelling the occurrence stops its workflow, and with it the series.
    await service.cancel(next!.campaignId, signedIn(director.employeeId), 'replaced by the audit firm’s review');
    await waitFor(
      () => progress(next!.campaignId),
      (p) => p.phase === 'cancelled',
      { description: 'cancelled' },
    );
    expect((await repository.findCampaign(next!.campaignId))?.status).toBe('cancelled');
    await expect(service.cancel(next!.campaignId, signedIn(director.employeeId))).rejects.toBeInstanceOf(
      ConflictException,
    );
    expect(records(next!.campaignId, 'review.cancelled')).toEqual([
      expect.objectContaining({ actor: 'approver', actorId: director.employeeId }),
    ]);
    // It stopped before closing: no further occurrence was scheduled.
    expect((await repository.listCampaigns(500)).filter((c) => c.seriesId === created.campaignId)).toHaveLength(2);
  });
});
