import 'reflect-metadata';
import { join } from 'node:path';
import { loadYamlConfig } from '@tenure/config';
import { runService } from '@tenure/http';
import { createLogger } from '@tenure/observability';
import { SaasSimConfig } from './config/saas-sim-config';
import { resolveSimulatedApps } from './config/simulated-app';
import { loadSaasSimEnvironment } from './saas-sim.environment';
import { startSaasSim } from './saas-sim.server';

runService('saas-sim', async () => {
  const environment = loadSaasSimEnvironment();
  const config = loadYamlConfig(join(environment.TENURE_CONFIG_DIR, 'saas-sim.yaml'), SaasSimConfig);
  // App tokens live in variables the YAML names, so they are read here, at the edge, once.
  const apps = resolveSimulatedApps(config.apps, process.env);
  const logger = createLogger('saas-sim', environment.LOG_LEVEL);
  const sim = await startSaasSim({
    apps,
    logger,
    host: environment.TENURE_BIND_HOST,
    port: environment.SAAS_SIM_PORT,
    adminToken: environment.TENURE_SAAS_SIM_ADMIN_TOKEN,
  });
  logger.info({ url: sim.url, apps: apps.map((app) => app.id) }, 'simulated SaaS apps listening');

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
