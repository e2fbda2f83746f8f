import type { CampaignDefinition } from './campaign-definition';
import { campaignTimeline, nextStart } from './campaign-timeline';

const definition = (extra: Partial<CampaignDefinition> = {}) =>
  ({
    name: 'q',
    scope: {},
    reviewers: { kind: 'manager' },
    duration: '14d',
    reminders: ['1d', '3d', '20d'],
    undecided: 'escalate',
    escalationPeriod: '7d',
    ...extra,
  }) as CampaignDefinition;

describe('campaign timeline', () => {
  it('places reminders before the due date in time order, dropping one before the start, and the escalation after it', () => {
    const start = new Date('2027-01-04T09:00:00.000Z');
    expect(campaignTimeline('rc-1', definition(), start)).toEqual({
      campaignId: 'rc-1',
      startsAt: '2027-01-04T09:00:00.000Z',
      dueAt: '2027-01-18T09:00:00.000Z',
      reminders: ['2027-01-15T09:00:00.000Z', '2027-01-17T09:00:00.000Z'],
      undecided: 'escalate',
      escalationDueAt: '2027-01-25T09:00:00.000Z',
    });
  });

  it('schedules the next occurrence by calendar months or by a duration', () => {
    const start = new Date('2027-01-31T09:00:00.000Z');
    expect(nextStart(start, 'quarterly').toISOString()).toBe('2027-04-30T09:00:00.000Z');
    expect(nextStart(new Date('2027-01-04T09:00:00.000Z'), 'quarterly').toISOString()).toBe('2027-04-04T09:00:00.000Z');
    expect(nextStart(start, 'yearly').toISOString()).toBe('2028-01-31T09:00:00.000Z');
    expect(nextStart(start, '90d').toISOString()).toBe('2027-05-01T09:00:00.000Z');
    expect(
      campaignTimeline('rc-1', definition({ recurrence: { every: 'monthly' } }), new Date('2027-01-04T09:00:00.000Z'))
        .nextStartsAt,
    ).toBe('2027-02-04T09:00:00.000Z');
  });
});
