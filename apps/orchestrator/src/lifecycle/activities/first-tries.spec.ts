import { ApplicationFailure } from '@temporalio/activity';
import type { PlannedChange } from '@tenure/temporal-contracts';
import { AppliedAccount, AppliedChange, firstTries, PhaseSteps } from './first-tries';
import type { ApplyChangeInput } from './lifecycle.activities';

function input(appId: string): ApplyChangeInput {
  const change: PlannedChange = { appId, change: 'disable', support: 'supported', rule: 'everyone' };
  const step = { runId: 'E1~evt-1', eventId: 'evt-1', workflowId: 'employee-E1', employeeId: 'E1' };
  return { ...step, phase: 'disable', actor: 'system', attempt: 0, change };
}

/** Steps whose apps answer as `carryOut` says, counting the reads and keeping what was recorded. */
function phaseSteps(
  carryOut: (input: ApplyChangeInput) => Promise<AppliedAccount>,
  failing: { readFails?: boolean; recordFails?: boolean } = {},
) {
  const recorded: string[][] = [];
  let reads = 0;
  const steps: PhaseSteps<void> = {
    async read() {
      reads += 1;
      if (failing.readFails) throw new Error('connection terminated');
    },
    carryOut: (_known, change) => carryOut(change),
    async record(applied: AppliedChange[]) {
      if (failing.recordFails) throw new Error('connection terminated');
      recorded.push(applied.map(({ account }) => account.appId));
    },
  };
  return {
    steps,
    recorded,
    get reads() {
      return reads;
    },
  };
}

describe('first tries of a phase’s app changes', () => {
  it('gives each app its own answer: accounts, refusals with their retry hints, and a deadline for the slow one', async () => {
    const answers: Record<string, () => Promise<AppliedAccount>> = {
      slack: async () => ({ appId: 'slack', status: 'disabled', externalId: 'U1' }),
      zoom: async () => {
        throw ApplicationFailure.create({ message: 'slow down', type: 'RATE_LIMITED', nextRetryDelay: '7s' });
      },
      github: async () => {
        throw ApplicationFailure.nonRetryable('github rejects the login', 'INVALID');
      },
      jira: () => new Promise<AppliedAccount>(() => undefined),
      okta: async () => {
        throw new Error('socket hang up');
      },
    };
    const { steps, recorded } = phaseSteps((change) => answers[change.change.appId]());

    const outcomes = await firstTries(['slack', 'zoom', 'github', 'jira', 'okta'].map(input), steps, 50);

    expect(outcomes).toEqual([
      { account: { appId: 'slack', status: 'disabled', externalId: 'U1' } },
      { failure: { type: 'RATE_LIMITED', message: 'slow down', nonRetryable: false, nextRetryDelay: '7s' } },
      { failure: { type: 'INVALID', message: 'github rejects the login', nonRetryable: true } },
      { failure: { type: 'TIMEOUT', message: 'jira gave no answer within 50 ms', nonRetryable: false } },
      { failure: { type: 'Error', message: 'socket hang up', nonRetryable: false } },
    ]);
    // Only what went through is recorded, in one write.
    expect(recorded).toEqual([['slack']]);
  });

  it('reads what the phase needs once, for every app, and writes once what went through', async () => {
    const probe = phaseSteps(async ({ change }) => ({
      appId: change.appId,
      status: 'disabled',
      externalId: `${change.appId}-1`,
    }));

    const outcomes = await firstTries(['slack', 'zoom', 'github'].map(input), probe.steps, 50);

    expect(outcomes.map((outcome) => 'account' in outcome && outcome.account.externalId)).toEqual([
      'slack-1',
      'zoom-1',
      'github-1',
    ]);
    expect(probe.reads).toBe(1);
    expect(probe.recorded).toEqual([['slack', 'zoom', 'github']]);
  });

  it('fails every app’s first try when the store cannot be read, without asking any app', async () => {
    const carryOut = jest.fn();
    const { steps } = phaseSteps(carryOut, { readFails: true });

    const outcomes = await firstTries(['slack', 'zoom'].map(input), steps, 50);

    const failure = { type: 'Error', message: 'connection terminated', nonRetryable: false };
    expect(outcomes).toEqual([{ failure }, { failure }]);
    expect(carryOut).not.toHaveBeenCalled();
  });

  it('fails the tries that went through when they cannot be recorded, so those apps try again; refusals stand', async () => {
    const { steps } = phaseSteps(
      async ({ change }) => {
        if (change.appId === 'github') throw ApplicationFailure.nonRetryable('github rejects the login', 'INVALID');
        return { appId: change.appId, status: 'disabled', externalId: 'x' };
      },
      { recordFails: true },
    );

    const outcomes = await firstTries(['slack', 'github'].map(input), steps, 50);

    expect(outcomes).toEqual([
      { failure: { type: 'Error', message: 'connection terminated', nonRetryable: false } },
      { failure: { type: 'INVALID', message: 'github rejects the login', nonRetryable: true } },
    ]);
  });
});
