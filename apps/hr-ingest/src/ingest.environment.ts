import { IsOptional, IsString } from 'class-validator';
import {
  DatabaseEnvironment,
  IsPort,
  IsSecret,
  KafkaEnvironment,
  LoggingEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class HrIngestSettings {
  @IsPort()
  HR_INGEST_PORT: number = 3001;

  @IsOptional()
  @IsString()
  TENURE_BIND_HOST: string = '127.0.0.1';

  /** HMAC secret shared with the generic HR webhook sender. */
  @IsSecret()
  TENURE_WEBHOOK_SECRET_GENERIC: string;
}

export const loadIngestEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([HrIngestSettings, DatabaseEnvironment, KafkaEnvironment, LoggingEnvironment], source);

export type IngestEnvironment = ReturnType<typeof loadIngestEnvironment>;
