import { ApplicationFailure } from '@temporalio/activity';
import type { LifecycleOutcome } from '@tenure/domain';
import type { PlannedChange } from '@tenure/temporal-contracts';
import { GatewayError } from '../../gateway/connector-gateway.client';
import { createLifecycleActivities, LifecycleActivityDependencies } from './lifecycle.activities';

const employee = {
  employeeId: 'E1',
  email: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  employmentType: 'employee' as const,
};
const step = {
  runId: 'E1~evt-1',
  eventId: 'evt-1',
  workflowId: 'employee-E1',
  employeeId: 'E1',
  phase: 'start' as const,
  actor: 'system' as const,
  attempt: 0,
};
const create: PlannedChange = {
  appId: 'slack',
  change: 'create',
  support: 'supported',
  rule: 'everyone',
  groups: ['all-staff'],
};

function setup(
  gateway: Record<string, jest.Mock>,
  accounts: { appId: string; status: string; externalId: string }[] = [],
) {
  const published: LifecycleOutcome[] = [];
  const deps = {
    identity: {
      saveAccount: jest.fn(),
      saveAccounts: jest.fn(),
      setAccountReason: jest.fn(),
      findPerson: jest.fn(async () => ({
        person: { attributes: employee, state: 'active' },
        accounts,
        entitlements: [],
      })),
    },
    // The client bound to a first try's deadline is the same client.
    gateway: Object.assign(gateway, { until: () => gateway }),
    outcomes: { publish: jest.fn(async (...o: LifecycleOutcome[]) => void published.push(...o)) },
  } as unknown as LifecycleActivityDependencies;
  return { activities: createLifecycleActivities(deps), deps, published };
}

