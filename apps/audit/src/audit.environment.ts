import { IsString } from 'class-validator';
import {
  DatabaseEnvironment,
  IsPort,
  IsSecret,
  KafkaEnvironment,
  LoggingEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class AuditSettings {
  @IsPort()
  AUDIT_PORT: number = 3004;

  @IsString()
  TENURE_BIND_HOST: string = '127.0.0.1';

  /** Bearer token of the read-only auditor role. */
  @IsSecret()
  TENURE_AUDIT_TOKEN: string;
}

export const loadAuditEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([AuditSettings, DatabaseEnvironment, KafkaEnvironment, LoggingEnvironment], source);

export type AuditEnvironment = ReturnType<typeof loadAuditEnvironment>;
