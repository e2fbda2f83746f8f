import { proxyActivities } from '@temporalio/workflow';
import type { LifecycleActivities } from '../activities/lifecycle.activities';

/** Bookkeeping against Tenure's own database, Kafka and planning: quick, retried until it works. */
export const store = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
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
