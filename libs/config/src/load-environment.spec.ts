import { DatabaseEnvironment, IsPort, IsSecret, KafkaEnvironment, TemporalEnvironment } from './environment-groups';
import { EnvironmentError, loadEnvironment } from './load-environment';

class ServiceSettings {
  @IsPort()
  SERVICE_PORT: number = 3000;

  @IsSecret()
  SERVICE_TOKEN: string;
}

const groups = [ServiceSettings, DatabaseEnvironment, KafkaEnvironment, TemporalEnvironment];
const valid = {
  SERVICE_TOKEN: 'a-long-enough-token-value',
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  KAFKA_BROKERS: 'a:9092, b:9093',
};

describe('loadEnvironment', () => {
  it('parses types and applies defaults', () => {
    const env = loadEnvironment(groups, { ...valid, SERVICE_PORT: '4100' });
    expect(env.SERVICE_PORT).toBe(4100);
    expect(env.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(env.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(env.TENURE_TOPIC_PREFIX).toBe('');
  });

  it('reports every bad variable at once and never echoes a value', () => {
    let error: unknown;
    try {
      loadEnvironment(groups, {
        SERVICE_PORT: 'x',
        SERVICE_TOKEN: 'short-secret',
        KAFKA_BROKERS: 'nohost',
        DATABASE_URL: 'mysql://x',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid environment variables: /);
    expect(message).toContain('SERVICE_PORT=must be a port number (1-65535)');
    expect(message).toContain('SERVICE_TOKEN=must be at least 16 characters');
    expect(message).toContain('DATABASE_URL=must be a postgres:// URL');
    expect(message).toContain('KAFKA_BROKERS=must be host:port[,host:port]');
    expect(message).not.toContain('short-secret');
    expect(message.match(/SERVICE_PORT=/g)).toHaveLength(1);
  });

  it('says which required variable is missing', () => {
    expect(() => loadEnvironment(groups, {})).toThrow(/SERVICE_TOKEN=is required, DATABASE_URL=is required/);
  });
});
