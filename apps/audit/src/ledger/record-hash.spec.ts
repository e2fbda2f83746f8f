import { canonicalEncoding, canonicalJson, GENESIS_HASH, HashedContent, recordHash } from './record-hash';
import { VERSION_1_RECORD } from './test/version-1-record';

const content: HashedContent = VERSION_1_RECORD;

describe('record hash', () => {
  it('encodes content canonically whatever the key order', () => {
    const shuffled = Object.fromEntries(Object.entries(content).reverse()) as unknown as HashedContent;
    expect(canonicalEncoding(shuffled)).toBe(canonicalEncoding(content));
    expect(canonicalEncoding(content)).toMatch(/^\{"action":"account.create","actor":"system",/);
  });

  it('is SHA-256 over the previous hash and the content', () => {
    const hash = recordHash(GENESIS_HASH, content);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recordHash(GENESIS_HASH, content)).toBe(hash);
  });

  it('changes when any field or the previous hash changes', () => {
    const base = recordHash(GENESIS_HASH, content);
    expect(recordHash(GENESIS_HASH, { ...content, outcome: 'failed' })).not.toBe(base);
    expect(recordHash(GENESIS_HASH, { ...content, seq: '2' })).not.toBe(base);
    expect(recordHash('f'.repeat(64), content)).not.toBe(base);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level and leaves arrays in order', () => {
    expect(canonicalJson({ b: [3, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[3,{"c":null,"d":1}]}');
  });

  it('drops undefined members, as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
  });

  it('gives the same text for the same value, however it was built', () => {
    const once = canonicalJson({ changes: [{ appId: 'slack', change: 'create' }], eventType: 'hire' });
    expect(canonicalJson(JSON.parse(once))).toBe(once);
  });
});
