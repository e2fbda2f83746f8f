import { join } from 'node:path';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppsConfig, loadYamlConfig } from '@tenure/config';
import { KAFKA_PUBLISHER, KafkaPublisher } from '@tenure/kafka';
import { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { OutcomePublisher } from '../lifecycle/outcomes/outcome.publisher';
import { createReconciliationActivities } from './reconciliation.activities';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationHistoryService } from './reconciliation-history.service';
import { ReconciliationReportsController } from './reconciliation-reports.controller';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationScheduleService } from './reconciliation-schedule.service';
import { ReconciliationService } from './reconciliation.service';
import type { ReconciliationSettings } from './reconciliation.types';
import { RECONCILIATION_ACTIVITIES, RECONCILIATION_OPTIONS } from './reconciliation.tokens';

/** The activities the worker runs, on the orchestrator's one gateway client; their disables are published as outcomes on the orchestrator's Kafka publisher. */
export function reconciliationActivitiesProvider(settings: ReconciliationSettings): Provider {
  return {
    provide: RECONCILIATION_ACTIVITIES,
    inject: [ReconciliationRepository, KAFKA_PUBLISHER, ConnectorGatewayClient],
    useFactory: (repository: ReconciliationRepository, publisher: KafkaPublisher, gateway: ConnectorGatewayClient) =>
      createReconciliationActivities({
        repository,
        gateway,
        outcomes: new OutcomePublisher(publisher),
        settings,
      }),
  };
}

/**
 * Reconciliation: its ops API and its Temporal schedule, on the orchestrator's
 * one Temporal client (TemporalClientModule, global). The activities the
 * orchestrator's worker runs come from reconciliationActivitiesProvider, in the
 * module that holds the Kafka publisher their outcomes go to.
 * Settings come from the `reconciliation` section of config/apps.yaml.
 */
@Module({})
export class ReconciliationModule {
  static register(env: OrchestratorEnvironment): DynamicModule {
    const { reconciliation } = loadYamlConfig(join(env.TENURE_CONFIG_DIR, 'apps.yaml'), AppsConfig);
    return {
      module: ReconciliationModule,
      controllers: [ReconciliationController, ReconciliationReportsController],
      providers: [
        {
          provide: RECONCILIATION_OPTIONS,
          useValue: { taskQueue: env.TEMPORAL_TASK_QUEUE, everyMinutes: reconciliation.everyMinutes },
        },
        ReconciliationRepository,
        ReconciliationService,
        ReconciliationHistoryService,
        ReconciliationScheduleService,
      ],
      exports: [ReconciliationRepository, ReconciliationService],
    };
  }
}
