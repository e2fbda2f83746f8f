import type { Request, RequestHandler } from 'express';
import { AppDirectory } from '../directory/app-directory';
import { DirectoryException } from '../directory/directory.exception';
import { scimErrorBody } from './scim-error.body';

const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const REMOVE_MEMBER = /^members\[value eq "((?:[^"\\]|\\.)*)"\]$/i;

interface MemberChange {
  add: unknown[];
  remove: string[];
}

/** A PATCH that only adds members (path `members`) or removes named ones; anything else is SCIMMY's. */
function memberChangeOf(body: unknown): MemberChange | undefined {
  const { schemas, Operations } = (body ?? {}) as { schemas?: unknown; Operations?: unknown };
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) return undefined;
  if (!Array.isArray(Operations) || Operations.length === 0) return undefined;
  const change: MemberChange = { add: [], remove: [] };
  for (const operation of Operations as { op?: unknown; path?: unknown; value?: unknown }[]) {
    const op = String(operation?.op ?? '').toLowerCase();
    const path = typeof operation?.path === 'string' ? operation.path.trim() : '';
    if (op === 'add' && path.toLowerCase() === 'members' && Array.isArray(operation.value)) {
      change.add.push(...operation.value);
      continue;
    }
    const removed = op === 'remove' ? REMOVE_MEMBER.exec(path) : null;
    if (!removed) return undefined;
    change.remove.push(JSON.parse(`"${removed[1]}"`) as string);
  }
  return change;
}

/**
 * `PATCH /Groups/:id` adding or removing members, applied to just those
 * members and answered 204 (RFC 7644 §3.5.2): SCIMMY would read the whole
 * group, apply the operations and write every member back, which makes a
 * join to a 10,000-member group cost as much as rebuilding it. Any other
 * PATCH, and anything unauthorized, goes on to SCIMMY.
 */
export function fastGroupMembers(
  directoryOf: (request: Request) => AppDirectory | undefined,
  isAuthorized: (request: Request) => boolean,
): RequestHandler {
  return (request, response, next) => {
    const groupId = /^\/Groups\/([^/]+)$/.exec(request.path)?.[1];
    const directory = request.method === 'PATCH' && groupId && isAuthorized(request) ? directoryOf(request) : undefined;
    const query = request.query as Record<string, unknown>;
    const change = directory && !('attributes' in query) ? memberChangeOf(request.body) : undefined;
    if (!directory || !groupId || !change) {
      next();
      return;
    }
    try {
      directory.changeMembers(decodeURIComponent(groupId), change);
      response.status(204).end();
    } catch (error) {
      if (!(error instanceof DirectoryException)) throw error;
      const status = error.code === 'NOT_FOUND' ? 404 : 400;
      response
        .status(status)
        .type('application/scim+json')
        .json(scimErrorBody(status, error.message, status === 400 ? 'invalidValue' : undefined));
    }
  };
}
