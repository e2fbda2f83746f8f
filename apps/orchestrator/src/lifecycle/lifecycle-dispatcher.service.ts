import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ENVIRONMENT } from '@tenure/config';
import type { LifecycleEvent } from '@tenure/domain';
import {
  EMPLOYEE_LIFECYCLE_WORKFLOW,
  EmployeeLifecycleInput,
  employeeWorkflowId,
  lifecycleEventSignal,
} from '@tenure/temporal-contracts';
import { UnprocessableMessageError } from '@tenure/kafka';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { contentRefusalOf } from './temporal-refusal';

/**
 * Hands an HR event to the person's workflow, starting it if this is the
 * first one. An event Temporal refuses for its content is unprocessable (it
 * is parked); Temporal being away is not, and the event waits for it.
 */
@Injectable()
export class LifecycleDispatcherService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ENVIRONMENT) private readonly env: OrchestratorEnvironment,
  ) {}

  async dispatch(event: LifecycleEvent): Promise<string> {
    const workflowId = employeeWorkflowId(event.employee.employeeId);
    const args: [EmployeeLifecycleInput] = [{ employeeId: event.employee.employeeId }];
    try {
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
}
