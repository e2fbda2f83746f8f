import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { startKafkaConsumer } from '@tenure/kafka';
import { loadAuditEnvironment } from './audit.environment';
import { AuditModule } from './audit.module';

runService('audit', async () => {
  const env = loadAuditEnvironment();
  const app = await createHttpApp(AuditModule.register(env));
  await startKafkaConsumer(app, 'audit', env);
  await app.listen(env.AUDIT_PORT, env.TENURE_BIND_HOST);
});
