import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { UnwatchedWorker } from './unwatched-worker';
import { ENVIRONMENT } from '@tenure/config';
import { createLogger } from '@tenure/observability';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import type { LifecycleActivities } from '../lifecycle/activities/lifecycle.activities';
import type { ReconciliationActivities } from '../reconciliation/reconciliation.activities';
import { RECONCILIATION_ACTIVITIES } from '../reconciliation/reconciliation.tokens';
import type { ReviewActivities } from '../reviews/access-review.activities';
import { REVIEW_ACTIVITIES } from '../reviews/reviews.tokens';
import { LIFECYCLE_ACTIVITIES } from '../lifecycle/lifecycle.tokens';
import { TEMPORAL_CONNECTION } from './temporal.tokens';
import { workflowBundle } from './workflow-bundle';

/**
 * Runs the lifecycle workflows and activities inside the orchestrator. Any
 * number of orchestrator replicas share the task queue; Temporal hands each
 * task to one of them.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(ENVIRONMENT) private readonly env: OrchestratorEnvironment,
    // The service's one connection (TemporalClientModule), so a workflow the client starts eagerly runs here.
    @Inject(TEMPORAL_CONNECTION) private readonly connection: NativeConnection,
    @Inject(LIFECYCLE_ACTIVITIES) private readonly activities: LifecycleActivities,
    @Inject(RECONCILIATION_ACTIVITIES) private readonly reconciliation: ReconciliationActivities,
    @Inject(REVIEW_ACTIVITIES) private readonly reviews: ReviewActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const logger = createLogger('orchestrator.temporal', this.env.LOG_LEVEL);
    this.worker = await UnwatchedWorker.create({
      connection: this.connection,
      namespace: this.env.TEMPORAL_NAMESPACE,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      workflowBundle: await workflowBundle(logger),
      activities: { ...this.activities, ...this.reconciliation, ...this.reviews },
    });
    this.running = this.worker.run().catch((error: unknown) => {
      // A worker that stopped on its own leaves workflows unattended: fail loudly so the process restarts.
      this.logger.fatal({ err: error }, 'Temporal worker stopped');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`Temporal worker polling ${this.env.TEMPORAL_TASK_QUEUE} in ${this.env.TEMPORAL_NAMESPACE}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    // The connection stays open: TemporalClientModule closes it after the worker has drained.
    await this.running;
  }
}
