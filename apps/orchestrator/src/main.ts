import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { startKafkaConsumer } from '@tenure/kafka';
import { loadOrchestratorEnvironment } from './orchestrator.environment';
import { OrchestratorModule } from './orchestrator.module';
import { ORCHESTRATOR_OPENAPI } from './orchestrator.openapi';

runService('orchestrator', async () => {
  const env = loadOrchestratorEnvironment();
  const app = await createHttpApp(OrchestratorModule.register(env), { openApi: ORCHESTRATOR_OPENAPI });
  await startKafkaConsumer(app, 'orchestrator', env);
  await app.listen(env.ORCHESTRATOR_PORT, env.TENURE_BIND_HOST);
});
