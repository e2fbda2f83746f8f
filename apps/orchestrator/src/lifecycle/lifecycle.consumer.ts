import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { HrLifecycleEventMessage, TOPICS } from '@tenure/contracts';
import { CONSUMER_LOGGER, ContractConsumer, DEAD_LETTER_PUBLISHER, DeadLetterPublisher } from '@tenure/kafka';
import type { Logger } from 'pino';
import { LifecycleDispatcherService } from './lifecycle-dispatcher.service';

/** HR events from Kafka into the people's workflows. */
@Controller()
export class LifecycleConsumer extends ContractConsumer {
  constructor(
    private readonly dispatcher: LifecycleDispatcherService,
    @Inject(DEAD_LETTER_PUBLISHER) deadLetter: DeadLetterPublisher,
    @Inject(CONSUMER_LOGGER) logger: Logger,
  ) {
    super(deadLetter, logger);
  }

  @EventPattern(TOPICS.hrLifecycle)
  onLifecycleEvent(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(payload, context, HrLifecycleEventMessage, async (event) => {
      const workflowId = await this.dispatcher.dispatch(event);
      this.logger.info(
        { eventId: event.eventId, employeeId: event.employee.employeeId, workflowId },
        'event dispatched',
      );
    });
  }
}
