import { DynamicModule, Module } from '@nestjs/common';
import { bearerGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { serviceDatabaseModule } from '@tenure/database';
import { HealthController } from '@tenure/http';
import { kafkaProviders } from '@tenure/kafka';
import { createLoggerModule } from '@tenure/observability';
import type { AuditEnvironment } from './audit.environment';
import { OutcomesConsumer } from './consumer/outcomes.consumer';
import { AuditLedgerService } from './ledger/audit-ledger.service';
import { AuditRecordEntity } from './ledger/audit-record.entity';
import { CreateAuditChain1764100000002 } from './ledger/migrations/1764100000002-create-audit-chain';
import { AuditQueryController } from './query/audit-query.controller';
import { AuditQueryService } from './query/audit-query.service';
import { ChainVerifierService } from './verify/chain-verifier.service';

export const AUDIT_SCHEMA = 'audit';

@Module({})
export class AuditModule {
  static register(env: AuditEnvironment): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        createLoggerModule('audit', env.LOG_LEVEL),
        serviceDatabaseModule({
          url: env.DATABASE_URL,
          schema: AUDIT_SCHEMA,
          entities: [AuditRecordEntity],
          migrations: [CreateAuditChain1764100000002],
        }),
      ],
      controllers: [HealthController, AuditQueryController, OutcomesConsumer],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        bearerGuardProvider<AuditEnvironment>(ENVIRONMENT, (e) => e.TENURE_AUDIT_TOKEN),
        ...kafkaProviders('audit', env),
        AuditLedgerService,
        AuditQueryService,
        ChainVerifierService,
      ],
    };
  }
}
