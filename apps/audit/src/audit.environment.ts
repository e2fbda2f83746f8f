import {
  DatabaseEnvironment,
  IsPort,
  IsSecret,
  KafkaEnvironment,
  LoggingEnvironment,
  ListenEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class AuditSettings {
  @IsPort()
  AUDIT_PORT: number = 3004;

  /** Bearer token of the read-only auditor role. */
  @IsSecret()
  TENURE_AUDIT_TOKEN: string;
}

export const loadAuditEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [AuditSettings, ListenEnvironment, DatabaseEnvironment, KafkaEnvironment, LoggingEnvironment],
    source,
  );

export type AuditEnvironment = ReturnType<typeof loadAuditEnvironment>;
