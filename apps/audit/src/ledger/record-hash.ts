import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The content version 1 records were hashed over (outcomes only, before record kinds). */
export interface HashedContentV1 {
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

/** The fields a version 2 record's hash covers: all of its content, including its place in the chain. */
export interface HashedContentV2 {
  hashVersion: 2;
  seq: string;
  id: string;
  sourceId: string;
  kind: string;
  at: string;
  recordedAt: string;
  employeeId: string;
  appId: string | null;
  action: string;
  outcome: string | null;
  eventId: string;
  workflowId: string | null;
  actor: string;
  actorId: string | null;
  rule: string | null;
  group: string | null;
  externalId: string | null;
  reason: string | null;
  effectiveAt: string | null;
  /** Canonical JSON of the record's further details (see canonicalJson), hashed as this exact text. */
  details: string | null;
}

export type HashedContent = HashedContentV1 | HashedContentV2;

/** JSON with object keys sorted at every level and no white space: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Canonical JSON of a record's content: keys sorted, no white space, absent values as null. */
export function canonicalEncoding(content: HashedContent): string {
  const keys = Object.keys(content).sort() as (keyof HashedContent)[];
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, content[key as keyof typeof content] ?? null])));
}

/** SHA-256 over the previous record's hash and this record's canonical content. */
export function recordHash(prevHash: string, content: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEncoding(content)).digest('hex');
}
