import type { DynamicModule } from '@nestjs/common';
import { createLoggerModule } from '@tenure/observability';

/**
 * Tenure's request logging, with one difference for an ingest service: an
 * accepted event is already recorded in the inbox with its time, so its
 * request line is debug; refusals stay info and failures error. At a thousand
 * webhooks a second this is a good part of the service's work saved.
 */
export function ingestLoggerModule(level: string): DynamicModule {
  return createLoggerModule('hr-ingest', level, {
    customLogLevel: (_req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'info' : 'debug';
    },
  });
}
