import { DynamicModule, Module } from '@nestjs/common';
import { ENVIRONMENT } from '@tenure/config';
import { kafkaProviders } from '@tenure/kafka';
import type { TenureConfig } from '@tenure/policy';
import { ConnectorGatewayClient } from './gateway/connector-gateway.client';
import { IdentityRepository } from './identity/identity.repository';
import { RunRepository } from './identity/run.repository';
import { OrchestratorMetrics } from './metrics/orchestrator-metrics';
import type { OrchestratorEnvironment } from './orchestrator.environment';
import { PolicyService } from './policy/policy.service';

/** The loaded, validated config/ (apps, policy, SoD rules), for modules that read more than policy. */
export const TENURE_CONFIG = Symbol('TENURE_CONFIG');

/**
 * What every part of the orchestrator shares: its environment and config, the
 * identity store, the Kafka publisher, the metrics and the one gateway client.
 * Global, so the feature modules (lifecycle, SoD, reviews, reconciliation)
 * take them without re-declaring them.
 */
@Module({})
export class OrchestratorCoreModule {
  static register(env: OrchestratorEnvironment, config: TenureConfig): DynamicModule {
    const kafka = kafkaProviders('orchestrator', env);
    return {
      module: OrchestratorCoreModule,
      global: true,
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        { provide: TENURE_CONFIG, useValue: config },
        { provide: PolicyService, useValue: new PolicyService(config) },
        // Lifecycle activities, planning, reconciliation, review revokes and app health share it.
        {
          provide: ConnectorGatewayClient,
          useValue: new ConnectorGatewayClient(env.CONNECTOR_GATEWAY_URL, env.TENURE_GATEWAY_TOKEN),
        },
        ...kafka,
        OrchestratorMetrics,
        IdentityRepository,
        RunRepository,
      ],
      exports: [
        ENVIRONMENT,
        TENURE_CONFIG,
        PolicyService,
        ConnectorGatewayClient,
        ...kafka.map((provider) => ('provide' in provider ? provider.provide : provider)),
        OrchestratorMetrics,
        IdentityRepository,
        RunRepository,
      ],
    };
  }
}
