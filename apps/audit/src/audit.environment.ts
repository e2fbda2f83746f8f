import { Type } from 'class-transformer';
import { IsNumber, Max, Min } from 'class-validator';
import {
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

export class AuditSettings {
  @IsPort()
  AUDIT_PORT: number = 3004;

  /** Bearer token of the `auditor` role: reads every audit endpoint. */
  @IsSecret()
  TENURE_AUDIT_TOKEN: string;

  /** Bearer token of the `operator` role: ingest status only, no personal data. Unset: no such token. */
  @IsOptionalSecret()
  TENURE_AUDIT_OPERATOR_TOKEN?: string;

  /** Default target of the time-to-deprovision report (FedRAMP PS-4: 4 hours). */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number of hours' })
  @Min(0.001, { message: 'must be a positive number of hours' })
  @Max(8760, { message: 'must be at most 8760 hours' })
  AUDIT_DEPROVISION_TARGET_HOURS: number = 4;
}

/** The tokens that may be given as files instead (`TENURE_AUDIT_TOKEN_FILE`, …). */
export const AUDIT_SECRET_VARIABLES = [
  'TENURE_AUDIT_TOKEN',
  'TENURE_AUDIT_OPERATOR_TOKEN',
  'TENURE_METRICS_TOKEN',
] as const;

export const loadAuditEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [AuditSettings, ListenEnvironment, DatabaseEnvironment, KafkaEnvironment, LoggingEnvironment, MetricsEnvironment],
    readSecretFiles(source, AUDIT_SECRET_VARIABLES),
  );

export type AuditEnvironment = ReturnType<typeof loadAuditEnvironment>;
