import type { OpenApiOptions } from '@tenure/http';
import { CSRF_HEADER, SESSION_COOKIE } from './session/session-cookie';

/** The console's session cookie, set by /auth/callback; every /api route needs it. */
export const SESSION_SCHEME = 'consoleSession';
/** The session's anti-forgery token (`csrfToken` of /api/me), required with the cookie on every change. */
export const CSRF_SCHEME = 'consoleCsrf';

export const CONSOLE_OPENAPI: OpenApiOptions = {
  title: 'Tenure console (backend for the web app)',
  description:
    'Sign-in with OpenID Connect (authorization code + PKCE, run by this server), the signed-in person, and ' +
    'pass-through of /api/ops/* to the ops API (orchestrator /v1/*) and /api/audit/* to the audit API ' +
    "(/v1/audit/*) with the person's access token; those APIs' own documents describe each route. " +
    `The browser holds only the HttpOnly ${SESSION_COOKIE} cookie; state-changing calls also send the ` +
    `${CSRF_HEADER} header.`,
  securitySchemes: {
    [SESSION_SCHEME]: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description: 'The HttpOnly session cookie the console sets after a sign-in through /auth/login.',
    },
    [CSRF_SCHEME]: {
      type: 'apiKey',
      in: 'header',
      name: CSRF_HEADER,
      description:
        "Anti-forgery header: the session's csrfToken from GET /api/me, on every POST, PUT, PATCH and DELETE.",
    },
  },
};

/** Security requirements: reads need the session; changes need the session and the anti-forgery header. */
export const SESSION_READ = [{ [SESSION_SCHEME]: [] }];
export const SESSION_CHANGE = [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];
