import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { RECONCILIATION_OPTIONS } from './reconciliation.tokens';
import { RECONCILIATION_WORKFLOW, ReconciliationInput, ReconciliationReport } from './reconciliation.types';

export interface ReconciliationOptions {
  taskQueue: string;
  everyMinutes: number;
}

export type ReconciliationStatus = 'running' | 'completed' | 'failed';

export interface ReconciliationRun {
  id: string;
  status: ReconciliationStatus;
  appId?: string;
  report?: ReconciliationReport;
  error?: string;
}

export const RECONCILIATION_ID_PREFIX = 'reconciliation-';

/** Starts reconciliation runs and reads their reports back from Temporal, where each run's result is kept. */
@Injectable()
export class ReconciliationService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(RECONCILIATION_OPTIONS) private readonly options: ReconciliationOptions,
  ) {}

  async start(input: ReconciliationInput): Promise<ReconciliationRun> {
    const id = `${RECONCILIATION_ID_PREFIX}${randomUUID()}`;
    await this.client.workflow.start(RECONCILIATION_WORKFLOW, {
      workflowId: id,
      taskQueue: this.options.taskQueue,
      args: [input],
    });
    return { id, status: 'running', ...(input.appId ? { appId: input.appId } : {}) };
  }

  async get(id: string): Promise<ReconciliationRun> {
    const handle = this.client.workflow.getHandle(id);
    let status: string;
    try {
      const description = await handle.describe();
      if (description.type !== RECONCILIATION_WORKFLOW)
        throw new WorkflowNotFoundError('not a reconciliation', id, undefined);
      status = description.status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new NotFoundException(`no reconciliation ${id}`);
      throw error;
    }
    if (status === 'RUNNING') return { id, status: 'running' };
    try {
      return { id, status: 'completed', report: await handle.result() };
    } catch (error) {
      if (!(error instanceof WorkflowFailedError)) throw error;
      // The innermost cause holds the reason (an activity's failure wraps the app's or gateway's refusal).
      let cause: Error = error;
      while (cause.cause instanceof Error) cause = cause.cause;
      return { id, status: 'failed', error: cause.message };
    }
  }
}
