import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { isRoutineRequest, REDACTED_PATHS } from '@tenure/observability';

/**
 * Tenure's request logging, with one difference for an ingest service: an
 * accepted event is already recorded in the inbox with its time, so its
 * request line is debug; refusals stay info and failures error. At a thousand
 * webhooks a second this is a good part of the service's work saved.
 */
export function ingestLoggerModule(level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: 'hr-ingest',
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (req) => isRoutineRequest(req.url) },
      customLogLevel: (_req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        return res.statusCode >= 400 ? 'info' : 'debug';
      },
      // Request bodies are never logged: they hold personal data.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
