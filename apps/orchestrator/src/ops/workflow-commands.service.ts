import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApplicationFailure,
  Client,
  UpdateDefinition,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { employeeWorkflowId, UpdateErrorType } from '@tenure/temporal-contracts';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

const STATUS_OF: Record<UpdateErrorType, (body: object) => HttpException> = {
  NOT_FOUND: (body) => new NotFoundException(body),
  CONFLICT: (body) => new ConflictException(body),
  FORBIDDEN: (body) => new ForbiddenException(body),
  INVALID: (body) => new BadRequestException(body),
};

/** Sends an operator's command to a person's workflow as an update and maps its refusal to an HTTP answer. */
@Injectable()
export class WorkflowCommandsService {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** Every Tenure update takes one argument: the command. */
  async execute<Result, Command>(
    employeeId: string,
    update: UpdateDefinition<Result, [Command]>,
    command: Command,
  ): Promise<Result> {
    try {
      const handle = this.temporal.workflow.getHandle(employeeWorkflowId(employeeId));
      return await handle.executeUpdate(update, { args: [command] });
    } catch (error) {
      throw toHttpError(error, employeeId);
    }
  }
}

function toHttpError(error: unknown, employeeId: string): unknown {
  if (error instanceof WorkflowNotFoundError) {
    return new NotFoundException({ error: 'not_found', message: `no lifecycle workflow for ${employeeId}` });
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const type = error.cause.type as UpdateErrorType | undefined;
    const make = type ? STATUS_OF[type] : undefined;
    if (make) return make({ error: type?.toLowerCase(), message: error.cause.message });
  }
  if (error instanceof HttpException) return error;
  return new ServiceUnavailableException({
    error: 'unavailable',
    message: 'the workflow could not be reached; try again',
  });
}
