import 'reflect-metadata';
import { join } from 'node:path';
import { AppsConfig, loadYamlConfig } from '@tenure/config';
import { createHttpApp, runService } from '@tenure/http';
import { AppRegistry } from './apps/app-registry';
import { loadGatewayEnvironment } from './connector-gateway.environment';
import { ConnectorGatewayModule } from './connector-gateway.module';
import { GATEWAY_OPENAPI } from './connector-gateway.openapi';

runService('connector-gateway', async () => {
  const env = loadGatewayEnvironment();
  const apps = loadYamlConfig(join(env.TENURE_CONFIG_DIR, 'apps.yaml'), AppsConfig);
  // App tokens live in variables or files that apps.yaml names, so they are read here, once, at start.
  const registry = AppRegistry.fromConfig(apps.apps, process.env);
  const app = await createHttpApp(ConnectorGatewayModule.register(env, registry), { openApi: GATEWAY_OPENAPI });
  await app.listen(env.CONNECTOR_GATEWAY_PORT, env.TENURE_BIND_HOST);
});
