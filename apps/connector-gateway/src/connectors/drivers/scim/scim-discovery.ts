import { isRecord, SCIM_ENTERPRISE_USER_SCHEMA, ScimApi } from './scim.types';

/** What an app says it supports (RFC 7643 §5–6), read once per gateway process. */
export interface ScimFeatures {
  patch: boolean;
  etag: boolean;
  /** The most resources the app returns in one list (filter.maxResults), if it says. */
  maxResults?: number;
  /** Whether the app's User resource type takes the enterprise extension. */
  enterpriseUser: boolean;
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

/**
 * Reads ServiceProviderConfig and ResourceTypes; whatever cannot be read falls
 * back to DEFAULT_FEATURES, and `complete` says whether both were read (only
 * then is the answer worth keeping).
 */
export async function discoverFeatures(api: ScimApi): Promise<ScimFeatures & { complete: boolean }> {
  const [config, resourceTypes] = await Promise.all([
    readOrUndefined(api, '/ServiceProviderConfig'),
    readOrUndefined(api, '/ResourceTypes'),
  ]);
  const spc = isRecord(config) ? config : {};
  const filter = isRecord(spc.filter) ? spc.filter : {};
  const maxResults = typeof filter.maxResults === 'number' && filter.maxResults > 0 ? filter.maxResults : undefined;
  return {
    complete: config !== undefined && resourceTypes !== undefined,
    patch: supported(spc, 'patch', DEFAULT_FEATURES.patch),
    etag: supported(spc, 'etag', DEFAULT_FEATURES.etag),
    ...(maxResults ? { maxResults } : {}),
    enterpriseUser: resourceTypes === undefined ? DEFAULT_FEATURES.enterpriseUser : enterpriseExtended(resourceTypes),
  };
}
