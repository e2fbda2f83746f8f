import { isRecord, SCIM_ENTERPRISE_USER_SCHEMA, SCIM_USER_SCHEMA, ScimApi } from './scim.types';

/** What an app says it supports (RFC 7643 §5–6), read once per gateway process. */
export interface ScimFeatures {
  patch: boolean;
  etag: boolean;
  /** The most resources the app returns in one list (filter.maxResults), if it says. */
  maxResults?: number;
  /** Whether the app's User resource type takes the enterprise extension. */
  enterpriseUser: boolean;
  /** The attributes of the app's core User schema (lower case), if it publishes them; others are not sent. */
  userAttributes?: ReadonlySet<string>;
}

/** Assumed when an app's discovery endpoints cannot be read: what every major app offers. */
export const DEFAULT_FEATURES: ScimFeatures = { patch: true, etag: false, enterpriseUser: true };

function supported(config: Record<string, unknown>, feature: string, fallback: boolean): boolean {
  const section = config[feature];
  return isRecord(section) && typeof section.supported === 'boolean' ? section.supported : fallback;
}

function enterpriseExtended(resourceTypes: unknown): boolean {
  const list = isRecord(resourceTypes) && Array.isArray(resourceTypes.Resources) ? resourceTypes.Resources : undefined;
  const user = list?.filter(isRecord).find((type) => type.name === 'User' || type.id === 'User');
  if (!user) return DEFAULT_FEATURES.enterpriseUser;
  const extensions = Array.isArray(user.schemaExtensions) ? user.schemaExtensions.filter(isRecord) : [];
  return extensions.some((extension) => extension.schema === SCIM_ENTERPRISE_USER_SCHEMA);
}

async function readOrUndefined(api: ScimApi, path: string): Promise<unknown> {
  try {
    return await api.request('GET', path);
  } catch {
    return undefined;
  }
}

/** The attribute names of the core User schema in a `/Schemas` answer (a list, or one schema). */
function userAttributesIn(schemas: unknown): ReadonlySet<string> | undefined {
  const list = isRecord(schemas) && Array.isArray(schemas.Resources) ? schemas.Resources : [schemas];
  const user = list.filter(isRecord).find((schema) => schema.id === SCIM_USER_SCHEMA);
  if (!user || !Array.isArray(user.attributes)) return undefined;
  const names = user.attributes
    .filter(isRecord)
    .map((attribute) => attribute.name)
    .filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? new Set(names.map((name) => name.toLowerCase())) : undefined;
}

/**
 * Reads ServiceProviderConfig, ResourceTypes and Schemas; whatever cannot be read falls
 * back to DEFAULT_FEATURES, and `complete` says whether both were read (only
 * then is the answer worth keeping).
 */
export async function discoverFeatures(api: ScimApi): Promise<ScimFeatures & { complete: boolean }> {
  const [config, resourceTypes, schemas] = await Promise.all([
    readOrUndefined(api, '/ServiceProviderConfig'),
    readOrUndefined(api, '/ResourceTypes'),
    readOrUndefined(api, '/Schemas'),
  ]);
  const userAttributes = userAttributesIn(schemas);
  const spc = isRecord(config) ? config : {};
  const filter = isRecord(spc.filter) ? spc.filter : {};
  const maxResults = typeof filter.maxResults === 'number' && filter.maxResults > 0 ? filter.maxResults : undefined;
  return {
    complete: config !== undefined && resourceTypes !== undefined,
    patch: supported(spc, 'patch', DEFAULT_FEATURES.patch),
    etag: supported(spc, 'etag', DEFAULT_FEATURES.etag),
    ...(maxResults ? { maxResults } : {}),
    enterpriseUser: resourceTypes === undefined ? DEFAULT_FEATURES.enterpriseUser : enterpriseExtended(resourceTypes),
    ...(userAttributes ? { userAttributes } : {}),
  };
}

/** Attributes every resource has (RFC 7643 §3.1), never listed in a schema's attributes. */
const COMMON_ATTRIBUTES = new Set(['schemas', 'id', 'externalid', 'meta']);

/**
 * A user or a PATCH operation trimmed to what the app's User schema defines, so
 * an app with a narrower schema is not sent attributes it would refuse.
 */
export function keepsAttribute(features: ScimFeatures, attribute: string): boolean {
  if (!features.userAttributes || attribute.startsWith('urn:')) return true;
  const name = attribute.split(/[.[]/)[0].toLowerCase();
  return COMMON_ATTRIBUTES.has(name) || features.userAttributes.has(name);
}
