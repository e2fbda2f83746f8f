import { equalsFilter, filterQuery, resourcePath } from './scim-filter';

describe('SCIM filters and paths', () => {
  it('quotes values so that they cannot change the filter', () => {
    expect(equalsFilter('userName', 'ada@example.com')).toBe('userName eq "ada@example.com"');
    expect(equalsFilter('userName', 'x" or userName pr "')).toBe('userName eq "x\\" or userName pr \\""');
    expect(equalsFilter('displayName', 'a\\b')).toBe('displayName eq "a\\\\b"');
  });

  it('encodes filters and ids into the URL', () => {
    expect(filterQuery('Users', 'externalId eq "E1 2"')).toBe('/Users?filter=externalId%20eq%20%22E1%202%22');
    expect(resourcePath('Users', '../Groups/1')).toBe('/Users/..%2FGroups%2F1');
  });
});
