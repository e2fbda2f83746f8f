import {
  ConfigDirectoryEnvironment,
  IsPort,
  IsSecret,
  ListenEnvironment,
  LoggingEnvironment,
  MetricsEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class ConnectorGatewaySettings {
  @IsPort()
  CONNECTOR_GATEWAY_PORT: number = 3003;

  /** The token the orchestrator presents to the gateway. */
  @IsSecret()
  TENURE_GATEWAY_TOKEN: string;
}

export const loadGatewayEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [ConnectorGatewaySettings, ListenEnvironment, LoggingEnvironment, ConfigDirectoryEnvironment, MetricsEnvironment],
    source,
  );

export type GatewayEnvironment = ReturnType<typeof loadGatewayEnvironment>;
