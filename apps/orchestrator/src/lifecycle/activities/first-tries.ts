import { ApplicationFailure } from '@temporalio/activity';
import type { AccountState } from '@tenure/domain';
import type { ApplyChangeInput } from './lifecycle.activities';

/** What one app's first try came to: the account, or why it failed (carried as data, so the other apps' answers survive). */
export type FirstTryOutcome =
  | { account: AccountState }
  | { failure: { type: string; message: string; nonRetryable: boolean; nextRetryDelay?: RetryDelay } };

type RetryDelay = NonNullable<ApplicationFailure['nextRetryDelay']>;

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

async function withinDeadline(appId: string, call: Promise<AccountState>, deadlineMs: number): Promise<AccountState> {
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
 * the workflow wakes once for the phase's answers instead of once per app.
 */
export function firstTries(
  applyChange: (input: ApplyChangeInput) => Promise<AccountState>,
  deadlineMs = FIRST_TRY_DEADLINE_MS,
): (inputs: ApplyChangeInput[]) => Promise<FirstTryOutcome[]> {
  return (inputs) =>
    Promise.all(
      inputs.map((input) =>
        withinDeadline(input.change.appId, applyChange(input), deadlineMs).then(
          (account): FirstTryOutcome => ({ account }),
          failureOf,
        ),
      ),
    );
}
