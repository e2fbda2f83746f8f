import { DynamicModule, Module } from '@nestjs/common';
import { bearerGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { databaseReadiness, serviceDatabaseModule } from '@tenure/database';
import { HealthController, MetricsModule, readinessChecks } from '@tenure/http';
import { KAFKA_READINESS, KafkaReadiness, kafkaProviders } from '@tenure/kafka';
import { DataSource } from 'typeorm';
import { BambooSignatureGuard } from './bamboohr/bamboohr-signature.guard';
import { BambooWebhookController } from './bamboohr/bamboohr-webhook.controller';
import { BambooWebhookService } from './bamboohr/bamboohr-webhook.service';
import { INGEST_ENTITIES, INGEST_MIGRATIONS } from './database/ingest-schema';
import { CsvImportController } from './imports/csv-import.controller';
import { CsvImportService } from './imports/csv-import.service';
import { ImportTokenGuard } from './imports/import-token.guard';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import type { IngestEnvironment } from './ingest.environment';
import { ingestLoggerModule } from './ingest-logger.module';
import { ClientRateLimitGuard } from './limits/client-rate-limit.guard';
import { SourceRateLimitGuard } from './limits/source-rate-limit.guard';
import { IngestMetrics } from './metrics/ingest-metrics';
import { RefusalCounterGuard } from './metrics/refusal-counter.guard';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { ScimBulkService } from './scim/scim-bulk.service';
import { ScimTokenGuard } from './scim/scim-token.guard';
import { ScimUsersService } from './scim/scim-users.service';
import { ScimController } from './scim/scim.controller';
import { HR_SOURCES, HrSourcesConfig } from './sources/hr-sources.config';
import { GenericWebhookController } from './webhooks/generic-webhook.controller';
import { GenericWebhookService } from './webhooks/generic-webhook.service';
import { GenericWebhookSignatureGuard } from './webhooks/webhook-signature.guard';

export const INGEST_SCHEMA = 'ingest';

@Module({})
export class IngestModule {
  static register(env: IngestEnvironment, sources: HrSourcesConfig, schema = INGEST_SCHEMA): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        ingestLoggerModule(env.LOG_LEVEL),
        MetricsModule.forService({ service: 'hr-ingest', tokens: [env.TENURE_METRICS_TOKEN] }),
        serviceDatabaseModule({
          url: env.DATABASE_URL,
          migrationUrl: env.DATABASE_MIGRATION_URL,
          schema,
          entities: INGEST_ENTITIES,
          migrations: INGEST_MIGRATIONS,
        }),
      ],
      controllers: [
        HealthController,
        GenericWebhookController,
        BambooWebhookController,
        ScimController,
        CsvImportController,
      ],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        { provide: HR_SOURCES, useValue: sources },
        // No service-wide bearer token: each source authenticates with its own guard (@Public + its guard).
        bearerGuardProvider<IngestEnvironment>(ENVIRONMENT, () => undefined),
        ...kafkaProviders('hr-ingest', env),
        // Kafka is reported only: while it is away, accepted events wait in the outbox.
        readinessChecks([DataSource, KAFKA_READINESS], (db: DataSource, kafka: KafkaReadiness) => [
          databaseReadiness(db),
          kafka,
        ]),
        IngestMetrics,
        RefusalCounterGuard,
        InboxRepository,
        InboxService,
        OutboxRelayService,
        ClientRateLimitGuard,
        SourceRateLimitGuard,
        GenericWebhookService,
        GenericWebhookSignatureGuard,
        BambooWebhookService,
        BambooSignatureGuard,
        ScimUsersService,
        ScimBulkService,
        ScimTokenGuard,
        CsvImportService,
        ImportTokenGuard,
      ],
    };
  }
}
