import type { LifecycleOutcome } from '@tenure/domain';
import { EVENT_TYPES, jtiOf, securityEventOf } from './ssf-events';

const outcome = (fields: Partial<LifecycleOutcome>): LifecycleOutcome => ({
  outcomeId: 'employee-E1/evt-1/slack/account.disable//',
  at: '2026-12-01T09:00:00.000Z',
  employeeId: 'E1',
  appId: 'slack',
  action: 'account.disable',
  outcome: 'succeeded',
  eventId: 'evt-1',
  workflowId: 'employee-E1',
  actor: 'system',
  ...fields,
});

describe('security events of lifecycle outcomes', () => {
  it.each([
    ['account.disable', EVENT_TYPES.accountDisabled],
    ['account.suspend', EVENT_TYPES.accountDisabled],
    ['account.enable', EVENT_TYPES.accountEnabled],
    ['account.delete', EVENT_TYPES.accountPurged],
    ['sessions.revoke', EVENT_TYPES.sessionRevoked],
  ] as const)('%s is %s', (action, type) => {
    expect(securityEventOf(outcome({ action }))?.type).toBe(type);
  });

  it.each([
    'account.create',
    'account.prepare',
    'account.update',
    'group.add',
    'group.remove',
    'ownership.transfer',
  ] as const)('%s is no security event', (action) => {
    expect(securityEventOf(outcome({ action }))).toBeUndefined();
  });

  it('sends nothing for a step that failed', () => {
    expect(securityEventOf(outcome({ outcome: 'failed' }))).toBeUndefined();
  });

  it('names the account as a complex subject: the person, the app and the account there', () => {
    expect(securityEventOf(outcome({ externalId: 'U123' }))).toMatchObject({
      subject: {
        format: 'complex',
        user: { format: 'opaque', id: 'E1' },
        tenant: { format: 'opaque', id: 'slack' },
        application: { format: 'opaque', id: 'U123' },
      },
      txn: 'evt-1',
      payload: {},
    });
  });

  it('says who revoked sessions and why, for an administrator to read', () => {
    const byOperator = securityEventOf(outcome({ action: 'sessions.revoke', actor: 'operator', rule: 'termination' }));
    expect(byOperator?.payload).toEqual({
      event_timestamp: Date.parse('2026-12-01T09:00:00.000Z') / 1000,
      initiating_entity: 'admin',
      reason_admin: { en: 'Tenure revoked the sessions of E1 in slack (termination)' },
    });
    expect(securityEventOf(outcome({ action: 'sessions.revoke' }))?.payload.initiating_entity).toBe('policy');
  });

  it('gives the same outcome on the same stream the same jti, and another stream another', () => {
    expect(jtiOf('s1', 'o1')).toBe(jtiOf('s1', 'o1'));
    expect(jtiOf('s1', 'o1')).not.toBe(jtiOf('s2', 'o1'));
    expect(jtiOf('s1', 'o1')).toMatch(/^[0-9a-f]{32}$/);
  });
});
