import { ApplicationFailure } from '@temporalio/activity';
import type { AccountState } from '@tenure/domain';
import type { PlannedChange } from '@tenure/temporal-contracts';
import { firstTries } from './first-tries';
import type { ApplyChangeInput } from './lifecycle.activities';

function input(appId: string): ApplyChangeInput {
  const change: PlannedChange = { appId, change: 'disable', support: 'supported', rule: 'everyone' };
  const step = { runId: 'E1~evt-1', eventId: 'evt-1', workflowId: 'employee-E1', employeeId: 'E1' };
  return { ...step, phase: 'disable', actor: 'system', attempt: 0, change };
}

describe('first tries of a phase’s app changes', () => {
  it('gives each app its own answer: accounts, refusals with their retry hints, and a deadline for the slow one', async () => {
    const answers: Record<string, () => Promise<AccountState>> = {
      slack: async () => ({ appId: 'slack', status: 'disabled', externalId: 'U1' }),
      zoom: async () => {
        throw ApplicationFailure.create({ message: 'slow down', type: 'RATE_LIMITED', nextRetryDelay: '7s' });
      },
      github: async () => {
        throw ApplicationFailure.nonRetryable('github rejects the login', 'INVALID');
      },
      jira: () => new Promise<AccountState>(() => undefined),
      okta: async () => {
        throw new Error('socket hang up');
      },
    };
    const tryAll = firstTries((change) => answers[change.change.appId](), 50);

    const outcomes = await tryAll(['slack', 'zoom', 'github', 'jira', 'okta'].map(input));

    expect(outcomes).toEqual([
      { account: { appId: 'slack', status: 'disabled', externalId: 'U1' } },
      { failure: { type: 'RATE_LIMITED', message: 'slow down', nonRetryable: false, nextRetryDelay: '7s' } },
      { failure: { type: 'INVALID', message: 'github rejects the login', nonRetryable: true } },
      { failure: { type: 'TIMEOUT', message: 'jira gave no answer within 50 ms', nonRetryable: false } },
      { failure: { type: 'Error', message: 'socket hang up', nonRetryable: false } },
    ]);
  });
});
