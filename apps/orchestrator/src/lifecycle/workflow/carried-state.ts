import { AccessRequestRecord, isOpenRun, RunState } from '@tenure/temporal-contracts';

/**
 * What a continued-as-new run carries stays bounded however long a person's
 * life: every run that will still do something by itself, the newest failed
 * runs an operator may still retry, the newest finished runs as summaries, and
 * the access requests still pending or granted. Everything dropped is still in
 * the identity store (`GET /v1/runs`) and the audit trail.
 */
export const CARRIED_LIMITS = {
  /** Failed runs with nothing left to do by themselves, kept for an operator's retry. */
  failedRuns: 20,
  /** Completed, cancelled, rejected or skipped runs, kept as summaries for the snapshot. */
  finishedRuns: 10,
  /** Requests still waiting for the manager; granted ones are always kept (their end must still be applied). */
  pendingRequests: 50,
};

/** Whether the run still acts by itself: scheduled, waiting, running, a later phase to come or a step being retried. */
export function actsByItself(run: RunState): boolean {
  return isOpenRun(run) || (run.status === 'failed' && (!!run.nextAt || run.steps.some((s) => !!s.nextAttemptAt)));
}

const newestFirst = (a: { updatedAt?: string; createdAt: string }, b: { updatedAt?: string; createdAt: string }) =>
  Date.parse(b.updatedAt ?? b.createdAt) - Date.parse(a.updatedAt ?? a.createdAt);

/** A finished run without what only a retry needs (the planned changes still to run). */
function summary(run: RunState): RunState {
  return { ...run, steps: run.steps.map(({ remaining: _remaining, ...step }) => step) };
}

/** The runs carried into the next run of the workflow, in their original order. */
export function carriedRuns(runs: Iterable<RunState>, limits = CARRIED_LIMITS): RunState[] {
  const all = [...runs];
  const failed = all.filter((run) => run.status === 'failed' && !actsByItself(run)).sort(newestFirst);
  const finished = all.filter((run) => run.status !== 'failed' && !actsByItself(run)).sort(newestFirst);
  const kept = new Set([
    ...all.filter(actsByItself),
    ...failed.slice(0, limits.failedRuns),
    ...finished.slice(0, limits.finishedRuns),
  ]);
  const summarised = new Set(finished.slice(0, limits.finishedRuns));
  return all.filter((run) => kept.has(run)).map((run) => (summarised.has(run) ? summary(run) : run));
}

/** The access requests carried: granted ones (their expiry is still to run) and the newest pending ones. */
export function carriedRequests(
  requests: Iterable<AccessRequestRecord>,
  limits = CARRIED_LIMITS,
): AccessRequestRecord[] {
  const all = [...requests];
  const pending = all.filter((request) => request.status === 'pending').sort(newestFirst);
  const kept = new Set([
    ...all.filter((request) => request.status === 'approved'),
    ...pending.slice(0, limits.pendingRequests),
  ]);
  return all.filter((request) => kept.has(request));
}
