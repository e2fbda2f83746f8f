import { IsOptional, IsString } from 'class-validator';
import { ConfigDirectoryEnvironment, IsPort, IsSecret, LoggingEnvironment, loadEnvironment } from '@tenure/config';

export class ConnectorGatewaySettings {
  @IsPort()
  CONNECTOR_GATEWAY_PORT: number = 3003;

  @IsOptional()
  @IsString()
  TENURE_BIND_HOST: string = '127.0.0.1';

  /** The token the orchestrator presents to the gateway. */
  @IsSecret()
  TENURE_GATEWAY_TOKEN: string;
}

export const loadGatewayEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([ConnectorGatewaySettings, LoggingEnvironment, ConfigDirectoryEnvironment], source);

export type GatewayEnvironment = ReturnType<typeof loadGatewayEnvironment>;
