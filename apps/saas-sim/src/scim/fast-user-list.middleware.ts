import type { Request, RequestHandler } from 'express';
import { AppDirectory } from '../directory/app-directory';
import { StoredUser } from '../directory/directory-records';

const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The largest page the simulated apps serve; advertised as filter.maxResults in ServiceProviderConfig. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 20;

/** Query parameters that need SCIMMY's full treatment; without any of them a list is a plain page. */
const NEEDS_SCIMMY = ['filter', 'attributes', 'excludedAttributes', 'sortBy', 'sortOrder'];

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** The same representation SCIMMY gives a user (schemas, meta.resourceType and location), built directly. */
function representation(user: StoredUser, usersUrl: string): Record<string, unknown> {
  return {
    ...user,
    schemas: ENTERPRISE_SCHEMA in user ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    meta: { resourceType: 'User', ...user.meta, location: `${usersUrl}/${user.id}` },
  };
}

/**
 * `GET /Users` without a filter, served straight from the directory: SCIMMY
 * coerces every user of the app through its schema for each page (about half
 * a millisecond each), which makes paging through a 10,000-user app take
 * minutes. A page here costs only its own users.
 */
export function fastUserList(
  directoryOf: (request: Request) => AppDirectory | undefined,
  isAuthorized: (request: Request) => boolean,
): RequestHandler {
  return (request, response, next) => {
    // Anything else, an unauthorized request included, is SCIMMY's to answer.
    const directory = isAuthorized(request) ? directoryOf(request) : undefined;
    const query = request.query as Record<string, unknown>;
    if (
      request.method !== 'GET' ||
      request.path !== '/Users' ||
      !directory ||
      NEEDS_SCIMMY.some((name) => name in query)
    ) {
      next();
      return;
    }
    const startIndex = Math.max(1, positive(query.startIndex, 1));
    const count = Math.min(MAX_PAGE_SIZE, positive(query.count, DEFAULT_PAGE_SIZE));
    const usersUrl = `${request.protocol}://${request.get('host')}${request.baseUrl}/Users`;
    const users = directory.usersPage(startIndex, count);
    response.type('application/scim+json').json({
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: directory.userCount(),
      Resources: users.map((user) => representation(user, usersUrl)),
      startIndex,
      itemsPerPage: count,
    });
  };
}
