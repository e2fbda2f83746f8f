/** Injection token of the audit service's own pino logger (ingest, export). */
export const AUDIT_LOGGER = Symbol('AUDIT_LOGGER');
