import { createHash } from 'node:crypto';
import type { PolicyConfig } from '@tenure/policy';

/**
 * The identity of a policy version: SHA-256 of its rules (lifecycle timing
 * settings change no one's entitlements, so they are left out). Key order is
 * normalised so reformatting the file is not a new version.
 */
export function policyFingerprint(policy: PolicyConfig): string {
  return createHash('sha256').update(canonicalJson(policy.rules)).digest('hex').slice(0, 32);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
