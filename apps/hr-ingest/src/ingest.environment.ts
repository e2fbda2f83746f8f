import {
  DatabaseEnvironment,
  IsPort,
  IsSecret,
  KafkaEnvironment,
  LoggingEnvironment,
  ListenEnvironment,
  loadEnvironment,
} from '@tenure/config';

export class HrIngestSettings {
  @IsPort()
  HR_INGEST_PORT: number = 3001;

  /** HMAC secret shared with the generic HR webhook sender. */
  @IsSecret()
  TENURE_WEBHOOK_SECRET_GENERIC: string;
}

export const loadIngestEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [HrIngestSettings, ListenEnvironment, DatabaseEnvironment, KafkaEnvironment, LoggingEnvironment],
    source,
  );

export type IngestEnvironment = ReturnType<typeof loadIngestEnvironment>;
