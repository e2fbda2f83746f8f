import express, { ErrorRequestHandler, Request, RequestHandler, Response, Router } from 'express';
import { bearerTokenOf, constantTimeEquals } from '@tenure/auth';
import { SimulatedExtension } from '../config/saas-sim-config';
import { DirectoryException } from '../directory/directory.exception';
import { scimErrorBody } from '../scim/scim-error.body';
import { RandomSource, simulatedConditions } from '../simulation/simulated-conditions.middleware';
import { ServedApp } from './served-app';

const STATUS_OF = { NOT_FOUND: 404, UNIQUENESS: 409, INVALID_VALUE: 400 } as const;

function fail(response: Response, status: number, detail: string): void {
  response.status(status).json(scimErrorBody(status, detail));
}

/** Runs an action on the app's data; a refusal becomes the app's error answer. */
function answer(response: Response, status: number, action: () => unknown): void {
  try {
    response.status(status).json(action());
  } catch (error) {
    if (!(error instanceof DirectoryException)) throw error;
    fail(response, STATUS_OF[error.code], error.message);
  }
}

function textField(body: unknown, name: string): string | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.trim() !== '' && value.length <= 256 ? value : undefined;
}

/**
 * The simulated apps' own (non-SCIM) API under /<appId>/api/v1, authenticated
 * with the app's bearer token, for what provisioning standards leave out:
 *
 *   POST   /users/:userId/sessions        sign in (201 session)
 *   GET    /users/:userId/sessions        {"sessions": [...]}
 *   DELETE /users/:userId/sessions        end them all: {"revoked": n}
 *   POST   /users/:userId/items {name}    an item the user owns (201 item)
 *   GET    /users/:userId/items           {"items": [...]}
 *   POST   /users/:userId/items/transfer {toUserId}   {"transferred": n}
 *
 * Each app offers only the extensions its configuration lists.
 */
export function createAppApiRouter(apps: readonly ServedApp[], random: RandomSource = Math.random): Router {
  const appsById = new Map(apps.map((app) => [app.settings.id, app]));
  const appOf = new WeakMap<Request, ServedApp>();

  const authenticate: RequestHandler = (request, response, next) => {
    const app = appsById.get(String(request.params.appId));
    if (!app) return fail(response, 404, 'No such app');
    const token = bearerTokenOf(request);
    if (!token || !constantTimeEquals(token, app.settings.token))
      return fail(response, 401, 'A valid token is required');
    appOf.set(request, app);
    next();
  };

  const offering =
    (extension: SimulatedExtension): RequestHandler =>
    (request, response, next) => {
      if (appOf.get(request)?.settings.extensions?.includes(extension)) return next();
      fail(response, 404, `this app has no ${extension} API`);
    };

  const activity = (request: Request) => (appOf.get(request) as ServedApp).activity;
  const userId = (request: Request) => String(request.params.userId);

  const api = Router({ mergeParams: true });
  api.post('/users/:userId/sessions', offering('sessions'), (request, response) =>
    answer(response, 201, () => activity(request).signIn(userId(request))),
  );
  api.get('/users/:userId/sessions', offering('sessions'), (request, response) =>
    answer(response, 200, () => ({ sessions: activity(request).sessionsOf(userId(request)) })),
  );
  api.delete('/users/:userId/sessions', offering('sessions'), (request, response) =>
    answer(response, 200, () => ({ revoked: activity(request).revokeSessions(userId(request)) })),
  );
  api.post('/users/:userId/items', offering('ownedItems'), (request, response) => {
    const name = textField(request.body, 'name');
    if (!name) return fail(response, 400, 'name is required (1 to 256 characters)');
    answer(response, 201, () => activity(request).createItem(userId(request), name));
  });
  api.get('/users/:userId/items', offering('ownedItems'), (request, response) =>
    answer(response, 200, () => ({ items: activity(request).itemsOf(userId(request)) })),
  );
  api.post('/users/:userId/items/transfer', offering('ownedItems'), (request, response) => {
    const toUserId = textField(request.body, 'toUserId');
    if (!toUserId) return fail(response, 400, 'toUserId is required');
    answer(response, 200, () => ({ transferred: activity(request).transferItems(userId(request), toUserId) }));
  });
  api.use((_request, response) => fail(response, 404, 'not found'));

  const unreadableBody: ErrorRequestHandler = (error: { status?: number; type?: string }, _request, response, next) => {
    if (error.type === 'entity.parse.failed' || error.status === 400) return fail(response, 400, 'body is not JSON');
    next(error);
  };

  const router = Router();
  router.use(
    '/:appId/api/v1',
    authenticate,
    simulatedConditions((request) => appOf.get(request)?.conditions, random),
    express.json({ limit: '64kb', type: ['application/json', 'application/scim+json'] }),
    api,
    unreadableBody,
  );
  return router;
}
