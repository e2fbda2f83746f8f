import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { loadIngestEnvironment } from './ingest.environment';
import { IngestModule } from './ingest.module';

runService('hr-ingest', async () => {
  const env = loadIngestEnvironment();
  const app = await createHttpApp(IngestModule.register(env), { rawBody: true });
  await app.listen(env.HR_INGEST_PORT, env.TENURE_BIND_HOST);
});
