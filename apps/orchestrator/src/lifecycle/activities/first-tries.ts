import { ApplicationFailure } from '@temporalio/activity';
import type { AccountState } from '@tenure/domain';
import type { ApplyChangeInput } from './lifecycle.activities';

/** What one app's first try came to: the account, or why it failed (carried as data, so the other apps' answers survive). */
export type FirstTryOutcome =
  | { account: AccountState }
  | { failure: { type: string; message: string; nonRetryable: boolean; nextRetryDelay?: RetryDelay } };

type RetryDelay = NonNullable<ApplicationFailure['nextRetryDelay']>;

/** The account a change that went through left, with the app's id for it. */
export type AppliedAccount = AccountState & { externalId: string };

/** One app's change that went through, with the account it left. */
export interface AppliedChange {
  input: ApplyChangeInput;
  account: AppliedAccount;
}

/**
 * How a phase's changes are carried out: what they need is read once, each
 * app is asked on its own, and what went through is written once. `previous`
 * is the account as the same app's change before it in the phase left it;
 * `givenUp` aborts when the app's deadline has passed.
 */
export interface PhaseSteps<Known> {
  read(inputs: ApplyChangeInput[]): Promise<Known>;
  carryOut(
    known: Known,
    input: ApplyChangeInput,
    previous?: AppliedAccount,
    givenUp?: AbortSignal,
  ): Promise<AppliedAccount>;
  record(applied: AppliedChange[]): Promise<void>;
}

/**
 * Each app's answer within a few seconds: one that takes longer counts as a
 * failure that may pass, so a hanging app never takes the others' answers
 * down with it. Its later tries are activities with back-off; every call is
 * idempotent at the gateway, so a slow first try that lands anyway changes
 * nothing twice.
 */
export const FIRST_TRY_DEADLINE_MS = 8_000;

function failureOf(error: unknown): FirstTryOutcome {
  if (error instanceof ApplicationFailure) {
    const { type, message, nonRetryable, nextRetryDelay } = error;
    const failure = { type: type ?? 'Error', message, nonRetryable: !!nonRetryable };
    return { failure: nextRetryDelay ? { ...failure, nextRetryDelay } : failure };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { failure: { type: error instanceof Error ? error.name : 'Error', message, nonRetryable: false } };
}

/** When an app's first tries must have answered by, and the time they were given. */
interface Deadline {
  at: number;
  ms: number;
}

/**
 * The call's answer, or a TIMEOUT once the deadline passes. The call is then
 * given up (`givenUp` aborts): the gateway drops its requests still queued
 * for the app, so the later try is not sent behind a copy of itself.
 */
async function withinDeadline<T>(
  appId: string,
  call: (givenUp: AbortSignal) => Promise<T>,
  deadline: Deadline,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new AbortController();
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(ApplicationFailure.retryable(`${appId} gave no answer within ${deadline.ms} ms`, 'TIMEOUT'));
      giveUp.abort();
    }, deadline.at - Date.now());
  });
  try {
    return await Promise.race([call(giveUp.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One app's changes in order, all within the app's deadline: the first
 * failure stops the app, and a change not begun when the deadline passed is
 * not tried here (the workflow goes on with it). The outcomes are those of
 * the changes tried.
 */
async function triedInOrder<Known>(
  known: Known,
  changes: ApplyChangeInput[],
  steps: PhaseSteps<Known>,
  deadline: Deadline,
): Promise<FirstTryOutcome[]> {
  const outcomes: FirstTryOutcome[] = [];
  let previous: AppliedAccount | undefined;
  for (const input of changes) {
    if (outcomes.length > 0 && Date.now() >= deadline.at) break;
    try {
      const after = previous;
      previous = await withinDeadline(
        input.change.appId,
        (givenUp) => steps.carryOut(known, input, after, givenUp),
        deadline,
      );
      outcomes.push({ account: previous });
    } catch (error) {
      outcomes.push(failureOf(error));
      break;
    }
  }
  return outcomes;
}

/**
 * The first tries of a phase's changes, all apps at once in one local
 * activity, each app's changes in order: the workflow wakes once for the
 * phase's answers instead of once per app and change, and the identity store
 * is read and written once per phase. A read or write that fails fails the
 * tries it carried; those changes go on with their later tries, one activity
 * each.
 */
export async function firstTries<Known>(
  apps: ApplyChangeInput[][],
  steps: PhaseSteps<Known>,
  deadlineMs = FIRST_TRY_DEADLINE_MS,
): Promise<FirstTryOutcome[][]> {
  let known: Known;
  try {
    known = await steps.read(apps.flat());
  } catch (error) {
    return apps.map((changes) => changes.map(() => failureOf(error)));
  }
  const deadline = { at: Date.now() + deadlineMs, ms: deadlineMs };
  const outcomes = await Promise.all(apps.map((changes) => triedInOrder(known, changes, steps, deadline)));
  const applied = outcomes.flatMap((tried, app) =>
    tried.flatMap((outcome, index) =>
      'account' in outcome ? [{ input: apps[app][index], account: outcome.account as AppliedAccount }] : [],
    ),
  );
  if (applied.length === 0) return outcomes;
  try {
    await steps.record(applied);
    return outcomes;
  } catch (error) {
    const unrecorded = failureOf(error);
    return outcomes.map((tried) => tried.map((outcome) => ('account' in outcome ? unrecorded : outcome)));
  }
}
