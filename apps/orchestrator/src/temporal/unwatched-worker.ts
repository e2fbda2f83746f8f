import { CompiledWorkerOptions, Logger, Worker } from '@temporalio/worker';
import type { WorkflowCreator } from '@temporalio/worker/lib/workflow/interface';
import type { WorkflowBundleWithSourceMapAndFilename } from '@temporalio/worker/lib/workflow/workflow-worker-thread/input';

/**
 * A Temporal worker whose workflow sandbox runs without a per-call watchdog.
 *
 * The SDK enters the sandbox many times per workflow task, each time through
 * `vm.Script#runInContext` with a `timeout`, and for a timeout Node starts and
 * joins a watchdog thread per call: about 60 µs against 2 µs without one. Under a
 * layoff that was half the workflow thread's CPU. The timeout guards against
 * workflow code that never returns; the sandbox runs only Tenure's own workflow
 * code (policy and connectors run in activities, outside it), and a task that
 * hung would still show as a timed-out workflow task in Temporal's metrics.
 * The SDK has no setting for this, so the worker's one extension point for
 * building the sandbox is overridden to leave the timeout out.
 */
export class UnwatchedWorker extends Worker {
  protected static override createWorkflowCreator(
    bundle: WorkflowBundleWithSourceMapAndFilename,
    options: CompiledWorkerOptions,
    logger: Logger,
  ): Promise<WorkflowCreator> {
    // An undefined timeout reaches `runInContext` as no timeout at all: no watchdog.
    const unwatched = { ...options, isolateExecutionTimeoutMs: undefined as unknown as number };
    return super.createWorkflowCreator(bundle, unwatched, logger);
  }
}
