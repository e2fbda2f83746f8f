import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger } from 'pino';

/** Anything that could carry a credential is blanked before a log line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-tenure-signature"]',
  'res.headers["set-cookie"]',
  '*.token',
  '*.secret',
  '*.password',
];

/** Probes and scrapes come every few seconds; their request lines would bury the ones that matter. */
export function isRoutineRequest(url: string | undefined): boolean {
  return url === '/metrics' || url === '/health' || url?.startsWith('/health/') === true;
}

export function createLogger(service: string, level: string): Logger {
  return pino({ name: service, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export function createLoggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => isRoutineRequest(req.url) },
      // Request bodies are never logged: they hold personal data.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
