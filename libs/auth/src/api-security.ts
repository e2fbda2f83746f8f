import { ApiExtension, ApiSecurity } from '@nestjs/swagger';

/**
 * The names of the security schemes every service's OpenAPI document
 * declares (libs/http serveOpenApi). The auth decorators add them to each
 * route they guard, so the document says what a route accepts from the
 * same decorator that enforces it.
 */
export const API_SECURITY = {
  /** A person's access token from the identity provider (RFC 9068 JWT). */
  person: 'personAccessToken',
  /** A scoped service credential (TENURE_OPS_TOKEN, TENURE_AUDIT_TOKEN, ...). */
  service: 'serviceToken',
  /** The scrape credential of /metrics (TENURE_METRICS_TOKEN or the service's own token). */
  metrics: 'metricsToken',
} as const;

/** Marks an operation that needs no credential; serveOpenApi turns it into `security: []`. */
export const OPENAPI_PUBLIC_EXTENSION = 'x-tenure-public';

export const documentPersonRoute = () => ApiSecurity(API_SECURITY.person);
export const documentServiceRoute = () => ApiSecurity(API_SECURITY.service);
export const documentPublicRoute = () => ApiExtension(OPENAPI_PUBLIC_EXTENSION, true);
