import { DynamicModule, Module } from '@nestjs/common';
import { loadAuthConfig, signInGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { databaseReadiness, serviceDatabaseModule } from '@tenure/database';
import { HealthController, MetricsModule, readinessChecks } from '@tenure/http';
import { KAFKA_READINESS, KafkaReadiness, kafkaProviders } from '@tenure/kafka';
import { createLogger, createLoggerModule } from '@tenure/observability';
import { DataSource } from 'typeorm';
import { AccessController } from './access/access.controller';
import { AccessService } from './access/access.service';
import type { AuditEnvironment } from './audit.environment';
import { AUDIT_LOGGER } from './audit-logger';
import { auditServiceCredentials } from './audit-roles';
import { DeprovisioningController } from './deprovisioning/deprovisioning.controller';
import { DeprovisioningService } from './deprovisioning/deprovisioning.service';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceService } from './evidence/evidence.service';
import { AuditExportController } from './export/audit-export.controller';
import { AuditExportService } from './export/audit-export.service';
import { AuditRowStreamer } from './export/audit-row.streamer';
import { AuditIngestConsumer } from './ingest/audit-ingest.consumer';
import { INGEST_SETTINGS, IngestSettings } from './ingest/ingest-settings';
import { AuditLedgerService } from './ledger/audit-ledger.service';
import { AuditMetrics } from './metrics/audit-metrics';
import { AUDIT_MIGRATIONS } from './ledger/migrations';
import { AuditQueryController } from './query/audit-query.controller';
import { AuditQueryService } from './query/audit-query.service';
import { SsfModule } from './ssf/ssf.module';
import { IngestStatusController } from './status/ingest-status.controller';
import { ChainVerifierService } from './verify/chain-verifier.service';

export const AUDIT_SCHEMA = 'audit';

@Module({})
export class AuditModule {
  static register(env: AuditEnvironment): DynamicModule {
    const ingest: IngestSettings = {
      clientId: 'tenure-audit',
      groupId: 'tenure-audit',
      brokers: env.KAFKA_BROKERS,
      topicPrefix: env.TENURE_TOPIC_PREFIX,
      partitionsConsumedConcurrently: 3,
    };
    return {
      module: AuditModule,
      imports: [
        createLoggerModule('audit', env.LOG_LEVEL),
        // The operator role sees ingest figures, never records: the same goes for metrics.
        MetricsModule.forService({
          service: 'audit',
          tokens: [env.TENURE_METRICS_TOKEN, env.TENURE_AUDIT_OPERATOR_TOKEN],
        }),
        serviceDatabaseModule({
          url: env.DATABASE_URL,
          migrationUrl: env.DATABASE_MIGRATION_URL,
          appendOnlyTables: ['audit_events'],
          schema: AUDIT_SCHEMA,
          entities: [],
          migrations: AUDIT_MIGRATIONS,
        }),
        SsfModule.register(env),
      ],
      controllers: [
        HealthController,
        AuditQueryController,
        AuditExportController,
        AccessController,
        DeprovisioningController,
        EvidenceController,
        IngestStatusController,
      ],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        signInGuardProvider<AuditEnvironment>(
          ENVIRONMENT,
          (e) => ({
            oidc: { issuer: e.TENURE_OIDC_ISSUER, audience: e.TENURE_OIDC_AUDIENCE },
            services: auditServiceCredentials(e),
          }),
          loadAuthConfig(env.TENURE_CONFIG_DIR),
        ),
        ...kafkaProviders('audit', env),
        readinessChecks([DataSource, KAFKA_READINESS], (db: DataSource, kafka: KafkaReadiness) => [
          databaseReadiness(db),
          kafka,
        ]),
        { provide: AUDIT_LOGGER, useValue: createLogger('audit', env.LOG_LEVEL) },
        { provide: INGEST_SETTINGS, useValue: ingest },
        AuditMetrics,
        AuditLedgerService,
        AuditIngestConsumer,
        AuditQueryService,
        AuditRowStreamer,
        AuditExportService,
        AccessService,
        DeprovisioningService,
        EvidenceService,
        ChainVerifierService,
      ],
    };
  }
}
