import SCIMMY from 'scimmy';

/** Attributes whose values are compared exactly (RFC 7643: id and externalId are caseExact; meta holds dates). */
const CASE_EXACT = new Set(['id', 'externalid', 'meta']);

function fold(value: unknown, exact: boolean): unknown {
  if (typeof value === 'string') return exact ? value : value.toLowerCase();
  if (Array.isArray(value)) return value.map((item) => fold(item, exact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fold(item, exact || CASE_EXACT.has(key.toLowerCase()))]),
    );
  }
  return value;
}

/**
 * SCIMMY's Filter compares strings exactly, but most SCIM attributes (userName,
 * emails, displayName) are case-insensitive: a client looking up `userName eq
 * "Ada@Example.com"` must find `ada@example.com`, as in a real app. Both the
 * filter's values and the resources are folded to lower case, except the
 * case-exact attributes, before SCIMMY matches them.
 */
export function matchCaseInsensitive<T extends object>(filter: SCIMMY.Types.Filter | undefined, resources: T[]): T[] {
  if (!filter || filter.length === 0) return resources;
  const expressions = fold(JSON.parse(JSON.stringify([...filter])), false) as object[];
  const compiled = new SCIMMY.Types.Filter(expressions);
  return resources.filter((resource) => matchesOne(compiled, fold(resource, false)));
}

/** SCIMMY throws when a filtered complex attribute is absent from a resource; absent means no match. */
function matchesOne(filter: SCIMMY.Types.Filter, resource: unknown): boolean {
  try {
    return filter.match([resource]).length > 0;
  } catch {
    return false;
  }
}
