import {
  ActivityFailure,
  ApplicationFailure,
  IllegalStateError,
  isCancellation,
  log,
  patched,
  TemporalFailure,
  WorkflowError,
} from '@temporalio/workflow';
import { DATA_ERROR_TYPES } from '@tenure/temporal-contracts';

/** Before it, a data error failed the workflow task (or the whole workflow) instead of rejecting its run. */
export const DATA_ERRORS_REJECT_RUNS = 'data-errors-reject-runs';

const MAX_REASON = 2000;

/**
 * The application failure an activity ended with: wrapped in an
 * ActivityFailure for an activity, as it is for a local activity (the store's
 * bookkeeping), which workflow code never throws itself.
 */
export function activityFailureOf(error: unknown): ApplicationFailure | undefined {
  if (error instanceof ActivityFailure) return error.cause instanceof ApplicationFailure ? error.cause : undefined;
  return error instanceof ApplicationFailure ? error : undefined;
}

/**
 * Why a step failed because of the data it worked on, or undefined when it
 * failed for another reason. Data errors are an activity's non-retryable
 * INVALID_EVENT or INVALID_DATA, and anything workflow code itself throws: it
 * only computes over the event (dates, plans), so the same data would throw
 * on every replay. The infrastructure never shows up here (activities retry
 * it themselves), and cancellations and the SDK's own errors (a
 * non-determinism) must go on failing as they always have.
 */
export function dataErrorReason(error: unknown): string | undefined {
  if (isCancellation(error) || error instanceof WorkflowError || error instanceof IllegalStateError) return undefined;
  if (error instanceof ActivityFailure || error instanceof ApplicationFailure) {
    const cause = activityFailureOf(error);
    if (!cause) return undefined;
    return (DATA_ERROR_TYPES as readonly (string | undefined | null)[]).includes(cause.type)
      ? cause.message
      : undefined;
  }
  if (error instanceof TemporalFailure || !(error instanceof Error)) return undefined;
  return `${error.name}: ${error.message}`;
}

/**
 * Runs one event's decision or one run's step; when it fails because of its
 * data, `reject` records why and the person's workflow goes on with their next
 * events. Anything else fails as before.
 */
export async function rejectingDataErrors(
  step: () => Promise<void>,
  reject: (reason: string) => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    const reason = dataErrorReason(error);
    if (reason === undefined || !patched(DATA_ERRORS_REJECT_RUNS)) throw error;
    log.warn('run rejected: its data cannot be processed', { reason });
    await reject(reason.slice(0, MAX_REASON));
  }
}
