import { DynamicModule, Module } from '@nestjs/common';
import { bearerGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { HealthController, MetricsModule } from '@tenure/http';
import { createLoggerModule, ServiceMetrics } from '@tenure/observability';
import { AccountsModule } from './accounts/accounts.module';
import { AppRegistry } from './apps/app-registry';
import { AppsModule } from './apps/apps.module';
import type { GatewayEnvironment } from './connector-gateway.environment';

@Module({})
export class ConnectorGatewayModule {
  static register(env: GatewayEnvironment, registry: AppRegistry): DynamicModule {
    const metrics = new ServiceMetrics('connector-gateway');
    metrics.include(registry.metrics.registry);
    return {
      module: ConnectorGatewayModule,
      imports: [
        createLoggerModule('connector-gateway', env.LOG_LEVEL),
        // Scraped with the gateway token as before, or with the scrape credential.
        MetricsModule.forService({
          service: 'connector-gateway',
          tokens: [env.TENURE_METRICS_TOKEN, env.TENURE_GATEWAY_TOKEN],
          metrics,
        }),
        AppsModule.register(registry),
        AccountsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        bearerGuardProvider<GatewayEnvironment>(ENVIRONMENT, (e) => e.TENURE_GATEWAY_TOKEN),
      ],
    };
  }
}
