import type { AccessRequestRecord, RunState, RunStatus, StepState } from '@tenure/temporal-contracts';
import { carriedRequests, carriedRuns } from './carried-state';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

function run(id: string, status: RunStatus, minute: number, extra: Partial<RunState> = {}): RunState {
  return {
    runId: id,
    employeeId: 'E1',
    eventId: id,
    eventType: 'terminate',
    subject: { kind: 'event', event: {} as never, origin: 'hr' },
    status,
    effectiveAt: at(minute),
    completedPhases: [],
    steps: [],
    createdAt: at(minute),
    updatedAt: at(minute),
    ...extra,
  };
}

const failedStep = (extra: Partial<StepState> = {}): StepState => ({
  phase: 'disable',
  appId: 'slack',
  status: 'needs_attention',
  changes: ['disable'],
  failedChange: 'disable',
  reason: 'TEMPORARY: down',
  remaining: [{ appId: 'slack', change: 'disable', support: 'supported' }],
  retries: 0,
  at: at(0),
  ...extra,
});

function request(id: string, status: AccessRequestRecord['status'], minute: number): AccessRequestRecord {
  return {
    requestId: id,
    employeeId: 'E1',
    appId: 'salesforce',
    roles: [],
    groups: [],
    reason: 'r',
    status,
    requestedBy: 'E1',
    createdAt: at(minute),
  };
}

const limits = { failedRuns: 2, finishedRuns: 2, pendingRequests: 2 };
const ids = (runs: { runId: string }[]) => runs.map((r) => r.runId);

describe('what a continued-as-new lifecycle run carries', () => {
  it('keeps every run that still acts by itself, however many and however old', () => {
    const runs = [
      run('scheduled', 'scheduled', 1),
      run('waiting', 'waiting_approval', 2),
      run('later-phase', 'failed', 3, { nextAt: at(90), steps: [failedStep()] }),
      run('retrying', 'failed', 4, { steps: [failedStep({ attempts: 7, nextAttemptAt: at(60) })] }),
    ];
    expect(ids(carriedRuns(runs, { ...limits, failedRuns: 0, finishedRuns: 0 }))).toEqual(ids(runs));
  });

  it('keeps only the newest failed runs waiting for an operator and the newest finished runs', () => {
    const runs = [
      run('failed-old', 'failed', 1, { steps: [failedStep()] }),
      run('done-old', 'completed', 2),
      run('failed-mid', 'failed', 3, { steps: [failedStep()] }),
      run('cancelled', 'cancelled', 4),
      run('failed-new', 'failed', 5, { steps: [failedStep()] }),
      run('rejected', 'rejected', 6),
      run('open', 'scheduled', 0),
    ];
    expect(ids(carriedRuns(runs, limits))).toEqual(['failed-mid', 'cancelled', 'failed-new', 'rejected', 'open']);
  });

  it('keeps a kept failed run whole (an operator retries its remaining changes) and summarises finished ones', () => {
    const runs = [
      run('failed', 'failed', 1, { steps: [failedStep()] }),
      run('cancelled', 'cancelled', 2, { steps: [failedStep()] }),
    ];
    const [failed, cancelled] = carriedRuns(runs, limits);
    expect(failed.steps[0].remaining).toHaveLength(1);
    expect(cancelled.steps[0]).not.toHaveProperty('remaining');
    expect(cancelled.steps[0]).toMatchObject({ appId: 'slack', status: 'needs_attention', reason: 'TEMPORARY: down' });
  });

  it('stays bounded over a long life of failures and finished runs', () => {
    const runs = Array.from({ length: 500 }, (_, i) =>
      run(`r${i}`, i % 2 ? 'failed' : 'completed', i, { steps: [failedStep()] }),
    );
    expect(carriedRuns(runs, limits)).toHaveLength(4);
  });

  it('keeps granted requests (their end is still to come) and the newest pending ones, drops denied and expired', () => {
    const requests = [
      request('approved-old', 'approved', 1),
      request('pending-old', 'pending', 2),
      request('denied', 'denied', 3),
      request('expired', 'expired', 4),
      request('pending-mid', 'pending', 5),
      request('pending-new', 'pending', 6),
    ];
    expect(carriedRequests(requests, limits).map((r) => r.requestId)).toEqual([
      'approved-old',
      'pending-mid',
      'pending-new',
    ]);
  });
});
