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
 * app is asked on its own, and what went through is written once.
 */
export interface PhaseSteps<Known> {
  read(inputs: ApplyChangeInput[]): Promise<Known>;
  carryOut(known: Known, input: ApplyChangeInput): Promise<AppliedAccount>;
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

async function withinDeadline<T>(appId: string, call: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(ApplicationFailure.retryable(`${appId} gave no answer within ${deadlineMs} ms`, 'TIMEOUT')),
      deadlineMs,
    );
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first try of one change per app, all at once in one local activity:
 * the workflow wakes once for the phase's answers instead of once per app,
 * and the identity store is read and written once per phase, not per app.
 * A read or write that fails fails the tries it carried; those apps go on
 * with their later tries, one activity each.
 */
export async function firstTries<Known>(
  inputs: ApplyChangeInput[],
  steps: PhaseSteps<Known>,
  deadlineMs = FIRST_TRY_DEADLINE_MS,
): Promise<FirstTryOutcome[]> {
  let known: Known;
  try {
    known = await steps.read(inputs);
  } catch (error) {
    return inputs.map(() => failureOf(error));
  }
  const outcomes = await Promise.all(
    inputs.map((input) =>
      withinDeadline(input.change.appId, steps.carryOut(known, input), deadlineMs).then(
        (account): FirstTryOutcome => ({ account }),
        failureOf,
      ),
    ),
  );
  const applied = outcomes.flatMap((outcome, index) =>
    'account' in outcome ? [{ input: inputs[index], account: outcome.account as AppliedAccount }] : [],
  );
  if (applied.length === 0) return outcomes;
  try {
    await steps.record(applied);
    return outcomes;
  } catch (error) {
    const unrecorded = failureOf(error);
    return outcomes.map((outcome) => ('account' in outcome ? unrecorded : outcome));
  }
}
