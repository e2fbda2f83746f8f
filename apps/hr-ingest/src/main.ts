import 'reflect-metadata';
import { createHttpApp } from '@tenure/http';
import { installClientErrorHandler } from './client-error.middleware';
import { INGEST_OPENAPI } from './ingest.openapi';
import { runClusteredService } from './clustered-service';
import { IngestEnvironment, loadIngestEnvironment } from './ingest.environment';
import { IngestModule } from './ingest.module';
import { installScimBodyParser } from './scim/scim-body-parser';
import { HrSourcesConfig } from './sources/hr-sources.config';
import { loadHrSources } from './sources/load-hr-sources';

async function start(env: IngestEnvironment, sources: HrSourcesConfig): Promise<void> {
  const app = await createHttpApp(IngestModule.register(env, sources), {
    rawBody: true,
    bodyLimit: `${sources.limits.maxBodyBytes}b`,
    openApi: INGEST_OPENAPI,
  });
  installScimBodyParser(app, sources.limits.maxBodyBytes);
  installClientErrorHandler(app);
  await app.listen(env.HR_INGEST_PORT, env.TENURE_BIND_HOST);
}

// The environment and the configuration are checked before any worker starts: a mistake stops the service once.
let settings: { env: IngestEnvironment; sources: HrSourcesConfig } | undefined;
let problem: unknown;
try {
  const env = loadIngestEnvironment();
  settings = { env, sources: loadHrSources(env.TENURE_CONFIG_DIR) };
} catch (error) {
  problem = error;
}

runClusteredService('hr-ingest', settings?.env.HR_INGEST_WORKERS ?? 1, settings?.env.LOG_LEVEL ?? 'info', async () => {
  if (!settings) throw problem;
  await start(settings.env, settings.sources);
});
