import { subjectKey, subjectKeysOfEvent } from './ssf-subjects';

describe('SSF subjects', () => {
  const issuer = 'https://audit.example.com';

  it('names a subject the same however it was written', () => {
    expect(subjectKey({ format: 'email', email: 'Ada@Example.com' })).toBe(
      subjectKey({ format: 'email', email: 'ada@example.com' }),
    );
    expect(subjectKey({ format: 'iss_sub', iss: `${issuer}/`, sub: 'E1' })).toBe(
      subjectKey({ format: 'iss_sub', iss: issuer, sub: 'E1' }),
    );
    // Formats never clash: an opaque id that reads like an address is not that address.
    expect(subjectKey({ format: 'opaque', id: 'ada@example.com' })).not.toBe(
      subjectKey({ format: 'email', email: 'ada@example.com' }),
    );
  });

  it('finds the person and the app account of an event, never the app itself', () => {
    const keys = subjectKeysOfEvent(
      {
        format: 'complex',
        user: { format: 'opaque', id: 'E1001' },
        tenant: { format: 'opaque', id: 'slack' },
        application: { format: 'opaque', id: 'Ada@Example.com' },
      },
      issuer,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        subjectKey({ format: 'opaque', id: 'E1001' }),
        subjectKey({ format: 'iss_sub', iss: issuer, sub: 'E1001' }),
        subjectKey({ format: 'opaque', id: 'Ada@Example.com' }),
        subjectKey({ format: 'email', email: 'ada@example.com' }),
      ]),
    );
    expect(keys).not.toContain(subjectKey({ format: 'opaque', id: 'slack' }));
    expect(
      subjectKeysOfEvent(
        { format: 'complex', user: { format: 'opaque', id: 'E2' }, application: { id: 'U02ABC' } },
        issuer,
      ),
    ).not.toContain(subjectKey({ format: 'email', email: 'U02ABC' }));
  });
});
