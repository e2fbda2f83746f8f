/**
 * Settings of the running test stack, as `./tenure test` exports them.
 * Integration and end-to-end tests call this first: without the stack they
 * stop with a message that says how to get one, instead of timing out.
 */
export interface TestStack {
  databaseUrl: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  temporalAddress: string;
  temporalNamespace: string;
  env: NodeJS.ProcessEnv;
}

const REQUIRED = ['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS'] as const;

export function testStack(): TestStack {
  const env = process.env;
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: run these tests through ./tenure test, which starts the test stack`,
    );
  }
  return {
    databaseUrl: env.DATABASE_URL as string,
    kafkaBrokers: (env.KAFKA_BROKERS as string).split(','),
    topicPrefix: env.TENURE_TOPIC_PREFIX ?? '',
    temporalAddress: env.TEMPORAL_ADDRESS as string,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    env,
  };
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} not set: run these tests through ./tenure test`);
  return value;
}
