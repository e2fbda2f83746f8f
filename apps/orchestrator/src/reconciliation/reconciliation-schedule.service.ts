import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { RECONCILIATION_OPTIONS } from './reconciliation.tokens';
import { RECONCILIATION_WORKFLOW } from './reconciliation.types';
import { RECONCILIATION_ID_PREFIX, ReconciliationOptions } from './reconciliation.service';

export const RECONCILIATION_SCHEDULE_ID = 'tenure-reconciliation';

/**
 * Keeps the Temporal schedule that reconciles every app each `everyMinutes`.
 * Every replica ensures it at start; Temporal holds one schedule by id, and an
 * existing one is updated so a changed interval takes effect.
 */
@Injectable()
export class ReconciliationScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconciliationScheduleService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(RECONCILIATION_OPTIONS) private readonly options: ReconciliationOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.options.everyMinutes * 60_000;
    const schedule = {
      scheduleId: RECONCILIATION_SCHEDULE_ID,
      spec: { intervals: [{ every }] },
      action: {
        type: 'startWorkflow' as const,
        workflowType: RECONCILIATION_WORKFLOW,
        workflowId: `${RECONCILIATION_ID_PREFIX}scheduled`,
        taskQueue: this.options.taskQueue,
        args: [{}],
      },
      // A run still going when the next is due is left to finish; the next one is skipped.
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    };
    try {
      await this.client.schedule.create(schedule);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await this.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).update((previous) => ({
        ...previous,
        spec: schedule.spec,
        action: schedule.action,
        policies: { ...previous.policies, overlap: ScheduleOverlapPolicy.SKIP },
      }));
    }
    this.logger.log(`reconciliation scheduled every ${this.options.everyMinutes} minutes`);
  }
}
