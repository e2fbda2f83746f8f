import type { HashedContentV1 } from '../record-hash';

/** A record as hash version 1 wrote it, for tests that check old records still verify. */
export const VERSION_1_RECORD: HashedContentV1 = {
  seq: '1',
  id: '7d0f3b1e-6a2c-4c55-9d8e-0f7f4b8e2a11',
  outcomeId: 'employee-E1/evt-1/slack/account.create',
  at: '2026-11-26T09:00:00.000Z',
  recordedAt: '2026-11-26T09:00:00.120Z',
  employeeId: 'E1',
  appId: 'slack',
  action: 'account.create',
  outcome: 'succeeded',
  eventId: 'evt-1',
  workflowId: 'employee-E1',
  actor: 'system',
  externalId: 'u-1',
  reason: null,
};
