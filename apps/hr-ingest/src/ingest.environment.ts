import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import {
  ConfigDirectoryEnvironment,
  DatabaseEnvironment,
  IsPort,
  IsOptionalSecret,
  IsSecret,
  KafkaEnvironment,
  LoggingEnvironment,
  ListenEnvironment,
  MetricsEnvironment,
  loadEnvironment,
  readSecretFiles,
} from '@tenure/config';

export class HrIngestSettings {
  @IsPort()
  HR_INGEST_PORT: number = 3001;

  /** Processes sharing the port (node:cluster); more than one uses more of the machine's cores. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of processes (1-64)' })
  @Min(1, { message: 'must be a whole number of processes (1-64)' })
  @Max(64, { message: 'must be a whole number of processes (1-64)' })
  HR_INGEST_WORKERS: number = 1;

  /** HMAC secret shared with the generic HR webhook sender. */
  @IsSecret()
  TENURE_WEBHOOK_SECRET_GENERIC: string;

  /** The generic webhook secret being rotated: both sign valid requests until this one is removed. */
  @IsOptionalSecret()
  TENURE_WEBHOOK_SECRET_GENERIC_PREVIOUS?: string;

  /** BambooHR's webhook private key; without it BambooHR webhooks are refused. */
  @IsOptionalSecret()
  TENURE_WEBHOOK_SECRET_BAMBOOHR?: string;

  @IsOptionalSecret()
  TENURE_WEBHOOK_SECRET_BAMBOOHR_PREVIOUS?: string;

  /** Bearer token of SCIM inbound provisioning (/scim/v2); without it SCIM is refused. */
  @IsOptionalSecret()
  TENURE_SCIM_TOKEN?: string;

  @IsOptionalSecret()
  TENURE_SCIM_TOKEN_PREVIOUS?: string;

  /** Bearer token of CSV imports (/v1/imports/csv); without it imports are refused. */
  @IsOptionalSecret()
  TENURE_IMPORT_TOKEN?: string;
}

const SECRET_NAMES = [
  'TENURE_WEBHOOK_SECRET_GENERIC',
  'TENURE_WEBHOOK_SECRET_GENERIC_PREVIOUS',
  'TENURE_WEBHOOK_SECRET_BAMBOOHR',
  'TENURE_WEBHOOK_SECRET_BAMBOOHR_PREVIOUS',
  'TENURE_SCIM_TOKEN',
  'TENURE_SCIM_TOKEN_PREVIOUS',
  'TENURE_IMPORT_TOKEN',
  'TENURE_METRICS_TOKEN',
];

export const loadIngestEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [
      HrIngestSettings,
      ListenEnvironment,
      DatabaseEnvironment,
      KafkaEnvironment,
      LoggingEnvironment,
      ConfigDirectoryEnvironment,
      MetricsEnvironment,
    ],
    readSecretFiles(source, SECRET_NAMES),
  );

export type IngestEnvironment = ReturnType<typeof loadIngestEnvironment>;

/** The secrets a source currently accepts: the current one first, then the one being rotated. */
export function activeSecrets(...candidates: (string | undefined)[]): string[] {
  return candidates.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
}
