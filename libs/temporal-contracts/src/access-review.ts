// Loaded inside the Temporal workflow sandbox: only @temporalio/workflow and plain types here.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const ACCESS_REVIEW_WORKFLOW = 'accessReviewCampaignWorkflow';

/** One durable workflow per campaign: its timers are the campaign's start, reminders, due date and escalation. */
export function accessReviewWorkflowId(campaignId: string): string {
  return `access-review-${campaignId}`;
}

/** What happens to items still undecided at the due date. */
export const UNDECIDED_RULES = ['keep', 'revoke', 'escalate'] as const;
export type UndecidedRule = (typeof UNDECIDED_RULES)[number];

export type CampaignStatus = 'scheduled' | 'open' | 'escalated' | 'completed' | 'cancelled';

/** The moments a campaign's workflow waits for, read from its definition when it starts. */
export interface CampaignTimeline {
  campaignId: string;
  startsAt: string;
  dueAt: string;
  /** Moments before the due date at which reviewers with undecided items are reminded. */
  reminders: string[];
  undecided: UndecidedRule;
  /** When escalated items are due (undecided: escalate). */
  escalationDueAt: string;
  /** A recurring campaign: the next occurrence starts at this moment. */
  nextStartsAt?: string;
}

export interface AccessReviewInput {
  campaignId: string;
}

/** A reviewer decided items: the workflow counts what is left (and may close the campaign early). */
export const reviewDecidedSignal = defineSignal('reviewDecided');
/** An approver cancelled the campaign (and, for a recurring one, its later occurrences). */
export const reviewCancelSignal = defineSignal<[{ actorId: string; reason?: string }]>('reviewCancel');

export interface CampaignProgress {
  campaignId: string;
  phase: 'waiting_start' | 'open' | 'escalated' | 'closing' | 'closed' | 'cancelled';
  undecided: number;
  remindersSent: number;
}

export const campaignProgressQuery = defineQuery<CampaignProgress>('campaignProgress');
