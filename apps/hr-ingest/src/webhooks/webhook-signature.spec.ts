import { checkSignature, signPayload } from './webhook-signature';

const SECRET = 'a-test-secret-of-some-length';
const BODY = Buffer.from('{"eventId":"evt-1"}');
const NOW = 1_790_000_000;

function signed(overrides: Partial<{ timestamp: string; signature: string; rawBody: Buffer }> = {}) {
  const timestamp = overrides.timestamp ?? String(NOW);
  return {
    timestamp,
    signature: overrides.signature ?? `v1=${signPayload(SECRET, timestamp, BODY)}`,
    rawBody: overrides.rawBody ?? BODY,
  };
}

describe('checkSignature', () => {
  it('accepts a body signed with the secret', () => {
    expect(checkSignature(signed(), [SECRET], NOW)).toBe('valid');
  });

  it('accepts a signature made with any of the active secrets (rotation)', () => {
    expect(checkSignature(signed(), ['the-new-secret-0000000', SECRET], NOW)).toBe('valid');
  });

  it('refuses a body changed after signing', () => {
    expect(checkSignature(signed({ rawBody: Buffer.from('{"eventId":"evt-2"}') }), [SECRET], NOW)).toBe('mismatch');
  });

  it('refuses a signature made with another secret', () => {
    const forged = `v1=${signPayload('not-the-secret-at-all', String(NOW), BODY)}`;
    expect(checkSignature(signed({ signature: forged }), [SECRET], NOW)).toBe('mismatch');
  });

  it('refuses timestamps more than 300 s away, either way', () => {
    for (const skew of [-301, 301]) {
      const timestamp = String(NOW + skew);
      const signature = `v1=${signPayload(SECRET, timestamp, BODY)}`;
      expect(checkSignature({ timestamp, signature, rawBody: BODY }, [SECRET], NOW)).toBe('stale');
    }
    const edge = String(NOW - 300);
    expect(
      checkSignature(
        { timestamp: edge, signature: `v1=${signPayload(SECRET, edge, BODY)}`, rawBody: BODY },
        [SECRET],
        NOW,
      ),
    ).toBe('valid');
  });

  it('reports missing and malformed headers', () => {
    expect(checkSignature({ timestamp: undefined, signature: 'v1=00', rawBody: BODY }, [SECRET], NOW)).toBe('missing');
    expect(checkSignature(signed({ timestamp: 'yesterday' }), [SECRET], NOW)).toBe('malformed');
    expect(checkSignature(signed({ signature: 'sha256=abc' }), [SECRET], NOW)).toBe('malformed');
  });
});
