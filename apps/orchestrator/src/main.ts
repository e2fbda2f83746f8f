import 'reflect-metadata';
import { createHttpApp, runService } from '@tenure/http';
import { kafkaConsumerStrategy } from '@tenure/kafka';
import { createLogger } from '@tenure/observability';
import { loadOrchestratorEnvironment } from './orchestrator.environment';
import { OrchestratorModule } from './orchestrator.module';

runService('orchestrator', async () => {
  const env = loadOrchestratorEnvironment();
  const app = await createHttpApp(OrchestratorModule.register(env));
  app.connectMicroservice(
    kafkaConsumerStrategy({
      clientId: 'tenure-orchestrator',
      groupId: 'tenure-orchestrator',
      brokers: env.KAFKA_BROKERS,
      topicPrefix: env.TENURE_TOPIC_PREFIX,
      logger: createLogger('orchestrator.kafka', env.LOG_LEVEL),
    }),
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(env.ORCHESTRATOR_PORT, env.TENURE_BIND_HOST);
});
