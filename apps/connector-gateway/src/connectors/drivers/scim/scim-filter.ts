/**
 * `attribute eq "value"` with the value written as a JSON string (RFC 7644
 * §3.4.2.2), so quotes and backslashes in a name cannot change the filter.
 */
export function equalsFilter(attribute: 'userName' | 'externalId' | 'displayName', value: string): string {
  return `${attribute} eq ${JSON.stringify(value)}`;
}

export function filterQuery(resource: 'Users' | 'Groups', filter: string): string {
  return `/${resource}?filter=${encodeURIComponent(filter)}`;
}

export function resourcePath(resource: 'Users' | 'Groups', id: string): string {
  return `/${resource}/${encodeURIComponent(id)}`;
}
