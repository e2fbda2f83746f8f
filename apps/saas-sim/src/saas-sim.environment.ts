import {
  ConfigDirectoryEnvironment,
  IsPort,
  ListenEnvironment,
  LoggingEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class SaasSimSettings {
  @IsPort()
  SAAS_SIM_PORT = 3100;
}

export const loadSaasSimEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([SaasSimSettings, ListenEnvironment, LoggingEnvironment, ConfigDirectoryEnvironment], source);

export type SaasSimEnvironment = ReturnType<typeof loadSaasSimEnvironment>;
