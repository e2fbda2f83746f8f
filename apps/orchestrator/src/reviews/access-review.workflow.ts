import { condition, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import {
  AccessReviewInput,
  accessReviewWorkflowId,
  CampaignProgress,
  campaignProgressQuery,
  reviewCancelSignal,
  reviewDecidedSignal,
} from '@tenure/temporal-contracts';
import type { ReviewActivities } from './access-review.activities';

const reviews = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One campaign, on durable timers: it opens at its start (items gathered
 * from what Tenure knows people hold), reminds reviewers before the due
 * date, applies the campaign's rule to what is still undecided at the due
 * date (keep, revoke, or escalate to each reviewer's manager until the
 * escalation is due), and closes with its report. A recurring campaign
 * starts its next occurrence as it closes. It closes early once every item
 * is decided; a cancellation stops it wherever it is.
 */
export async function accessReviewCampaignWorkflow(input: AccessReviewInput): Promise<void> {
  const { campaignId } = input;
  const progress: CampaignProgress = { campaignId, phase: 'waiting_start', undecided: 0, remindersSent: 0 };
  let cancelled = false;
  // Set by each decision signal; the count itself is read from the store, never trusted from a signal.
  let decided = false;
  setHandler(reviewCancelSignal, () => void (cancelled = true));
  setHandler(reviewDecidedSignal, () => void (decided = true));
  setHandler(campaignProgressQuery, () => ({ ...progress }));

  const timeline = await reviews.campaignTimeline(campaignId);
  if (!timeline) return;
  const finished = () => cancelled || (progress.phase !== 'waiting_start' && progress.undecided === 0);
  /** Waits until the moment, or until nothing is left to wait for. */
  const waitUntil = async (moment: string) => {
    for (;;) {
      const remaining = Date.parse(moment) - Date.now();
      if (remaining <= 0 || finished()) return;
      await condition(() => cancelled || decided, remaining);
      if (decided) {
        decided = false;
        progress.undecided = await reviews.undecidedCount(campaignId);
      }
    }
  };

  await waitUntil(timeline.startsAt);
  if (cancelled) return void (progress.phase = 'cancelled');
  progress.undecided = (await reviews.openCampaign(campaignId)).undecided;
  progress.phase = 'open';

  for (const [index, moment] of timeline.reminders.entries()) {
    await waitUntil(moment);
    if (finished()) break;
    await reviews.remindReviewers(campaignId, index);
    progress.remindersSent += 1;
  }
  await waitUntil(timeline.dueAt);
  if (cancelled) return void (progress.phase = 'cancelled');

  if (progress.undecided > 0 && timeline.undecided === 'escalate') {
    progress.undecided = (await reviews.escalateUndecided(campaignId)).undecided;
    progress.phase = 'escalated';
    await waitUntil(timeline.escalationDueAt);
    if (cancelled) return void (progress.phase = 'cancelled');
  } else if (progress.undecided > 0 && timeline.undecided !== 'escalate') {
    await reviews.decideUndecided(campaignId, timeline.undecided);
  }

  progress.phase = 'closing';
  await reviews.closeCampaign(campaignId);
  const next = await reviews.scheduleNextCampaign(campaignId);
  if (next) {
    // The next occurrence outlives this one: it sleeps until its own start.
    await startChild(accessReviewCampaignWorkflow, {
      workflowId: accessReviewWorkflowId(next),
      args: [{ campaignId: next }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }
  progress.phase = 'closed';
}
