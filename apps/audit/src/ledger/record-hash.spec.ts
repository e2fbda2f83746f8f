import { canonicalEncoding, canonicalJson, GENESIS_HASH, HashedContent, recordHash } from './record-hash';

const content: HashedContent = {
  seq: '1',
  id: '7d0f3b1e-6a2c-4c55-9d8e-0f7f4b8e2a11',
  outcomeId: 'employee-E1/evt-1/slack/account.create',
  at: '2026-11-26T09:00:00.000Z',
  recordedAt: '2026-11-26T09:00:00.120Z',
  employeeId: 'E1',
  appId: 'slack',
  action: 'account.create',
  outcome: 'succeeded',
  eventId: 'evt-1',
  workflowId: 'employee-E1',
  actor: 'system',
  externalId: 'u-1',
  reason: null,
};

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
