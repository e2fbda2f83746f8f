import type { FieldError } from '@tenure/contracts';
import type { NewAuditRecord } from './new-audit-record';

/** The chain hashes times as toISOString writes them and PostgreSQL's to_char reads them back: four-digit years. */
const FIRST_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * PostgreSQL text cannot hold NUL, and a half of a UTF-16 surrogate pair
 * would be stored as U+FFFD while the hash covers the original: the stored
 * record would no longer verify.
 */
// eslint-disable-next-line no-control-regex -- NUL is the character being looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const TIME_FIELDS = ['at', 'effectiveAt'] as const;

/**
 * What keeps a record from taking its place in the chain exactly as it was
 * hashed, one error per field; none for a record that can be appended.
 */
export function recordProblems(record: NewAuditRecord): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of TIME_FIELDS) {
    const value = record[field];
    if (value === null && field === 'effectiveAt') continue;
    const ms = value instanceof Date ? value.getTime() : NaN;
    if (!(ms >= FIRST_MS && ms <= LAST_MS)) {
      problems.push({ field, message: `${field} must be a time between the years 0001 and 9999` });
    }
  }
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string' && UNSTORABLE.test(value)) {
      problems.push({ field, message: `${field} holds a NUL character or a broken UTF-16 surrogate pair` });
    }
  }
  return problems;
}
