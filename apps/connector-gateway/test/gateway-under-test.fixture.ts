import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { join } from 'node:path';
import { AppConfig, AppsConfig, loadYamlConfig } from '@tenure/config';
import { createHttpApp } from '@tenure/http';
import { AppRegistry } from '../src/apps/app-registry';
import { loadGatewayEnvironment } from '../src/connector-gateway.environment';
import { ConnectorGatewayModule } from '../src/connector-gateway.module';

/** The project's own config folder (apps.yaml, saas-sim.yaml). */
export const CONFIG_DIR = join(__dirname, '../../../config');
export const GATEWAY_TOKEN = 'gateway-token-0123456789abcdef';
export const authorized = { authorization: `Bearer ${GATEWAY_TOKEN}` };

/** The gateway in process, over the given apps, with their credentials taken from `env`. */
export class GatewayUnderTest {
  private constructor(readonly app: INestApplication) {}

  static async start(apps: AppConfig[], env: NodeJS.ProcessEnv, settings: NodeJS.ProcessEnv = {}) {
    const environment = loadGatewayEnvironment({
      TENURE_GATEWAY_TOKEN: GATEWAY_TOKEN,
      LOG_LEVEL: 'silent',
      ...settings,
    });
    const app = await createHttpApp(ConnectorGatewayModule.register(environment, AppRegistry.fromConfig(apps, env)));
    await app.init();
    return new GatewayUnderTest(app);
  }

  /** The gateway over the project's own config/apps.yaml, its `${VAR}`s taken from `env`. */
  static async fromProjectConfig(env: NodeJS.ProcessEnv) {
    const { apps } = loadYamlConfig(join(CONFIG_DIR, 'apps.yaml'), AppsConfig, env);
    return GatewayUnderTest.start(apps, env, { TENURE_CONFIG_DIR: CONFIG_DIR });
  }

  api() {
    return request(this.app.getHttpServer());
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
