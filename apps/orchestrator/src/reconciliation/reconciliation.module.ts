import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppsConfig, loadYamlConfig } from '@tenure/config';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { createReconciliationActivities } from './reconciliation.activities';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationGatewayClient } from './reconciliation-gateway.client';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationScheduleService } from './reconciliation-schedule.service';
import { ReconciliationService } from './reconciliation.service';
import {
  RECONCILIATION_ACTIVITIES,
  RECONCILIATION_OPTIONS,
  RECONCILIATION_TEMPORAL_CLIENT,
} from './reconciliation.tokens';

/**
 * Reconciliation: its ops API, its Temporal schedule, and the activities the
 * orchestrator's worker runs (exported as RECONCILIATION_ACTIVITIES).
 * Settings come from the `reconciliation` section of config/apps.yaml.
 */
@Module({})
export class ReconciliationModule {
  static register(env: OrchestratorEnvironment): DynamicModule {
    const { reconciliation } = loadYamlConfig(join(env.TENURE_CONFIG_DIR, 'apps.yaml'), AppsConfig);
    return {
      module: ReconciliationModule,
      controllers: [ReconciliationController],
      providers: [
        {
          provide: RECONCILIATION_OPTIONS,
          useValue: { taskQueue: env.TEMPORAL_TASK_QUEUE, everyMinutes: reconciliation.everyMinutes },
        },
        {
          provide: RECONCILIATION_TEMPORAL_CLIENT,
          useFactory: async () =>
            new Client({
              connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }),
              namespace: env.TEMPORAL_NAMESPACE,
            }),
        },
        {
          provide: RECONCILIATION_ACTIVITIES,
          inject: [ReconciliationRepository],
          useFactory: (repository: ReconciliationRepository) =>
            createReconciliationActivities({
              repository,
              gateway: new ReconciliationGatewayClient(env.CONNECTOR_GATEWAY_URL, env.TENURE_GATEWAY_TOKEN),
              settings: {
                autoDisableOrphans: reconciliation.autoDisableOrphans,
                maxAutoDisable: reconciliation.maxAutoDisable,
              },
            }),
        },
        ReconciliationRepository,
        ReconciliationService,
        ReconciliationScheduleService,
      ],
      exports: [RECONCILIATION_ACTIVITIES],
    };
  }
}
