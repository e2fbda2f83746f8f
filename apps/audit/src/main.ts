import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { loadAuditEnvironment } from './audit.environment';
import { AuditModule } from './audit.module';
import { auditOpenApi } from './audit.openapi';

runService('audit', async () => {
  const env = loadAuditEnvironment();
  const app = await createHttpApp(AuditModule.register(env), { openApi: auditOpenApi(env) });
  // Listening runs the bootstrap hooks, which start the Kafka ingest (AuditIngestConsumer).
  await app.listen(env.AUDIT_PORT, env.TENURE_BIND_HOST);
});
