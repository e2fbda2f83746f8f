/** A value in a DN (RFC 4514 §2.4): special characters and edge spaces escaped. */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (character) => `\\${character}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** A value in a search filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL as hex escapes. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (character) => `\\${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** DNs compare case-insensitively in their attribute types and (for the usual string types) values. */
export function sameDn(a: string, b: string): boolean {
  return a.replace(/\s*,\s*/g, ',').toLowerCase() === b.replace(/\s*,\s*/g, ',').toLowerCase();
}

export function isUnder(dn: string, parent: string): boolean {
  const normalised = dn.replace(/\s*,\s*/g, ',').toLowerCase();
  return normalised.endsWith(`,${parent.replace(/\s*,\s*/g, ',').toLowerCase()}`);
}

/** The first RDN of a DN (`uid=ada,ou=people,…` → `uid=ada`), respecting escaped commas. */
export function rdnOf(dn: string): string {
  const index = dn.search(/[^\\],/);
  return index < 0 ? dn : dn.slice(0, index + 1);
}
