import { ApplicationFailure } from '@temporalio/workflow';
import type { ChangeKind, PlannedChange, RunState, StepState } from '@tenure/temporal-contracts';
import { refusalOf } from './app-refusal';

/** Patch id of the change that made access removals retry until they succeed (old histories keep the bounded retry). */
export const ACCESS_REMOVAL_RETRIES_PATCH = 'access-removal-retries';

/**
 * Changes that take access away. An app that is down or refuses the gateway's
 * credentials must not leave a leaver's account live: these are retried by
 * the workflow itself, on durable timers, until they succeed or an operator
 * cancels the run. There is no last attempt.
 */
const REMOVALS: readonly ChangeKind[] = ['disable', 'suspend', 'revoke_sessions'];

const FIRST_DELAY_MS = 1_000;
/** A fixed app is noticed within five minutes; a day of outage costs about 300 calls. */
const MAX_DELAY_MS = 5 * 60_000;
/** The audit trail gets the first failure, every change of reason, then one record per this many attempts (about hourly). */
const RECORD_EVERY = 12;

/**
 * Failures that may pass without any change in Tenure: the app down or slow
 * (the bounded activity retries are spent), rate limits, and credentials the
 * app refuses (someone fixes them). A refusal of the data itself, or a missing
 * account, stays with an operator as before.
 */
function mayPass(error: unknown): boolean {
  const cause = refusalOf(error);
  if (!(cause instanceof ApplicationFailure)) return true;
  return !cause.nonRetryable || cause.type === 'UNAUTHORIZED';
}

export function retriedUntilDone(change: PlannedChange, error: unknown): boolean {
  return REMOVALS.includes(change.change) && mayPass(error);
}

/** Exponential from one second, capped at five minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempts - 1, 20));
}

export function recordsFailure(attempts: number, previousReason: string | undefined, reason: string): boolean {
  return attempts === 1 || previousReason !== reason || attempts % RECORD_EVERY === 0;
}

/** The steps whose next attempt is due in a failed run (an operator's retry or cancellation takes precedence). */
export function dueAttempts(run: RunState, now = Date.now()): StepState[] {
  if (run.status !== 'failed') return [];
  return run.steps.filter(
    (step) => step.status === 'needs_attention' && !!step.nextAttemptAt && Date.parse(step.nextAttemptAt) <= now,
  );
}

export function awaitsAttempt(run: RunState): boolean {
  return run.status === 'failed' && run.steps.some((step) => !!step.nextAttemptAt);
}

/** When the workflow must wake for the next attempts of its failed runs. */
export function nextAttemptMoments(runs: Iterable<RunState>): number[] {
  return [...runs]
    .filter(awaitsAttempt)
    .flatMap((run) => run.steps.flatMap((step) => (step.nextAttemptAt ? [Date.parse(step.nextAttemptAt)] : [])));
}

/** A run that will not happen stops retrying its steps. */
export function stopAttempts(run: RunState): void {
  for (const step of run.steps) step.nextAttemptAt = undefined;
}
