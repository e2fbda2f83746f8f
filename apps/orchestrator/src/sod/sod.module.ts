import { Module } from '@nestjs/common';
import { KAFKA_PUBLISHER, KafkaPublisher } from '@tenure/kafka';
import type { TenureConfig } from '@tenure/policy';
import { DataSource } from 'typeorm';
import { TENURE_CONFIG } from '../orchestrator-core.module';
import { GovernancePublisher } from './governance.publisher';
import { HeldAccessReader } from './held-access.reader';
import { SodController } from './sod.controller';
import { SodService } from './sod.service';

/**
 * Separation of duties: the rules from config/policy.yaml checked against
 * what people hold, the API that shows violations, and the governance
 * records SoD and access reviews publish.
 */
@Module({
  controllers: [SodController],
  providers: [
    {
      provide: GovernancePublisher,
      inject: [KAFKA_PUBLISHER],
      useFactory: (p: KafkaPublisher) => new GovernancePublisher(p),
    },
    HeldAccessReader,
    {
      provide: SodService,
      inject: [TENURE_CONFIG, HeldAccessReader, GovernancePublisher, DataSource],
      useFactory: (
        config: TenureConfig,
        held: HeldAccessReader,
        records: GovernancePublisher,
        dataSource: DataSource,
      ) => new SodService(config.sod.rules, held, records, dataSource),
    },
  ],
  exports: [GovernancePublisher, HeldAccessReader, SodService],
})
export class SodModule {}
