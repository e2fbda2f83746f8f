import { ApplicationFailure } from '@temporalio/activity';
import type { LifecycleOutcome } from '@tenure/domain';
import { GatewayError } from '../../gateway/connector-gateway.client';
import { createLifecycleActivities, LifecycleActivityDependencies } from './lifecycle.activities';

const employee = {
  employeeId: 'E1',
  email: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  employmentType: 'employee' as const,
};
const step = { eventId: 'evt-1', workflowId: 'employee-E1' };
const entitlement = { appId: 'slack', roles: [], groups: ['all-staff'], rules: ['everyone'] };

function setup(createAccount: jest.Mock) {
  const published: LifecycleOutcome[] = [];
  const deps = {
    identity: { saveAccount: jest.fn() },
    gateway: { createAccount, disableAccount: jest.fn() },
    outcomes: { publish: jest.fn(async (o: LifecycleOutcome) => void published.push(o)) },
    policy: { entitlementsFor: jest.fn() },
  } as unknown as LifecycleActivityDependencies;
  return { activities: createLifecycleActivities(deps), deps, published };
}

describe('lifecycle activities', () => {
  it('records the account and publishes a deterministic outcome after the app created it', async () => {
    const { activities, deps, published } = setup(
      jest.fn().mockResolvedValue({ appId: 'slack', externalId: 'u-1', status: 'active', created: true }),
    );
    const account = await activities.provisionAccount({ ...step, employee, entitlement });
    expect(account).toEqual({ appId: 'slack', status: 'active', externalId: 'u-1' });
    expect(deps.gateway.createAccount).toHaveBeenCalledWith('slack', { employee, groups: ['all-staff'] });
    expect(deps.identity.saveAccount).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'active', externalId: 'u-1' }),
    );
    expect(published[0]).toMatchObject({
      outcomeId: 'employee-E1/evt-1/slack/account.create',
      action: 'account.create',
      outcome: 'succeeded',
      externalId: 'u-1',
    });
  });

  it('turns a retryable refusal into a retryable failure that honours Retry-After', async () => {
    const { activities, published } = setup(
      jest.fn().mockRejectedValue(new GatewayError(429, 'RATE_LIMITED', true, 'slow down', 7)),
    );
    const failure = await activities.provisionAccount({ ...step, employee, entitlement }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'RATE_LIMITED', nonRetryable: false, nextRetryDelay: '7s' });
    expect(published).toEqual([]);
  });

  it('turns a permanent refusal into a non-retryable failure with the app’s message', async () => {
    const { activities } = setup(
      jest.fn().mockRejectedValue(new GatewayError(422, 'INVALID', false, 'userName is not an email address')),
    );
    const failure = await activities.provisionAccount({ ...step, employee, entitlement }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ type: 'INVALID', nonRetryable: true, message: 'userName is not an email address' });
  });
});
