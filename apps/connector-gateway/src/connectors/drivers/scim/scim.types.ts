import { ConnectorException } from '../../connector.exception';

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCIM_PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export type ScimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One SCIM request to an app; resolves to the parsed JSON body, or undefined for 204 No Content. */
export interface ScimApi {
  request(method: ScimMethod, path: string, body?: unknown): Promise<unknown>;
}

/** A request to any URL of the app, for its own API beside SCIM (sessions, ownership). */
export interface AppHttp {
  call(method: ScimMethod, url: string, body?: unknown): Promise<unknown>;
}

export interface ScimUser {
  [attribute: string]: unknown;
  id: string;
  userName: string;
  externalId?: string;
  active?: boolean;
}

export interface ScimGroupMember {
  value: string;
  display?: string;
}

export interface ScimGroup {
  [attribute: string]: unknown;
  id: string;
  displayName: string;
  members?: ScimGroupMember[];
}

export interface ScimPatchOperation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}

export function patchOp(...operations: ScimPatchOperation[]): { schemas: string[]; Operations: ScimPatchOperation[] } {
  return { schemas: [SCIM_PATCH_OP_SCHEMA], Operations: operations };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An app answering with something that is not SCIM is treated as a passing fault, like a proxy's error page. */
function unexpected(what: string): ConnectorException {
  return new ConnectorException('TEMPORARY', `the app answered with an unexpected ${what}`);
}

export function asScimUser(value: unknown): ScimUser {
  if (isRecord(value) && typeof value.id === 'string' && typeof value.userName === 'string') return value as ScimUser;
  throw unexpected('user resource');
}

export function asScimGroup(value: unknown): ScimGroup {
  if (isRecord(value) && typeof value.id === 'string' && typeof value.displayName === 'string') {
    if (value.members !== undefined && !Array.isArray(value.members)) throw unexpected('group resource');
    return value as ScimGroup;
  }
  throw unexpected('group resource');
}

export function listedResources<T>(value: unknown, as: (item: unknown) => T): T[] {
  return listResponse(value, as).resources;
}

export interface ScimListResponse<T> {
  resources: T[];
  totalResults?: number;
  startIndex?: number;
}

export function listResponse<T>(value: unknown, as: (item: unknown) => T): ScimListResponse<T> {
  if (!isRecord(value)) throw unexpected('list response');
  const resources = value.Resources ?? [];
  if (!Array.isArray(resources)) throw unexpected('list response');
  const number = (field: unknown) => (typeof field === 'number' && Number.isInteger(field) ? field : undefined);
  return {
    resources: resources.map(as),
    totalResults: number(value.totalResults),
    startIndex: number(value.startIndex),
  };
}

/** A number an app put in a JSON answer, e.g. `{"revoked": 3}`. */
export function countIn(value: unknown, field: string): number {
  const count = isRecord(value) ? value[field] : undefined;
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return count;
  throw unexpected(`answer without a count of ${field}`);
}

export { isRecord };

/** RFC 7643: an absent `active` does not mean disabled. */
export function isActive(user: ScimUser): boolean {
  return user.active !== false;
}

export function supportsPatch(serviceProviderConfig: unknown): boolean {
  if (!isRecord(serviceProviderConfig) || !isRecord(serviceProviderConfig.patch)) return true;
  return serviceProviderConfig.patch.supported !== false;
}
