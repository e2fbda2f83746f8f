import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { startKafkaConsumer } from '@tenure/kafka';
import { loadOrchestratorEnvironment } from './orchestrator.environment';
import { OrchestratorModule } from './orchestrator.module';
import { ORCHESTRATOR_OPENAPI } from './orchestrator.openapi';

runService('orchestrator', async () => {
  const env = loadOrchestratorEnvironment();
  const app = await createHttpApp(OrchestratorModule.register(env), { openApi: ORCHESTRATOR_OPENAPI });
  // The Temporal worker starts first: after a crash, Kafka holds the new consumer back until the old one's
  // session has expired (30 s), and the people's workflows already under way must not wait for that.
  await app.init();
  await startKafkaConsumer(app, 'orchestrator', env);
  await app.listen(env.ORCHESTRATOR_PORT, env.TENURE_BIND_HOST);
});
