import { ActivityFailure } from '@temporalio/workflow';

/** What an app call failed with: an activity's failure carries the app's refusal as its cause, a local one's result is the refusal itself. */
export function refusalOf(error: unknown): unknown {
  return error instanceof ActivityFailure ? error.cause : error;
}
