import fc from 'fast-check';

/** Every path to a value inside a JSON value, the root included. */
export function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => leafPaths(item, [...path, index]))];
  if (value && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))];
  }
  return [path];
}

/** A copy of a JSON value with the value at a path replaced (or removed). */
export function replaceAt(template: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(template)) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A valid value with one value somewhere replaced by anything JSON can hold, or removed. */
export function mutatedValue(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...leafPaths(template)), fc.jsonValue(), fc.boolean())
    .map(([path, value, remove]) => replaceAt(template, path, value, remove));
}

/** The same, as the JSON text a sender would post. */
export function mutated(template: Record<string, unknown>): fc.Arbitrary<string> {
  return mutatedValue(template).map((value) => JSON.stringify(value));
}

/**
 * Times as senders write them: valid instants near now, borderline ones
 * (DST gaps, extreme offsets, the first and last years ISO-8601 has, leap
 * days) and ones that look like ISO-8601 to a validator but are no time a
 * program reads (week and ordinal dates, basic format, decimal hours).
 */
export function senderTime(nowMs: number): fc.Arbitrary<string> {
  const valid = fc
    .integer({ min: -30 * 86_400_000, max: 60_000 })
    .map((offset) => new Date(nowMs + offset).toISOString());
  const borderline = fc.constantFrom(
    '2026-03-29T01:30:00',
    '2026-10-25T01:30:00',
    '2026-12-01T09:00:00+14:00',
    '2026-12-01T09:00:00-23:59',
    '2026-12-01T24:00Z',
    '2028-02-29',
    '0001-01-01T00:00:00Z',
    '9999-12-31',
    '9999-12-31T23:59:59.999Z',
    '9999-12-31T23:00:00-23:59',
    '1970-01-01T00:00:00Z',
    '2026-12-01T09:00:00.123456789Z',
  );
  const isoLooking = fc.constantFrom(
    '20261201',
    '20261231',
    '2026-W49-2',
    '2026-335',
    '2026-12-01T09,5Z',
    '20261201T090000+0100',
    '2026-12-01 09:00:00Z',
  );
  const hostile = fc.oneof(
    fc.constantFrom('', 'now', 'first monday of next month', '2026-13-45T00:00:00Z', '2026-02-30', '\u0000'),
    fc.string({ maxLength: 30 }),
  );
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 2, arbitrary: borderline },
    { weight: 2, arbitrary: isoLooking },
    { weight: 1, arbitrary: hostile },
  );
}

/** Free text as HR systems send it, and as no app expects it: unicode, control characters, half surrogate pairs. */
export function senderText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('Engineering', 'Sales', 'IT', 'Support') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('Engi\u0000neering', 'half \ud800 pair', '\u202eevil', 'x'.repeat(128), ' ', ''),
    },
  );
}
