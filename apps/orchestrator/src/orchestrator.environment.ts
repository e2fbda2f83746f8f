import { IsUrl } from 'class-validator';
import {
  ConfigDirectoryEnvironment,
  DatabaseEnvironment,
  IsPort,
  IsSecret,
  KafkaEnvironment,
  LoggingEnvironment,
  TemporalEnvironment,
  ListenEnvironment,
  MetricsEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class OrchestratorSettings {
  @IsPort()
  ORCHESTRATOR_PORT: number = 3002;

  /** Bearer token of the ops API. */
  @IsSecret()
  TENURE_OPS_TOKEN: string;

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  CONNECTOR_GATEWAY_URL: string = 'http://127.0.0.1:3003';

  /** The orchestrator's credential towards the connector gateway. */
  @IsSecret()
  TENURE_GATEWAY_TOKEN: string;
}

export const loadOrchestratorEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [
      OrchestratorSettings,
      ListenEnvironment,
      DatabaseEnvironment,
      KafkaEnvironment,
      TemporalEnvironment,
      ConfigDirectoryEnvironment,
      LoggingEnvironment,
      MetricsEnvironment,
    ],
    source,
  );

export type OrchestratorEnvironment = ReturnType<typeof loadOrchestratorEnvironment>;
