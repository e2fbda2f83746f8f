import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { LifecycleOutcomeMessage, TOPICS } from '@tenure/contracts';
import { CONSUMER_LOGGER, ContractConsumer, DEAD_LETTER_PUBLISHER, DeadLetterPublisher } from '@tenure/kafka';
import type { Logger } from 'pino';
import { AuditLedgerService } from '../ledger/audit-ledger.service';

/** Lifecycle outcomes from Kafka into the audit chain. */
@Controller()
export class OutcomesConsumer extends ContractConsumer {
  constructor(
    private readonly ledger: AuditLedgerService,
    @Inject(DEAD_LETTER_PUBLISHER) deadLetter: DeadLetterPublisher,
    @Inject(CONSUMER_LOGGER) logger: Logger,
  ) {
    super(deadLetter, logger);
  }

  @EventPattern(TOPICS.lifecycleOutcomes)
  onOutcome(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consume(payload, context, LifecycleOutcomeMessage, async (outcome) => {
      const result = await this.ledger.append(outcome);
      this.logger.debug({ outcomeId: outcome.outcomeId, result }, 'outcome recorded');
    });
  }
}
