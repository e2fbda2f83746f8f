import SCIMMY from 'scimmy';
import { matchCaseInsensitive } from './case-insensitive-filter';

const users = [
  {
    id: 'A1',
    userName: 'Ada.Lovelace@Example.com',
    externalId: 'E1',
    emails: [{ value: 'Ada@Example.com', type: 'work' }],
  },
  { id: 'a2', userName: 'grace@example.com', externalId: 'e1', active: false },
];

const match = (expression: string) =>
  matchCaseInsensitive(new SCIMMY.Types.Filter(expression), users).map((user) => user.id);

describe('matchCaseInsensitive', () => {
  it('finds a userName whatever its case', () => {
    expect(match('userName eq "ada.lovelace@example.com"')).toEqual(['A1']);
    expect(match('userName eq "GRACE@EXAMPLE.COM"')).toEqual(['a2']);
  });

  it('compares externalId and id exactly', () => {
    expect(match('externalId eq "E1"')).toEqual(['A1']);
    expect(match('externalId eq "e1"')).toEqual(['a2']);
    expect(match('id eq "a1"')).toEqual([]);
  });

  it('folds multi-valued sub-attributes and keeps booleans', () => {
    expect(match('emails[value eq "ada@example.com"]')).toEqual(['A1']);
    expect(match('active eq false')).toEqual(['a2']);
  });

  it('returns the original resources, unchanged', () => {
    const [found] = matchCaseInsensitive(new SCIMMY.Types.Filter('userName sw "ada"'), users);
    expect(found).toBe(users[0]);
  });

  it('returns everything without a filter', () => {
    expect(matchCaseInsensitive(undefined, users)).toHaveLength(2);
  });
});
