import { Request, RequestHandler, Router } from 'express';
import SCIMMY from 'scimmy';
import { SCIMMYRouters } from 'scimmy-routers';
import { bearerTokenOf } from '@tenure/auth';
import { acceptsToken, ServedApp } from '../extensions/served-app';
import { RandomSource, simulatedConditions } from '../simulation/simulated-conditions.middleware';
import { declareScimResources } from './scim-resources';
import { fastUserList, MAX_PAGE_SIZE } from './fast-user-list.middleware';
import { fastGroupMembers } from './fast-group-members.middleware';
import { alwaysReturnSchemas, readOnlyDiscovery, tolerantPatchValues } from './scim-conformance.middleware';
import { rejectUnparsableFilter } from './reject-unparsable-filter.middleware';
import { scimErrorBody } from './scim-error.body';

/**
 * Serves every simulated app under `/<appId>/scim/v2` from one SCIMMY router.
 * The app is resolved from the path first and remembered per request; the
 * router's authentication handler checks that app's own token, and its
 * context hands the app's own directory to the resource handlers.
 *
 * SCIMMY sets the base path of `meta.location` globally on each request and
 * reads it when it builds the response. That stays correct across apps because
 * the directories answer synchronously: no other request runs in between.
 */
export function createScimAppsRouter(apps: readonly ServedApp[], random: RandomSource = Math.random): Router {
  declareScimResources();
  const appsById = new Map(apps.map((app) => [app.settings.id, app]));
  const appOfRequest = new WeakMap<Request, ServedApp>();

  const resolveApp: RequestHandler = (request, response, next) => {
    const app = appsById.get(String(request.params.appId));
    if (!app) {
      response.status(404).type('application/scim+json').json(scimErrorBody(404, 'No such app'));
      return;
    }
    appOfRequest.set(request, app);
    next();
  };

  // Apps such as Salesforce deactivate users but never delete them.
  const refuseUserDelete: RequestHandler = (request, response, next) => {
    const app = appOfRequest.get(request);
    if (request.method !== 'DELETE' || app?.settings.allowUserDelete !== false || !/^\/Users\//.test(request.path)) {
      next();
      return;
    }
    response
      .status(405)
      .type('application/scim+json')
      .json(scimErrorBody(405, 'Users cannot be deleted in this app; deactivate them instead'));
  };

  const isAuthorized = (request: Request): boolean => {
    const app = appOfRequest.get(request);
    const token = bearerTokenOf(request);
    return app !== undefined && acceptsToken(app, token);
  };

  const scim = new SCIMMYRouters({
    type: 'bearer',
    handler: (request) => {
      if (!isAuthorized(request)) throw new Error('A valid bearer token for this app is required');
      return `${appOfRequest.get(request)?.settings.id}-provisioning-client`;
    },
    context: (request) => appOfRequest.get(request)?.directory,
  });
  // What the simulated apps advertise (RFC 7643 §5), and so what compliance checks hold them to:
  // PATCH and filtering yes (pages of up to MAX_PAGE_SIZE), no bulk, sorting, ETags or password changes.
  SCIMMY.Config.set({
    patch: true,
    filter: MAX_PAGE_SIZE,
    bulk: false,
    sort: false,
    etag: false,
    changePassword: false,
  });

  const router = Router();
  router.use(
    '/:appId/scim/v2',
    resolveApp,
    simulatedConditions((request) => appOfRequest.get(request)?.conditions, random),
    rejectUnparsableFilter,
    refuseUserDelete,
    readOnlyDiscovery,
    alwaysReturnSchemas((request: Request, id: string) => {
      const directory = appOfRequest.get(request)?.directory;
      if (directory?.hasUser(id)) return 'User';
      return directory?.hasGroup(id) ? 'Group' : undefined;
    }),
    tolerantPatchValues,
    fastGroupMembers((request) => appOfRequest.get(request)?.directory, isAuthorized),
    fastUserList((request) => appOfRequest.get(request)?.directory, isAuthorized),
    scim,
  );
  return router;
}
