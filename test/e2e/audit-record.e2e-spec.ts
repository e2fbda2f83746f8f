import { parse } from 'csv-parse/sync';
import { TOPICS } from '@tenure/contracts';
import { uniqueId, waitFor } from '@tenure/testing';
import { AuditClient, AuditRecordView, outcomeMessage, recomputeHash } from './audit-client';

/** The audit API as a security team uses it: who may read, filters, paging, exports and the chain's proof. */
describe('audit record', () => {
  const audit = new AuditClient();
  const employeeId = uniqueId('E-audit');
  const start = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
  const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
  let planted: AuditRecordView[];

  beforeAll(async () => {
    await audit.publish(TOPICS.lifecycleOutcomes, [
      outcomeMessage({ employeeId, appId: 'slack', action: 'account.create', at: minutes(0) }),
      outcomeMessage({ employeeId, appId: 'zoom', action: 'account.create', at: minutes(1) }),
      outcomeMessage({ employeeId, appId: 'slack', action: 'group.add', group: 'eng, "core"', at: minutes(2) }),
      outcomeMessage({
        employeeId,
        appId: 'zoom',
        action: 'account.disable',
        at: minutes(3),
        outcome: 'failed',
        reason: 'zoom answered 503, "try later"\nsecond line',
      }),
      outcomeMessage({
        employeeId,
        appId: 'zoom',
        action: 'account.disable',
        at: minutes(4),
        actor: 'operator',
        actorId: 'jane.ops',
      }),
      outcomeMessage({ employeeId, appId: 'slack', action: 'account.disable', at: minutes(5) }),
    ]);
    planted = await waitFor(
      () => audit.allEvents({ employeeId }),
      (items) => items.length === 6,
      { description: 'the six planted outcomes in the audit record' },
    );
  });

  afterAll(() => audit.close());

  describe('who may read it', () => {
    const endpoints: [string, Record<string, string>][] = [
      ['/v1/audit/events', {}],
      ['/v1/audit/verify', {}],
      ['/v1/audit/export', { format: 'jsonl', employeeId }],
      ['/v1/audit/access', { employeeId, at: minutes(10).toISOString() }],
      ['/v1/audit/deprovisioning', {}],
      ['/v1/audit/evidence', {}],
    ];

    it.each(endpoints)('refuses %s without a token or with a wrong one (401)', async (path, query) => {
      expect((await audit.get(path, query, null)).status).toBe(401);
      expect((await audit.get(path, query, 'wrong-token-wrong-token')).status).toBe(401);
    });

    it.each(endpoints)('refuses %s to a valid credential without the read scope (403)', async (path, query) => {
      const response = await audit.get(path, query, audit.operatorToken);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        error: 'forbidden',
        message: 'this service credential lacks the scope audit:read',
      });
    });

    it('lets the operator token see whether ingest keeps up, and nothing more', async () => {
      const response = await audit.get<{ records: number; lastRecordedAt: string }>(
        '/v1/audit/status',
        {},
        audit.operatorToken,
      );
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['lastRecordedAt', 'records']);
      expect(response.body.records).toBeGreaterThanOrEqual(6);
      expect((await audit.get('/v1/audit/status', {}, null)).status).toBe(401);
    });
  });

  describe('queries', () => {
    it('records each outcome with who, what, which app, the result, the actor and the reason', () => {
      expect(planted.map((r) => [r.appId, r.action, r.outcome, r.at])).toEqual([
        ['slack', 'account.create', 'succeeded', minutes(0).toISOString()],
        ['zoom', 'account.create', 'succeeded', minutes(1).toISOString()],
        ['slack', 'group.add', 'succeeded', minutes(2).toISOString()],
        ['zoom', 'account.disable', 'failed', minutes(3).toISOString()],
        ['zoom', 'account.disable', 'succeeded', minutes(4).toISOString()],
        ['slack', 'account.disable', 'succeeded', minutes(5).toISOString()],
      ]);
      expect(planted[2]).toMatchObject({ group: 'eng, "core"', kind: 'outcome', hashVersion: 2 });
      expect(planted[3].reason).toBe('zoom answered 503, "try later"\nsecond line');
      expect(planted[4]).toMatchObject({ actor: 'operator', actorId: 'jane.ops' });
    });

    it('pages newest first by default and oldest first on request, without overlap', async () => {
      const newest = await audit.get<{ items: AuditRecordView[]; nextCursor: string }>('/v1/audit/events', {
        employeeId,
        limit: '4',
      });
      expect(newest.body.items.map((r) => r.seq)).toEqual(
        planted
          .slice(2)
          .reverse()
          .map((r) => r.seq),
      );
      const rest = await audit.get<{ items: AuditRecordView[]; nextCursor: null }>('/v1/audit/events', {
        employeeId,
        limit: '4',
        cursor: newest.body.nextCursor,
      });
      expect(rest.body.items.map((r) => r.seq)).toEqual([planted[1].seq, planted[0].seq]);
      expect(rest.body.nextCursor).toBeNull();
    });

    it('filters by app, action, outcome, actor and time range', async () => {
      const seqs = async (query: Record<string, string>) =>
        (await audit.allEvents({ employeeId, ...query })).map((r) => r.seq);
      const at = (...indexes: number[]) => indexes.map((i) => planted[i].seq);
      expect(await seqs({ appId: 'zoom' })).toEqual(at(1, 3, 4));
      expect(await seqs({ action: 'account.disable' })).toEqual(at(3, 4, 5));
      expect(await seqs({ outcome: 'failed' })).toEqual(at(3));
      expect(await seqs({ actor: 'operator' })).toEqual(at(4));
      expect(await seqs({ actorId: 'jane.ops' })).toEqual(at(4));
      expect(await seqs({ from: minutes(1).toISOString(), to: minutes(3).toISOString() })).toEqual(at(1, 2));
      expect(await seqs({ eventId: 'evt-planted', appId: 'slack', action: 'group.add' })).toEqual(at(2));
    });

    it('answers a bad filter with 400 and the fields at fault', async () => {
      const response = await audit.get<{ errors: { field: string }[] }>('/v1/audit/events', {
        action: 'account.explode',
        from: 'yesterday',
        limit: '5000',
        cursor: '99999999999999999999',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e) => e.field).sort()).toEqual(['action', 'cursor', 'from', 'limit']);
    });
  });

  describe('exports', () => {
    it('streams JSON Lines that match the query record for record', async () => {
      const response = await audit.text('/v1/audit/export', { format: 'jsonl', employeeId });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
      const lines = response.body.trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line))).toEqual(planted);
    });

    it('streams CSV with the same records, newest first on request, quoting what needs quoting', async () => {
      const response = await audit.text('/v1/audit/export', { format: 'csv', employeeId, order: 'desc' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/csv/);
      const rows = parse(response.body, { columns: true }) as Record<string, string>[];
      const expected = [...planted].reverse();
      expect(rows.map((r) => [r.seq, r.hash, r.action, r.at, r.outcome])).toEqual(
        expected.map((r) => [r.seq, r.hash, r.action, r.at, r.outcome]),
      );
      expect(rows.find((r) => r.seq === planted[3].seq)?.reason).toBe(planted[3].reason);
      expect(rows.find((r) => r.seq === planted[2].seq)?.group).toBe('eng, "core"');
    });

    it('exports only the filtered range', async () => {
      const response = await audit.text('/v1/audit/export', {
        format: 'jsonl',
        employeeId,
        outcome: 'failed',
      });
      expect(
        response.body
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).seq),
      ).toEqual([planted[3].seq]);
    });

    it('refuses an unknown format with 400', async () => {
      const response = await audit.get<{ errors: { field: string; message: string }[] }>('/v1/audit/export', {
        format: 'xlsx',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'format', message: 'format must be csv or jsonl' }]);
    });
  });

  describe('delivery', () => {
    it('makes no second record when Kafka delivers a message again', async () => {
      const first = outcomeMessage({ employeeId, appId: 'slack', action: 'account.create', at: minutes(0) });
      const marker = outcomeMessage({ employeeId, appId: 'github', action: 'account.create', at: minutes(9) });
      await audit.publish(TOPICS.lifecycleOutcomes, [first, first, marker]);
      const items = await waitFor(
        () => audit.allEvents({ employeeId }, 100),
        (found) => found.some((r) => r.appId === 'github'),
        { description: 'the message behind the redelivered ones' },
      );
      expect(items.map((r) => r.seq)).toEqual([...planted.map((r) => r.seq), items[items.length - 1].seq]);
    });
  });

  describe('proof', () => {
    it('shows hashes anyone can recompute from the record itself, each linked to the one before', async () => {
      for (const record of planted) expect(recomputeHash(record)).toBe(record.hash);
      const previous = await audit.get<{ items: AuditRecordView[] }>('/v1/audit/events', {
        cursor: planted[1].seq,
        limit: '1',
      });
      expect(previous.body.items[0].hash).toBe(planted[1].prevHash);
    });

    it('verifies the whole chain', async () => {
      const response = await audit.get<{ ok: boolean; count: number; lastSeq: string; lastHash: string }>(
        '/v1/audit/verify',
      );
      expect(response.body).toMatchObject({ ok: true });
      expect(BigInt(response.body.lastSeq)).toBeGreaterThanOrEqual(BigInt(planted[5].seq));
      expect(response.body.count).toBe(Number(response.body.lastSeq));
    });
  });
});
