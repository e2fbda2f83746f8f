import { parse, ParsedUrlQuery } from 'node:querystring';

/**
 * Express 5 parses `req.query` afresh on every read, so SCIMMY's router cannot
 * turn `startIndex` and `count` into the numbers its paging needs; without
 * them every list would come back in pages of 20 whatever the client asked.
 * This parser does it once for every request of the simulator.
 */
export function parseScimQuery(queryString: string): ParsedUrlQuery | Record<string, unknown> {
  const query: Record<string, unknown> = { ...parse(queryString) };
  for (const name of ['startIndex', 'count']) {
    const value = query[name];
    if (typeof value === 'string' && /^\d{1,9}$/.test(value)) query[name] = Number(value);
  }
  return query;
}
