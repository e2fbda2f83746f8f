import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/lifecycle.activities';

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
 * Calls to apps: each retried on its own with exponential back-off, bounded so
 * that an app that stays down lands in "needs attention" (an operator retries
 * it) instead of looping forever. A refusal that cannot succeed (the app
 * rejects the data, the connector lacks the operation) fails at once.
 */
export const apps = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 6 },
});

/**
 * Tenure's own later tries of a change that removes access (see
 * access-removal-retries.ts): one call each, the workflow waits between them.
 */
export const appsRetried = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});