describe('lifecycle activities', () => {
  it('records the account and publishes a deterministic outcome with the rule after the app created it', async () => {
    const createAccount = jest
      .fn()
      .mockResolvedValue({ appId: 'slack', externalId: 'u-1', status: 'active', created: true });
    const { activities, deps, published } = setup({ createAccount });
    const account = await activities.applyChange({ ...step, change: create });
    expect(account).toEqual({ appId: 'slack', status: 'active', externalId: 'u-1' });
    expect(createAccount).toHaveBeenCalledWith('slack', { employee, groups: ['all-staff'], active: true });
    expect(deps.identity.saveAccounts).toHaveBeenCalledWith([
      expect.objectContaining({ status: 'active', externalId: 'u-1' }),
    ]);
    expect(published[0]).toMatchObject({
      outcomeId: 'employee-E1/evt-1/slack/account.create/start/succeeded/0',
      action: 'account.create',
      outcome: 'succeeded',
      externalId: 'u-1',
      rule: 'everyone',
      actor: 'system',
    });
  });

  it('records a created account’s groups as group additions, so the audit trail knows the memberships', async () => {
    const createAccount = jest
      .fn()
      .mockResolvedValue({ appId: 'slack', externalId: 'u-1', status: 'active', created: true });
    const { activities, published } = setup({ createAccount });
    await activities.applyChange({ ...step, change: { ...create, groups: ['all-staff', 'eng'] } });
    expect(published.map((o) => [o.action, o.group, o.outcomeId])).toEqual([
      ['account.create', undefined, 'employee-E1/evt-1/slack/account.create/start/succeeded/0'],
      ['group.add', 'all-staff', 'employee-E1/evt-1/slack/group.add/start/succeeded/0/all-staff'],
      ['group.add', 'eng', 'employee-E1/evt-1/slack/group.add/start/succeeded/0/eng'],
    ]);
  });

  it('publishes one outcome per group of a group step, naming the group, whether it succeeds or fails', async () => {
    const updateAccount = jest.fn().mockResolvedValue({ appId: 'github', externalId: 'g-1', groups: [] });
    const known = [{ appId: 'github', status: 'active', externalId: 'g-1' }];
    const { activities, published } = setup({ updateAccount }, known);
    const change: PlannedChange = {
      appId: 'github',
      change: 'group.remove',
      support: 'supported',
      rule: 'least-privilege',
      groups: ['oncall', 'it-admins'],
    };
    await activities.applyChange({ ...step, change });
    expect(updateAccount).toHaveBeenCalledWith('github', 'g-1', { removeGroups: ['oncall', 'it-admins'] });
    expect(published.map((o) => [o.action, o.group, o.outcome, o.rule])).toEqual([
      ['group.remove', 'oncall', 'succeeded', 'least-privilege'],
      ['group.remove', 'it-admins', 'succeeded', 'least-privilege'],
    ]);
    published.length = 0;
    await activities.recordStepFailure({
      ...step,
      change: { ...change, change: 'group.add' },
      reason: 'no such group',
    });
    expect(published.map((o) => [o.action, o.group, o.outcome, o.reason])).toEqual([
      ['group.add', 'oncall', 'failed', 'no such group'],
      ['group.add', 'it-admins', 'failed', 'no such group'],
    ]);
  });

  it('creates a prepared account disabled in one call, never active first, and records it as pending', async () => {
    const createAccount = jest
      .fn()
      .mockResolvedValue({ appId: 'slack', externalId: 'u-1', status: 'disabled', created: true });
    const disableAccount = jest.fn().mockResolvedValue({});
    const enableAccount = jest.fn().mockResolvedValue({});
    const { activities, published } = setup({ createAccount, disableAccount, enableAccount });
    const account = await activities.applyChange({ ...step, phase: 'prepare', change: { ...create, pending: true } });
    expect(createAccount).toHaveBeenCalledWith('slack', { employee, groups: ['all-staff'], active: false });
    expect(disableAccount).not.toHaveBeenCalled();
    expect(enableAccount).not.toHaveBeenCalled();
    expect(account.status).toBe('pending');
    // Recorded as prepared, not created: the audit trail shows no access before the start.
    expect(published.map((o) => [o.action, o.group])).toEqual([
      ['account.prepare', undefined],
      ['group.add', 'all-staff'],
    ]);
  });

  it('reads the person once and records a phase’s accounts in one write, each app answering on its own', async () => {
    const disableAccount = jest.fn(async (appId: string) => {
      if (appId === 'github') throw new GatewayError(503, 'UNAVAILABLE', true, 'github is down');
      return {};
    });
    const known = ['slack', 'zoom', 'github'].map((appId) => ({ appId, status: 'active', externalId: `${appId}-1` }));
    const { activities, deps, published } = setup({ disableAccount }, known);
    const inputs = known.map(({ appId }) => ({
      ...step,
      phase: 'disable' as const,
      change: { appId, change: 'disable' as const, support: 'supported' as const },
    }));

    const outcomes = await activities.applyChangesOnce(inputs);

    expect(outcomes).toEqual([
      { account: { appId: 'slack', status: 'disabled', externalId: 'slack-1' } },
      { account: { appId: 'zoom', status: 'disabled', externalId: 'zoom-1' } },
      { failure: { type: 'UNAVAILABLE', message: 'github is down', nonRetryable: false } },
    ]);
    expect(deps.identity.findPerson).toHaveBeenCalledTimes(1);
    expect(deps.identity.saveAccounts).toHaveBeenCalledTimes(1);
    expect(deps.identity.saveAccounts).toHaveBeenCalledWith([
      expect.objectContaining({ appId: 'slack', status: 'disabled', externalId: 'slack-1', eventId: 'evt-1' }),
      expect.objectContaining({ appId: 'zoom', status: 'disabled', externalId: 'zoom-1', eventId: 'evt-1' }),
    ]);
    expect(published.map((o) => [o.appId, o.action, o.outcome])).toEqual([
      ['slack', 'account.disable', 'succeeded'],
      ['zoom', 'account.disable', 'succeeded'],
    ]);
  });

  it('starts a phase in one call: the ledger first, then the commit, then the first tries; a held phase changes nothing', async () => {
    const disableAccount = jest.fn().mockResolvedValue({});
    const known = [{ appId: 'slack', status: 'active', externalId: 'slack-1' }];
    const { deps } = setup({ disableAccount }, known);
    const order: string[] = [];
    const admit = jest.fn(async () => {
      order.push('admit');
      return { decision: 'held' as const, batchId: 'mc-1', reason: 'past the limit' };
    });
    Object.assign(deps.identity, {
      savePerson: jest.fn(async () => void order.push('commit')),
      personOf: jest.fn(),
    });
    const massChanges = { admit } as unknown as LifecycleActivityDependencies['massChanges'];
    const activities = createLifecycleActivities({ ...deps, massChanges });
    disableAccount.mockImplementation(async () => void order.push('disable'));
    const phase = {
      removal: {
        runId: step.runId,
        employeeId: 'E1',
        eventId: 'evt-1',
        eventType: 'terminate' as const,
        source: 'csv',
        origin: 'hr',
        phase: 'disable' as const,
        accounts: [{ appId: 'slack', change: 'disable' as const }],
      },
      commit: { employeeId: 'E1', eventId: 'evt-1', commit: { state: 'terminated' as const, attributes: employee } },
      apps: [
        [
          {
            ...step,
            phase: 'disable' as const,
            change: { appId: 'slack', change: 'disable' as const, support: 'supported' as const },
          },
        ],
      ],
    };

    expect(await activities.startPhase(phase)).toEqual({
      admission: { decision: 'held', batchId: 'mc-1', reason: 'past the limit' },
      tries: [],
    });
    expect(order).toEqual(['admit']);

    admit.mockImplementation(async () => {
      order.push('admit');
      return { decision: 'admitted' } as never;
    });
    order.length = 0;
    expect(await activities.startPhase(phase)).toEqual({
      admission: { decision: 'admitted' },
      tries: [[{ account: { appId: 'slack', status: 'disabled', externalId: 'slack-1' } }]],
    });
    expect(order).toEqual(['admit', 'commit', 'disable']);
  });

  it('suspends through the app’s disable and records the account as suspended', async () => {
    const disableAccount = jest.fn().mockResolvedValue({});
    const { activities } = setup({ disableAccount }, [{ appId: 'zoom', status: 'active', externalId: 'z-9' }]);
    const account = await activities.applyChange({
      ...step,
      change: { appId: 'zoom', change: 'suspend', support: 'supported' },
    });
    expect(disableAccount).toHaveBeenCalledWith('zoom', 'z-9');
    expect(account).toEqual({ appId: 'zoom', status: 'suspended', externalId: 'z-9' });
  });

  it('turns a retryable refusal into a retryable failure that honours Retry-After', async () => {
    const { activities, published } = setup({
      createAccount: jest.fn().mockRejectedValue(new GatewayError(429, 'RATE_LIMITED', true, 'slow down', 7)),
    });
    const failure = await activities.applyChange({ ...step, change: create }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'RATE_LIMITED', nonRetryable: false, nextRetryDelay: '7s' });
    expect(published).toEqual([]);
  });

  it('turns a permanent refusal into a non-retryable failure with the app’s message', async () => {
    const { activities } = setup({
      createAccount: jest
        .fn()
        .mockRejectedValue(new GatewayError(422, 'INVALID', false, 'userName is not an email address')),
    });
    const failure = await activities.applyChange({ ...step, change: create }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ type: 'INVALID', nonRetryable: true, message: 'userName is not an email address' });
  });

  it('refuses, without retrying, a change to an account Tenure does not know', async () => {
    const { activities } = setup({ disableAccount: jest.fn() });
    const failure = await activities
      .applyChange({ ...step, change: { appId: 'zoom', change: 'disable', support: 'supported' } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ type: 'NO_ACCOUNT', nonRetryable: true });
  });
});
