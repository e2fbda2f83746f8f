import { API_SECURITY } from '@tenure/auth';
import type { OpenApiOptions } from '@tenure/http';

export const GATEWAY_OPENAPI: OpenApiOptions = {
  title: 'Tenure connector gateway',
  description:
    'The only service that talks to apps: accounts, groups, sessions and ownership per app through its ' +
    'connector, behind per-app limits and circuit breakers. Every route but health needs TENURE_GATEWAY_TOKEN.',
  // The gateway's one bearer guard covers every route that is not public.
  defaultSecurity: [{ [API_SECURITY.service]: [] }],
  // What an app's answer becomes (connectorErrorPolicy).
  extraResponses: {
    '409': 'CONFLICT: the app holds a conflicting account.',
    '422': 'INVALID or NOT_SUPPORTED: the app refused the request, or its connector lacks the capability.',
    '429': 'RATE_LIMITED: the app asks to slow down; retry later.',
    '502': "UNAUTHORIZED: the app refused the gateway's own credentials.",
    '503': 'TEMPORARY: the app is unavailable or its circuit is open; retry later.',
  },
};
