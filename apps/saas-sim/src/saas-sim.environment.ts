import {
  ConfigDirectoryEnvironment,
  IsPort,
  IsOptionalSecret,
  ListenEnvironment,
  LoggingEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class SaasSimSettings {
  @IsPort()
  SAAS_SIM_PORT = 3100;

  /** Opens the admin API (live faults, seeding) to tests and benchmarks; unset, it refuses every call. */
  @IsOptionalSecret()
  TENURE_SAAS_SIM_ADMIN_TOKEN?: string;
}

export const loadSaasSimEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([SaasSimSettings, ListenEnvironment, LoggingEnvironment, ConfigDirectoryEnvironment], source);

export type SaasSimEnvironment = ReturnType<typeof loadSaasSimEnvironment>;
