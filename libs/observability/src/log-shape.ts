import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { LoggerOptions } from 'pino';
import type { Options as HttpLoggerOptions } from 'pino-http';

/**
 * The one shape of every Tenure log line (README "Logs"): `time` (ISO 8601),
 * `level` (a name), `service`, `component` when a part of the service wrote
 * it, `msg`, then the correlation ids below under these names only, so one
 * query follows an event across services, and `err` for an error.
 */
export const CORRELATION_FIELDS = [
  'requestId',
  'eventId',
  'employeeId',
  'workflowId',
  'runId',
  'appId',
  'streamId',
] as const;
export type CorrelationField = (typeof CORRELATION_FIELDS)[number];
export type Correlation = Partial<Record<CorrelationField, string>>;

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

/** `audit.kafka` is the `kafka` component of the `audit` service. */
function originOf(name: string): { service: string; component?: string } {
  const [service, ...rest] = name.split('.');
  return rest.length > 0 ? { service, component: rest.join('.') } : { service };
}

export function tenureLogOptions(name: string, level: string): LoggerOptions {
  return {
    level,
    base: { ...originOf(name), pid: process.pid },
    messageKey: 'msg',
    errorKey: 'err',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
}

/** The correlation ids among `fields` (e.g. Temporal's log metadata), under Tenure's names. */
export function correlationOf(fields: Record<string, unknown> | undefined): Correlation {
  const found: Correlation = {};
  for (const name of CORRELATION_FIELDS) {
    const value = fields?.[name];
    if (typeof value === 'string' && value !== '') found[name] = value;
  }
  return found;
}

/** A caller's X-Request-Id is kept when it is a plain token, so its own logs and Tenure's line up. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Request logging options (pino-http) with the same shape, the request id as `requestId`. */
export function tenureHttpLogOptions(
  name: string,
  level: string,
  overrides: Pick<HttpLoggerOptions, 'customLogLevel'> = {},
): HttpLoggerOptions {
  return {
    ...tenureLogOptions(name, level),
    ...overrides,
    autoLogging: { ignore: (req) => isRoutineRequest(req.url) },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: (req) => ({ requestId: String(req.id) }),
    // Request bodies are never logged: they hold personal data.
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
