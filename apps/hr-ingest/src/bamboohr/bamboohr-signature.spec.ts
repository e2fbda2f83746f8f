import { checkBambooSignature, signBambooPayload } from './bamboohr-signature';

const KEY = 'bamboohr-private-key-0001';
const BODY = Buffer.from('{"employees":[]}');
const NOW = 1_790_000_000;

describe('checkBambooSignature', () => {
  const signed = (timestamp: string, key = KEY) => ({
    timestamp,
    signature: signBambooPayload(key, timestamp, BODY),
    rawBody: BODY,
  });

  it('accepts the HMAC of body then timestamp, with the timestamp in seconds or ISO-8601', () => {
    expect(checkBambooSignature(signed(String(NOW)), [KEY], NOW)).toBe('valid');
    const iso = new Date(NOW * 1000).toISOString();
    expect(checkBambooSignature(signed(iso), [KEY], NOW)).toBe('valid');
    const compactOffset = '2026-09-21T11:33:20+0000';
    const then = Math.floor(Date.parse('2026-09-21T11:33:20Z') / 1000);
    expect(checkBambooSignature(signed(compactOffset), [KEY], then)).toBe('valid');
  });

  it('accepts either active key and refuses another', () => {
    expect(checkBambooSignature(signed(String(NOW)), ['the-new-key-000000001', KEY], NOW)).toBe('valid');
    expect(checkBambooSignature(signed(String(NOW), 'another-key-0000000001'), [KEY], NOW)).toBe('mismatch');
  });

  it('refuses stale, malformed and missing headers', () => {
    expect(checkBambooSignature(signed(String(NOW - 301)), [KEY], NOW)).toBe('stale');
    expect(checkBambooSignature({ ...signed(String(NOW)), signature: 'zz' }, [KEY], NOW)).toBe('malformed');
    expect(checkBambooSignature(signed('yesterday'), [KEY], NOW)).toBe('malformed');
    expect(checkBambooSignature({ ...signed(String(NOW)), timestamp: undefined }, [KEY], NOW)).toBe('missing');
  });
});
