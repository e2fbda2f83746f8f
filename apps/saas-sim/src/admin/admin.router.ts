import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import express, { ErrorRequestHandler, Request, RequestHandler, Response, Router } from 'express';
import { bearerTokenOf, constantTimeEquals } from '@tenure/auth';
import { flattenValidationErrors } from '@tenure/contracts';
import { DirectoryException } from '../directory/directory.exception';
import { ServedApp } from '../extensions/served-app';
import { ConditionsChangeDto } from './conditions-change.dto';

const MAX_SEEDED_USERS = 20_000;

function problems(response: Response, errors: { field: string; message: string }[]): void {
  response.status(400).json({ errors });
}

/**
 * The simulator's own admin API, for tests and benchmarks, authenticated with
 * TENURE_SAAS_SIM_ADMIN_TOKEN (absent: the admin API refuses everyone):
 *
 *   GET    /admin/apps/:appId/conditions   the app's live latency and faults
 *   PUT    /admin/apps/:appId/conditions   change them now (see ConditionsChangeDto)
 *   DELETE /admin/apps/:appId/conditions   back to the configured ones
 *   POST   /admin/apps/:appId/users {users: [...SCIM users]}   seed many users at once
 *   GET    /admin/apps/:appId/users/:userId/activations   {userId, activations: [{at, active}]}: each value
 *          the user's `active` took, creation first (was the account ever switched on?)
 *   POST   /admin/apps/:appId/users/lookup {externalIds: [...]}   {users: [{id, externalId, active, activations}]}:
 *          the accounts carrying those externalIds, for benchmarks to watch thousands of people at once
 *   GET    /admin/apps/:appId/requests       {requests}: how many SCIM and app API requests the app has served
 *   GET    /admin/apps/:appId/oauth          {tokensIssued} by the app's OAuth token endpoint
 *   DELETE /admin/apps/:appId/oauth/tokens   revoke every issued access token
 */
export function createAdminRouter(apps: readonly ServedApp[], adminToken: string | undefined): Router {
  const appsById = new Map(apps.map((app) => [app.settings.id, app]));
  const appOf = new WeakMap<Request, ServedApp>();

  const authenticate: RequestHandler = (request, response, next) => {
    const token = bearerTokenOf(request);
    if (!adminToken || !token || !constantTimeEquals(token, adminToken)) {
      response.status(401).json({ message: 'a valid admin token is required' });
      return;
    }
    const app = appsById.get(String(request.params.appId));
    if (!app) {
      response.status(404).json({ message: 'no such app' });
      return;
    }
    appOf.set(request, app);
    next();
  };
  const served = (request: Request) => appOf.get(request) as ServedApp;

  const admin = Router({ mergeParams: true });
  admin.get('/conditions', (request, response) => {
    response.json(served(request).conditions.current());
  });
  admin.put('/conditions', (request, response) => {
    const change = plainToInstance(ConditionsChangeDto, (request.body ?? {}) as object);
    const errors = validateSync(change, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) return problems(response, flattenValidationErrors(errors));
    response.json(served(request).conditions.change(change));
  });
  admin.delete('/conditions', (request, response) => {
    response.json(served(request).conditions.reset());
  });
  admin.get('/users/:userId/activations', (request, response) => {
    const userId = String(request.params.userId);
    try {
      response.json({ userId, activations: served(request).directory.activations(userId) });
    } catch (error) {
      if (!(error instanceof DirectoryException)) throw error;
      response.status(404).json({ message: error.message });
    }
  });
  admin.post('/users/lookup', (request, response) => {
    const externalIds: unknown = (request.body as { externalIds?: unknown } | undefined)?.externalIds;
    const valid = Array.isArray(externalIds) && externalIds.every((id) => typeof id === 'string');
    if (!valid || externalIds.length > MAX_SEEDED_USERS) {
      return problems(response, [
        { field: 'externalIds', message: `must be a list of at most ${MAX_SEEDED_USERS} strings` },
      ]);
    }
    const { directory } = served(request);
    const users = (externalIds as string[]).flatMap((externalId) =>
      directory.userIdsWithExternalId(externalId).map((id) => ({
        id,
        externalId,
        active: directory.isActive(id),
        activations: directory.activations(id),
      })),
    );
    response.json({ users });
  });
  admin.get('/requests', (request, response) => {
    response.json({ requests: served(request).requests.count });
  });
  // The OAuth token endpoint's count of issued tokens, and a way to revoke them all (a rotated client).
  admin.get('/oauth', (request, response) => {
    response.json({ tokensIssued: served(request).tokens?.issued ?? 0 });
  });
  admin.delete('/oauth/tokens', (request, response) => {
    served(request).tokens?.revokeAll();
    response.json({ revoked: true });
  });
  admin.post('/users', (request, response) => {
    const users: unknown = (request.body as { users?: unknown } | undefined)?.users;
    if (!Array.isArray(users) || users.length > MAX_SEEDED_USERS) {
      return problems(response, [{ field: 'users', message: `must be a list of at most ${MAX_SEEDED_USERS} users` }]);
    }
    try {
      const { directory } = served(request);
      const ids = users.map((user: Record<string, unknown>) => directory.writeUser(undefined, user).id);
      response.status(201).json({ created: ids.length, ids });
    } catch (error) {
      if (!(error instanceof DirectoryException)) throw error;
      problems(response, [{ field: 'users', message: error.message }]);
    }
  });

  const unreadableBody: ErrorRequestHandler = (error: { type?: string }, _request, response, next) => {
    if (error.type === 'entity.parse.failed') return problems(response, [{ field: 'body', message: 'is not JSON' }]);
    next(error);
  };

  const router = Router();
  router.use('/admin/apps/:appId', authenticate, express.json({ limit: '20mb' }), admin, unreadableBody);
  return router;
}
