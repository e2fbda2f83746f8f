import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a record's hash covers: all of its content, including its place in the chain. */
export interface HashedContent {
  seq: string;
  id: string;
  outcomeId: string;
  at: string;
  recordedAt: string;
  employeeId: string;
  appId: string;
  action: string;
  outcome: string;
  eventId: string;
  workflowId: string;
  actor: string;
  externalId: string | null;
  reason: string | null;
}

/** Canonical JSON: keys sorted, no white space, absent values as null; the same content always gives the same bytes. */
export function canonicalEncoding(content: HashedContent): string {
  const keys = Object.keys(content).sort() as (keyof HashedContent)[];
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, content[key] ?? null])));
}

/** SHA-256 over the previous record's hash and this record's canonical content. */
export function recordHash(prevHash: string, content: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEncoding(content)).digest('hex');
}
