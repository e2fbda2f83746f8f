import { IsNotEmpty, IsOptional, IsString, IsUrl } from 'class-validator';
import {
  ConfigDirectoryEnvironment,
  IsOptionalSecret,
  IsPort,
  ListenEnvironment,
  loadEnvironment,
  LoggingEnvironment,
  OidcEnvironment,
} from '@tenure/config';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class ConsoleSettings {
  @IsPort()
  CONSOLE_PORT: number = 3000;

  /** Where people reach the console; the provider redirects back to `<url>/auth/callback`. */
  @IsUrl(URL_OPTIONS, { message: 'must be the URL people open the console at' })
  TENURE_CONSOLE_URL: string = 'http://127.0.0.1:3000';

  /** The console's client at the provider: public (PKCE only) unless a secret is given. */
  @IsString()
  @IsNotEmpty()
  TENURE_CONSOLE_CLIENT_ID: string = 'tenure-console';

  @IsOptionalSecret()
  TENURE_CONSOLE_CLIENT_SECRET?: string;

  @IsUrl(URL_OPTIONS, { message: 'must be the URL of the orchestrator ops API' })
  TENURE_ORCHESTRATOR_URL: string = 'http://127.0.0.1:3002';

  @IsUrl(URL_OPTIONS, { message: 'must be the URL of the audit API' })
  TENURE_AUDIT_URL: string = 'http://127.0.0.1:3004';

  /** The built web app (index.html and assets); unset: dist/console-web beside the compiled service. */
  @IsOptional()
  @IsString()
  TENURE_CONSOLE_WEB_DIR?: string;
}

export const loadConsoleEnvironment = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvironment([ConsoleSettings, ListenEnvironment, LoggingEnvironment, OidcEnvironment, ConfigDirectoryEnvironment], source);

export type ConsoleEnvironment = ReturnType<typeof loadConsoleEnvironment>;
