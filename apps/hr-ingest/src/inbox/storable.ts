import type { FieldError } from '@tenure/contracts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * PostgreSQL's jsonb refuses the NUL character and unpaired surrogates. They
 * have no place in HR data either, and refusing them here keeps one bad
 * request from failing the batch it would have shared a transaction with.
 */
export function unstorableFields(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') || LONE_SURROGATE.test(value)
      ? [{ field: path, message: `${path || 'value'} contains characters that cannot be stored` }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableFields(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...unstorableFields(key, path),
      ...unstorableFields(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}
