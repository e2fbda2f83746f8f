import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';
import { tenureHttpLogOptions, tenureLogOptions } from './log-shape';

export { isRoutineRequest, REDACTED_PATHS } from './log-shape';

export function createLogger(service: string, level: string): Logger {
  return pino(tenureLogOptions(service, level));
}

/** Nest's logger and request logging, in the shape of every Tenure log line (log-shape.ts). */
export function createLoggerModule(
  service: string,
  level: string,
  overrides: Pick<HttpLoggerOptions, 'customLogLevel'> = {},
): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: tenureHttpLogOptions(service, level, overrides),
    // Nest names the class that logged as `context`: in Tenure's shape that is the component.
    renameContext: 'component',
  });
}
