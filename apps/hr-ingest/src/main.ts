import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { installClientErrorHandler } from './client-error.middleware';
import { loadIngestEnvironment } from './ingest.environment';
import { IngestModule } from './ingest.module';
import { installScimBodyParser } from './scim/scim-body-parser';
import { loadHrSources } from './sources/load-hr-sources';

runService('hr-ingest', async () => {
  const env = loadIngestEnvironment();
  const sources = loadHrSources(env.TENURE_CONFIG_DIR);
  const app = await createHttpApp(IngestModule.register(env, sources), {
    rawBody: true,
    bodyLimit: `${sources.limits.maxBodyBytes}b`,
  });
  installScimBodyParser(app, sources.limits.maxBodyBytes);
  installClientErrorHandler(app);
  await app.listen(env.HR_INGEST_PORT, env.TENURE_BIND_HOST);
});
