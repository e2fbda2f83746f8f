import { DynamicModule, Module } from '@nestjs/common';
import { bearerGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { serviceDatabaseModule } from '@tenure/database';
import { HealthController } from '@tenure/http';
import { kafkaProviders } from '@tenure/kafka';
import { createLoggerModule } from '@tenure/observability';
import { CreateInboxOutbox1764100000000 } from './database/migrations/1764100000000-create-inbox-outbox';
import { InboxEventEntity } from './inbox/inbox-event.entity';
import { InboxService } from './inbox/inbox.service';
import type { IngestEnvironment } from './ingest.environment';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OutboxRelayService } from './outbox/outbox-relay.service';
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
        serviceDatabaseModule({
          url: env.DATABASE_URL,
          schema: INGEST_SCHEMA,
          entities: [InboxEventEntity, OutboxMessageEntity],
          migrations: [CreateInboxOutbox1764100000000],
        }),
      ],
      controllers: [HealthController, GenericWebhookController],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        // No bearer-token routes here: each webhook proves itself by its signature (@Public + its guard).
        bearerGuardProvider<IngestEnvironment>(ENVIRONMENT, () => undefined),
        ...kafkaProviders('hr-ingest', env),
        InboxService,
        OutboxRelayService,
        GenericWebhookService,
        GenericWebhookSignatureGuard,
      ],
    };
  }
}
