import { Type } from 'class-transformer';
import { IsNotEmpty, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
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
  OidcEnvironment,
  readSecretFiles,
} from '@tenure/config';

export class AuditSettings {
  @IsPort()
  AUDIT_PORT: number = 3004;

  /** Service credential that reads every audit endpoint (a SIEM, an export job); people sign in instead. */
  @IsSecret()
  TENURE_AUDIT_TOKEN: string;

  /** Service credential for ingest status only, no personal data. Unset: no such credential. */
  @IsOptionalSecret()
  TENURE_AUDIT_OPERATOR_TOKEN?: string;

  /** Default target of the time-to-deprovision report (FedRAMP PS-4: 4 hours). */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number of hours' })
  @Min(0.001, { message: 'must be a positive number of hours' })
  @Max(8760, { message: 'must be at most 8760 hours' })
  AUDIT_DEPROVISION_TARGET_HOURS: number = 4;
}

/** The Shared Signals transmitter (README "Shared Signals"). */
export class SsfEnvironment {
  /** The URL receivers reach this service at; the issuer of its Security Event Tokens. Default: loopback and AUDIT_PORT. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be the URL receivers reach the audit service at' },
  )
  TENURE_SSF_ISSUER?: string;

  /** The audience receivers' access tokens are for (their client credentials grant asks for this resource). */
  @IsString()
  @IsNotEmpty({ message: "must be the audience of receivers' access tokens" })
  TENURE_SSF_AUDIENCE: string = 'urn:tenure:ssf';

  /** OAuth client ids of the receivers that may open streams, comma-separated. Unset: none. */
  @IsOptional()
  @Matches(/^[\w.:@-]+(,[\w.:@-]+)*$/, { message: 'must be OAuth client ids separated by commas' })
  TENURE_SSF_RECEIVERS?: string;
}

/** The tokens that may be given as files instead (`TENURE_AUDIT_TOKEN_FILE`, …). */
export const AUDIT_SECRET_VARIABLES = [
  'TENURE_AUDIT_TOKEN',
  'TENURE_AUDIT_OPERATOR_TOKEN',
  'TENURE_METRICS_TOKEN',
] as const;

export const loadAuditEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment(
    [
      AuditSettings,
      SsfEnvironment,
      ListenEnvironment,
      DatabaseEnvironment,
      KafkaEnvironment,
      LoggingEnvironment,
      MetricsEnvironment,
      OidcEnvironment,
      ConfigDirectoryEnvironment,
    ],
    readSecretFiles(source, AUDIT_SECRET_VARIABLES),
  );

export type AuditEnvironment = ReturnType<typeof loadAuditEnvironment>;
