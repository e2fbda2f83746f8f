import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps paths of the console', () => {
    for (const path of ['/', '/people/E1001', '/people?q=ada%20l', '/audit']) expect(safeReturnTo(path)).toBe(path);
  });

  it('sends anything that could leave the console to its start page', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', 'people', '/a b', '', undefined, ['/x']]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });
});
