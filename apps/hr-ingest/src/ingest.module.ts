import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bearerGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { HealthController } from '@tenure/http';
import { createKafka, KafkaPublisher } from '@tenure/kafka';
import { createLogger, createLoggerModule } from '@tenure/observability';
import { CreateInboxOutbox1764100000000 } from './database/migrations/1764100000000-create-inbox-outbox';
import { InboxEventEntity } from './inbox/inbox-event.entity';
import { InboxService } from './inbox/inbox.service';
import type { IngestEnvironment } from './ingest.environment';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OUTBOX_PUBLISHER, OutboxRelayService } from './outbox/outbox-relay.service';
import { GenericWebhookController } from './webhooks/generic-webhook.controller';
import { GenericWebhookService } from './webhooks/generic-webhook.service';
import { GenericWebhookSignatureGuard } from './webhooks/webhook-signature.guard';

export const INGEST_SCHEMA = 'ingest';

@Module({})
export class IngestModule {
  static register(env: IngestEnvironment): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        createLoggerModule('hr-ingest', env.LOG_LEVEL),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureSchema(env.DATABASE_URL, INGEST_SCHEMA);
            return postgresOptions({
              url: env.DATABASE_URL,
              schema: INGEST_SCHEMA,
              entities: [InboxEventEntity, OutboxMessageEntity],
              migrations: [CreateInboxOutbox1764100000000],
            });
          },
        }),
      ],
      controllers: [HealthController, GenericWebhookController],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        // No bearer-token routes here: each webhook proves itself by its signature (@Public + its guard).
        bearerGuardProvider<IngestEnvironment>(ENVIRONMENT, () => undefined),
        {
          provide: OUTBOX_PUBLISHER,
          useFactory: () =>
            new KafkaPublisher(
              createKafka('tenure-hr-ingest', env.KAFKA_BROKERS, createLogger('hr-ingest.kafka', env.LOG_LEVEL)),
              env.TENURE_TOPIC_PREFIX,
            ),
        },
        InboxService,
        OutboxRelayService,
        GenericWebhookService,
        GenericWebhookSignatureGuard,
      ],
    };
  }
}
