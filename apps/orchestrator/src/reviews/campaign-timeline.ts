import { durationMs } from '@tenure/policy';
import type { CampaignTimeline } from '@tenure/temporal-contracts';
import type { CampaignDefinition } from './campaign-definition';

const MONTHS = { monthly: 1, quarterly: 3, yearly: 12 } as const;

/** The next occurrence's start: calendar months for monthly/quarterly/yearly, else the duration. */
export function nextStart(startsAt: Date, every: string): Date {
  const months = MONTHS[every as keyof typeof MONTHS];
  if (!months) return new Date(startsAt.getTime() + durationMs(every));
  const next = new Date(startsAt);
  // The same day of the month, or the month's last day when it has no such day (31 January → 30 April).
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + months + 1, 0)).getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  next.setUTCDate(Math.min(startsAt.getUTCDate(), lastDay));
  return next;
}

export function dueAtOf(startsAt: Date, definition: CampaignDefinition): Date {
  return new Date(startsAt.getTime() + durationMs(definition.duration));
}

/** Every moment the campaign's workflow waits for. */
export function campaignTimeline(campaignId: string, definition: CampaignDefinition, startsAt: Date): CampaignTimeline {
  const due = dueAtOf(startsAt, definition);
  return {
    campaignId,
    startsAt: startsAt.toISOString(),
    dueAt: due.toISOString(),
    // In time order; a reminder that would fall before the start is dropped.
    reminders: [...definition.reminders]
      .map((before) => due.getTime() - durationMs(before))
      .filter((moment) => moment > startsAt.getTime())
      .sort((a, b) => a - b)
      .map((moment) => new Date(moment).toISOString()),
    undecided: definition.undecided,
    escalationDueAt: new Date(due.getTime() + durationMs(definition.escalationPeriod ?? '7d')).toISOString(),
    ...(definition.recurrence ? { nextStartsAt: nextStart(startsAt, definition.recurrence.every).toISOString() } : {}),
  };
}
