import express, { Request, RequestHandler } from 'express';
import { scimErrorBody } from './scim-error.body';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const ENTERPRISE_ATTRIBUTES = ['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager'];

const DISCOVERY = /^\/(ServiceProviderConfig|ResourceTypes|Schemas)(\/|$)/;

/** The discovery endpoints are read-only (RFC 7644 §4): other methods answer 405, not SCIMMY's 404. */
export const readOnlyDiscovery: RequestHandler = (request, response, next) => {
  if (request.method === 'GET' || !DISCOVERY.test(request.path)) return next();
  response
    .status(405)
    .set('Allow', 'GET')
    .type('application/scim+json')
    .json(scimErrorBody(405, `${request.method} is not allowed on ${request.path}`));
};

type Json = Record<string, unknown>;

function withoutNestedSchemas(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNestedSchemas);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json)
      .filter(([key]) => key !== 'schemas')
      .map(([key, item]) => [key, withoutNestedSchemas(item)]),
  );
}

/**
 * A PATCH value may carry a whole extension object with its own `schemas`
 * member, which SCIMMY cannot apply; the schema is implied by the path, so it is dropped.
 */
const parseJson = express.json({ type: ['application/scim+json', 'application/json'], limit: '1mb' });

export const tolerantPatchValues: RequestHandler = (request, response, next) => {
  if (request.method !== 'PATCH') return next();
  // Parsed here (SCIMMY's own parser then leaves the body alone) so the operations can be looked at.
  parseJson(request, response, (error?: unknown) => {
    if (error) {
      response
        .status(400)
        .type('application/scim+json')
        .json(scimErrorBody(400, 'the request body is not valid JSON', 'invalidSyntax'));
      return;
    }
    dropNestedSchemas(request.body as { Operations?: unknown } | undefined);
    next();
  });
};

function dropNestedSchemas(body: { Operations?: unknown } | undefined): void {
  if (!body || !Array.isArray(body.Operations)) return;
  body.Operations = body.Operations.flatMap((operation: Json) => {
    if (!operation || typeof operation !== 'object') return [operation];
    // Removing a whole extension (path = its URN), which SCIMMY cannot do, is removing each of its attributes.
    if (String(operation.op).toLowerCase() === 'remove' && operation.path === ENTERPRISE_SCHEMA) {
      return ENTERPRISE_ATTRIBUTES.map((name) => ({ op: 'remove', path: `${ENTERPRISE_SCHEMA}:${name}` }));
    }
    return ['value' in operation ? { ...operation, value: withoutNestedSchemas(operation.value) } : operation];
  });
}

export type ResourceTypeOf = (request: Request, id: string) => 'User' | 'Group' | undefined;

/** The resource type from the endpoint, or (for /.search across types) from the app's own records by id. */
function schemasFor(path: string, resource: Json, typeById: (id: string) => string | undefined): string[] | undefined {
  const byPath = /^\/Users(\/|$)/.test(path) ? 'User' : /^\/Groups(\/|$)/.test(path) ? 'Group' : undefined;
  const type = byPath ?? (typeof resource.id === 'string' ? typeById(resource.id) : undefined);
  if (type === 'User') return ENTERPRISE_SCHEMA in resource ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA];
  if (type === 'Group') return [GROUP_SCHEMA];
  return undefined;
}

/**
 * `schemas` is always returned (RFC 7643 §3), but SCIMMY leaves it out when the
 * client asks for only some attributes; it is put back from the resource type.
 */
export const alwaysReturnSchemas =
  (typeOf: ResourceTypeOf): RequestHandler =>
  (request, response, next) => {
    const search = request.method === 'POST' && /\/\.search$/.test(request.path);
    const filtered = 'attributes' in request.query || 'excludedAttributes' in request.query;
    if (!search && !(request.method === 'GET' && filtered)) return next();
    // Captured now: routers further down rewrite request.path.
    const path = request.path;
    const json = response.json.bind(response);
    response.json = (sent: unknown) => {
      // SCIMMY sends class instances; their JSON form is what the client gets.
      const body = JSON.parse(JSON.stringify(sent ?? null)) as unknown;
      const add = (resource: unknown) => {
        if (!resource || typeof resource !== 'object' || Array.isArray((resource as Json).schemas)) return resource;
        const schemas = schemasFor(path, resource as Json, (id) => typeOf(request, id));
        return schemas ? { schemas, ...(resource as Json) } : resource;
      };
      const list = body as { Resources?: unknown[] } | undefined;
      if (Array.isArray(list?.Resources)) return json({ ...list, Resources: list.Resources.map(add) });
      return json(add(body));
    };
    next();
  };
