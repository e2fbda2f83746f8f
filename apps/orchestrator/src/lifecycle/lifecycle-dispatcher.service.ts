import { Inject, Injectable, Optional } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ENVIRONMENT } from '@tenure/config';
import type { LifecycleEvent } from '@tenure/domain';
import {
  EMPLOYEE_LIFECYCLE_WORKFLOW,
  EmployeeLifecycleInput,
  employeeWorkflowId,
  lifecycleEventSignal,
} from '@tenure/temporal-contracts';
import { UnprocessableMessageError } from '@tenure/kafka';
import { OrchestratorMetrics } from '../metrics/orchestrator-metrics';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { contentRefusalOf } from './temporal-refusal';

/**
 * Hands an HR event to the person's workflow, starting it if this is the
 * first one. An event Temporal refuses for its content is unprocessable (it
 * is parked); Temporal being away is not, and the event waits for it.
 *
 * A hire usually starts the person's workflow, so it is started eagerly, with
 * the event as its first input: the first workflow task comes back in the
 * start's answer and runs on this process's worker at once, with no trip
 * through the task queue. That is most of an initial load. When the workflow
 * exists already (a rehire sent as a hire, a redelivered message), the hire
 * is signalled to it like any other event.
 */
@Injectable()
export class LifecycleDispatcherService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ENVIRONMENT) private readonly env: OrchestratorEnvironment,
    @Optional() private readonly metrics?: OrchestratorMetrics,
  ) {}

  async dispatch(event: LifecycleEvent): Promise<string> {
    const workflowId = employeeWorkflowId(event.employee.employeeId);
    try {
      if (event.type === 'hire' && (await this.startWith(workflowId, event))) return workflowId;
      const args: [EmployeeLifecycleInput] = [{ employeeId: event.employee.employeeId }];
      await this.temporal.workflow.signalWithStart(EMPLOYEE_LIFECYCLE_WORKFLOW, {
        workflowId,
        taskQueue: this.env.TEMPORAL_TASK_QUEUE,
        args,
        signal: lifecycleEventSignal,
        signalArgs: [event],
      });
    } catch (error) {
      // Refused for what it says: retrying would hold the person's partition for good.
      const refusal = contentRefusalOf(error);
      if (refusal !== undefined) throw new UnprocessableMessageError(refusal);
      throw error;
    }
    return workflowId;
  }

  /** Starts the person's workflow eagerly with the event; false when it is already running. */
  private async startWith(workflowId: string, event: LifecycleEvent): Promise<boolean> {
    const args: [EmployeeLifecycleInput] = [{ employeeId: event.employee.employeeId, pendingEvents: [event] }];
    try {
      const handle = await this.temporal.workflow.start(EMPLOYEE_LIFECYCLE_WORKFLOW, {
        workflowId,
        taskQueue: this.env.TEMPORAL_TASK_QUEUE,
        args,
        requestEagerStart: true,
      });
      this.metrics?.workflowStarted(handle.eagerlyStarted);
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }
}
