import { ApplicationFailure } from '@temporalio/activity';
import type { PlannedChange } from '@tenure/temporal-contracts';
import { AppliedAccount, AppliedChange, firstTries, PhaseSteps } from './first-tries';
import type { ApplyChangeInput } from './lifecycle.activities';

function input(appId: string, kind: PlannedChange['change'] = 'disable'): ApplyChangeInput {
  const change: PlannedChange = { appId, change: kind, support: 'supported', rule: 'everyone' };
  const step = { runId: 'E1~evt-1', eventId: 'evt-1', workflowId: 'employee-E1', employeeId: 'E1' };
  return { ...step, phase: 'disable', actor: 'system', attempt: 0, change };
}

/** Steps whose apps answer as `carryOut` says, counting the reads and keeping what was recorded. */
function phaseSteps(
  carryOut: (input: ApplyChangeInput, previous?: AppliedAccount, givenUp?: AbortSignal) => Promise<AppliedAccount>,
  failing: { readFails?: boolean; recordFails?: boolean } = {},
) {
  const recorded: string[][] = [];
  let reads = 0;
  const steps: PhaseSteps<void> = {
    async read() {
      reads += 1;
      if (failing.readFails) throw new Error('connection terminated');
    },
    carryOut: (_known, change, previous, givenUp) => carryOut(change, previous, givenUp),
    async record(applied: AppliedChange[]) {
      if (failing.recordFails) throw new Error('connection terminated');
      recorded.push(
        applied.map(({ input: { change } }) =>
          change.change === 'disable' ? change.appId : `${change.appId} ${change.change}`,
        ),
      );
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

const one = (appId: string) => [input(appId)];

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

    const outcomes = await firstTries(['slack', 'zoom', 'github', 'jira', 'okta'].map(one), steps, 50);

    expect(outcomes).toEqual([
      [{ account: { appId: 'slack', status: 'disabled', externalId: 'U1' } }],
      [{ failure: { type: 'RATE_LIMITED', message: 'slow down', nonRetryable: false, nextRetryDelay: '7s' } }],
      [{ failure: { type: 'INVALID', message: 'github rejects the login', nonRetryable: true } }],
      [{ failure: { type: 'TIMEOUT', message: 'jira gave no answer within 50 ms', nonRetryable: false } }],
      [{ failure: { type: 'Error', message: 'socket hang up', nonRetryable: false } }],
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

    const outcomes = await firstTries(['slack', 'zoom', 'github'].map(one), probe.steps, 50);

    expect(outcomes.map(([outcome]) => 'account' in outcome && outcome.account.externalId)).toEqual([
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

    const outcomes = await firstTries(
      [[input('slack'), input('slack', 'revoke_sessions')], [input('zoom')]],
      steps,
      50,
    );

    const failure = { type: 'Error', message: 'connection terminated', nonRetryable: false };
    expect(outcomes).toEqual([[{ failure }, { failure }], [{ failure }]]);
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

    const outcomes = await firstTries(['slack', 'github'].map(one), steps, 50);

    expect(outcomes).toEqual([
      [{ failure: { type: 'Error', message: 'connection terminated', nonRetryable: false } }],
      [{ failure: { type: 'INVALID', message: 'github rejects the login', nonRetryable: true } }],
    ]);
  });

  it('tries each app’s changes in order, each after the one before it went through, all recorded in one write', async () => {
    const asked: string[] = [];
    const probe = phaseSteps(async ({ change }, previous) => {
      asked.push(`${change.appId} ${change.change}${previous ? ` after ${previous.status}` : ''}`);
      if (change.appId === 'zoom' && change.change === 'disable') throw new Error('socket hang up');
      if (change.appId === 'github' && change.change === 'revoke_sessions')
        return new Promise<AppliedAccount>(() => undefined);
      return { appId: change.appId, status: 'disabled', externalId: `${change.appId}-1` };
    });
    const inOrder = (appId: string) => [input(appId), input(appId, 'revoke_sessions')];

    const outcomes = await firstTries(['slack', 'zoom', 'github'].map(inOrder), probe.steps, 50);

    const account = (appId: string) => ({ account: { appId, status: 'disabled', externalId: `${appId}-1` } });
    expect(outcomes).toEqual([
      [account('slack'), account('slack')],
      // A failed change stops its app: what follows it waits for its later tries.
      [{ failure: { type: 'Error', message: 'socket hang up', nonRetryable: false } }],
      // The deadline is the app's, for all its changes.
      [
        account('github'),
        { failure: { type: 'TIMEOUT', message: 'github gave no answer within 50 ms', nonRetryable: false } },
      ],
    ]);
    expect(asked.sort()).toEqual([
      'github disable',
      'github revoke_sessions after disabled',
      'slack disable',
      'slack revoke_sessions after disabled',
      'zoom disable',
    ]);
    expect(probe.reads).toBe(1);
    expect(probe.recorded).toEqual([['slack', 'slack revoke_sessions', 'github']]);
  });

  it('leaves an app’s next change untried when its deadline passed before the change could begin', async () => {
    const asked: string[] = [];
    const probe = phaseSteps(({ change }) => {
      asked.push(change.change);
      // An answer that came just in time, after which no time is left.
      const until = Date.now() + 60;
      while (Date.now() < until);
      return Promise.resolve({ appId: change.appId, status: 'disabled', externalId: `${change.appId}-1` });
    });

    const [slack] = await firstTries([[input('slack'), input('slack', 'revoke_sessions')]], probe.steps, 50);

    expect(slack).toEqual([{ account: { appId: 'slack', status: 'disabled', externalId: 'slack-1' } }]);
    expect(asked).toEqual(['disable']);
    expect(probe.recorded).toEqual([['slack']]);
  });

  it('gives up the call of an app that missed its deadline, so the gateway drops what it has not yet sent', async () => {
    const signals: Record<string, AbortSignal | undefined> = {};
    const probe = phaseSteps((change, _previous, givenUp) => {
      signals[change.change.appId] = givenUp;
      if (change.change.appId === 'slack')
        return Promise.resolve({ appId: 'slack', status: 'disabled', externalId: 'U1' });
      return new Promise<AppliedAccount>(() => undefined);
    });

    const [slack, zoom] = await firstTries([one('slack'), one('zoom')], probe.steps, 50);

    expect(slack).toEqual([{ account: { appId: 'slack', status: 'disabled', externalId: 'U1' } }]);
    expect(zoom).toEqual([
      { failure: { type: 'TIMEOUT', message: 'zoom gave no answer within 50 ms', nonRetryable: false } },
    ]);
    expect(signals.zoom?.aborted).toBe(true);
    // An app that answered in time is not given up.
    expect(signals.slack?.aborted).toBe(false);
  });
});
