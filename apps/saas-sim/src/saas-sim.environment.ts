import { IsOptional, IsString } from 'class-validator';
import { ConfigDirectoryEnvironment, IsPort, LoggingEnvironment, loadEnvironment } from '@tenure/config';

export class SaasSimSettings {
  @IsPort()
  SAAS_SIM_PORT = 3100;

  @IsOptional()
  @IsString()
  TENURE_BIND_HOST = '127.0.0.1';
}

export const loadSaasSimEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([SaasSimSettings, LoggingEnvironment, ConfigDirectoryEnvironment], source);

export type SaasSimEnvironment = ReturnType<typeof loadSaasSimEnvironment>;
