import { ApplicationFailure, patched, proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { AccountState } from '@tenure/domain';
import type { FirstTryOutcome } from '../activities/first-tries';
import type { ApplyChangeInput, LifecycleActivities } from '../activities/lifecycle.activities';
import { refusalOf } from './app-refusal';

/** Workflows started before the identity store's bookkeeping ran as local activities replay it as activities. */
export const LOCAL_STORE_PATCH = 'store-local-activities';

const STORE_RETRY = { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' } as const;

/** Bookkeeping against Tenure's own database, Kafka and planning, as activities the server schedules. */
const remoteStore = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: STORE_RETRY,
});

/**
 * The same bookkeeping run in the worker that runs the workflow (local
 * activities): no task queue round trip and no workflow task of its own per
 * call, the result recorded with the workflow task that asked for it. Each is
 * idempotent (upserts, decisions and outcomes with derived ids), so running
 * one again after a crash changes nothing.
 */
const localStore = proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: STORE_RETRY,
});

/**
 * Quick, retried until it works: local activities for workflows that reach
 * this code now, activities for the histories recorded before (replayed as
 * they ran). Decided per call, in the workflow, so every caller stays as is.
 */
export const store: LifecycleActivities = new Proxy({} as LifecycleActivities, {
  get: (_target, name: keyof LifecycleActivities) => (patched(LOCAL_STORE_PATCH) ? localStore : remoteStore)[name],
});

/**
 * Calls to apps: each change tried up to six times, 1, 2, 4, 8 and 16 seconds
 * apart, so that an app that stays down lands in "needs attention" (an
 * operator retries it, or Tenure's own later tries for a removal) instead of
 * looping forever. A refusal that cannot succeed (the app rejects the data,
 * the connector lacks the operation) fails at once.
 *
 * The first try runs in the worker (a local activity): on a good day a change
 * needs neither a task-queue round trip nor three history events and a
 * workflow task of its own, which was most of what a leaver cost Temporal.
 * It is one try, each app's answer bounded by a few seconds (see
 * first-tries.ts), so a slow or failing app holds the workflow (a signal, a
 * query) back for seconds at most. The other five are an activity's,
 * retried by Temporal with the back-off.
 */
const firstTry = proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 1 },
});
const FIRST_RETRY_DELAY = '1 second';
const laterTries = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/** Before the first try ran in the worker, all six were the activity's. */
const allTries = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 6 },
});

/**
 * Tenure's own later tries of a change that removes access (see
 * access-removal-retries.ts): one call each, the workflow waits between them.
 */
const oneTry = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});

/** Workflows started before an app change's first try ran in the worker replay every try as an activity. */
export const LOCAL_FIRST_TRY_PATCH = 'app-change-local-first-try';

/** What the app refused with, if another try may pass: when to try again (its Retry-After, or the back-off's first step). */
function retryDelayAfter(error: unknown): Parameters<typeof sleep>[0] | undefined {
  const cause = refusalOf(error);
  if (cause instanceof ApplicationFailure)
    return cause.nonRetryable ? undefined : (cause.nextRetryDelay ?? FIRST_RETRY_DELAY);
  return FIRST_RETRY_DELAY;
}

/** Workflows that tried only each app's first change of a phase together replay so. */
export const FIRST_TRIES_IN_ORDER_PATCH = 'app-changes-first-tries-in-order';

/**
 * One app's call for each of its changes in a phase, by index: the first try
 * already made together with the other apps', or undefined for a change that
 * was not part of it (the app calls it itself).
 */
export type FirstTried = (index: number) => Promise<AccountState> | undefined;

/**
 * After a change's first try: its account, or, if another try may pass, a
 * wait and its later tries; a change the first tries never reached (an
 * earlier change of the app failed, or the app's time ran out) is called now.
 */
async function afterFirstTry(
  input: ApplyChangeInput,
  tried: Promise<FirstTryOutcome | undefined>,
): Promise<AccountState> {
  let failure: unknown;
  try {
    const outcome = await tried;
    if (!outcome) return applyChange(input, false);
    if ('account' in outcome) return outcome.account;
    failure = ApplicationFailure.create(outcome.failure);
  } catch (error) {
    // The local activity itself failed (its deadline, a crash): every app tries again.
    failure = error;
  }
  const delay = retryDelayAfter(failure);
  if (delay === undefined) throw failure;
  await sleep(delay);
  return laterTries.applyChange(input);
}

/**
 * A phase's changes, each app on its own: the first tries of all of them run
 * together in one local activity, each app's changes in order, so the
 * workflow wakes once for a phase's answers, not once per app and change. An
 * app whose first try failed in a way that may pass waits and goes on with
 * its later tries, whatever the others did. Every call is idempotent at the
 * gateway, so a change tried twice is carried out once.
 */
export function applyChanges(apps: ApplyChangeInput[][]): FirstTried[] {
  if (patched(FIRST_TRIES_IN_ORDER_PATCH)) return firstTriedOf(apps, firstTry.applyChangeSequencesOnce(apps));
  // Before: each app's first change only, the rest one first try each.
  const firsts = applyFirstChanges(apps.map((changes) => changes[0]));
  return firsts.map((first) => (index) => (index === 0 ? first : undefined));
}

/** Each app's calls, from the first tries of its changes (`tried`, as firstTries gives them). */
export function firstTriedOf(apps: ApplyChangeInput[][], tried: Promise<FirstTryOutcome[][]>): FirstTried[] {
  return apps.map(
    (changes, app) => (index) =>
      afterFirstTry(
        changes[index],
        tried.then((all) => all[app]?.[index]),
      ),
  );
}

/** One planned change per app, each first tried together with the others' (or, before that, on its own). */
function applyFirstChanges(inputs: ApplyChangeInput[]): Promise<AccountState>[] {
  if (!patched(LOCAL_FIRST_TRY_PATCH)) return inputs.map((input) => allTries.applyChange(input));
  const tried = firstTry.applyChangesOnce(inputs);
  return inputs.map((input, index) =>
    afterFirstTry(
      input,
      tried.then((outcomes) => outcomes[index]),
    ),
  );
}

/** One change against one app; a later try of Tenure's own (`laterTry`) is one activity call. */
export function applyChange(input: ApplyChangeInput, laterTry: boolean): Promise<AccountState> {
  return laterTry ? oneTry.applyChange(input) : applyFirstChanges([input])[0];
}
