import { Controller, Inject, OnApplicationShutdown } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { HrLifecycleEventMessage, TOPICS } from '@tenure/contracts';
import { consumeValidated, DeadLetterPublisher } from '@tenure/kafka';
import type { Logger } from 'pino';
import { LifecycleDispatcherService } from './lifecycle-dispatcher.service';

export const DEAD_LETTER_PUBLISHER = Symbol('DEAD_LETTER_PUBLISHER');
export const CONSUMER_LOGGER = Symbol('CONSUMER_LOGGER');

/** HR events from Kafka into the people's workflows. */
@Controller()
export class LifecycleConsumer implements OnApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly dispatcher: LifecycleDispatcherService,
    @Inject(DEAD_LETTER_PUBLISHER) private readonly deadLetter: DeadLetterPublisher,
    @Inject(CONSUMER_LOGGER) private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.hrLifecycle)
  onLifecycleEvent(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return consumeValidated(payload, context, {
      contract: HrLifecycleEventMessage,
      deadLetter: this.deadLetter,
      logger: this.logger,
      isStopping: () => this.stopping,
      handle: async (event) => {
        const workflowId = await this.dispatcher.dispatch(event);
        this.logger.info({ eventId: event.eventId, employeeId: event.employee.employeeId, workflowId }, 'event dispatched');
      },
    });
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }
}
