import express, { Router } from 'express';
import { constantTimeEquals } from '@tenure/auth';
import { ServedApp } from '../extensions/served-app';

function clientOf(authorization: string | undefined, body: Record<string, unknown>): { id?: string; secret?: string } {
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  const id = typeof body.client_id === 'string' ? body.client_id : undefined;
  const secret = typeof body.client_secret === 'string' ? body.client_secret : undefined;
  return { id, secret };
}

/**
 * `POST /<appId>/oauth/token`: the client-credentials grant (RFC 6749 §4.4)
 * for apps configured with `oauth`. The client secret is the app's token; the
 * access tokens it issues are accepted by the app's SCIM and own API until they expire.
 */
export function createOAuthTokenRouter(apps: readonly ServedApp[]): Router {
  const appsById = new Map(apps.map((app) => [app.settings.id, app]));
  const router = Router();
  router.post('/:appId/oauth/token', express.urlencoded({ extended: false, limit: '8kb' }), (request, response) => {
    const app = appsById.get(String(request.params.appId));
    if (!app?.tokens || !app.settings.oauth) {
      response.status(404).json({ error: 'not_found' });
      return;
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'client_credentials') {
      response.status(400).json({ error: 'unsupported_grant_type' });
      return;
    }
    const client = clientOf(request.headers.authorization, body);
    const known =
      client.id === app.settings.oauth.clientId &&
      client.secret !== undefined &&
      constantTimeEquals(client.secret, app.settings.token);
    if (!known) {
      response.status(401).set('WWW-Authenticate', 'Basic').json({ error: 'invalid_client' });
      return;
    }
    response.set('Cache-Control', 'no-store').json(app.tokens.issue());
  });
  return router;
}
