import { DynamicModule, Module } from '@nestjs/common';
import { bearerGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { HealthController } from '@tenure/http';
import { createLoggerModule } from '@tenure/observability';
import { AccountsModule } from './accounts/accounts.module';
import { AppRegistry } from './apps/app-registry';
import { AppsModule } from './apps/apps.module';
import type { GatewayEnvironment } from './connector-gateway.environment';

@Module({})
export class ConnectorGatewayModule {
  static register(env: GatewayEnvironment, registry: AppRegistry): DynamicModule {
    return {
      module: ConnectorGatewayModule,
      imports: [createLoggerModule('connector-gateway', env.LOG_LEVEL), AppsModule.register(registry), AccountsModule],
      controllers: [HealthController],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        bearerGuardProvider<GatewayEnvironment>(ENVIRONMENT, (e) => e.TENURE_GATEWAY_TOKEN),
      ],
    };
  }
}
