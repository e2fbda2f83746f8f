import { DefaultLogger, LogEntry, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import { correlationOf } from '@tenure/observability';

const PINO_LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** The Temporal SDK's own logs (worker, bundler, core), as structured lines of the service's logger. */
export function temporalLogger(logger: Logger): DefaultLogger {
  return new DefaultLogger('WARN', (entry: LogEntry) => {
    // Workflow and run ids at the top, under the names every Tenure log line uses.
    logger[PINO_LEVELS[entry.level]]({ ...correlationOf(entry.meta), temporal: entry.meta }, entry.message);
  });
}

let installed = false;

/** The runtime is process-wide and can be set up once, before the first worker or connection. */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: temporalLogger(logger) });
}
