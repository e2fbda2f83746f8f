import { DataSource } from 'typeorm';
import { ensureSchema, postgresOptions } from '@tenure/database';
import { testStack, uniqueId } from '@tenure/testing';
import { ChainVerifierService } from '../verify/chain-verifier.service';
import { AuditLedgerService } from './audit-ledger.service';
import { AUDIT_ROW_COLUMNS, AuditRow, hashedContentOf } from './audit-row';
import { AUDIT_MIGRATIONS } from './migrations';
import { CreateAuditChain1764100000002 } from './migrations/1764100000002-create-audit-chain';
import type { NewAuditRecord } from './new-audit-record';
import { canonicalJson, GENESIS_HASH, recordHash } from './record-hash';
import { VERSION_1_RECORD } from './test/version-1-record';

/** The audit chain against the real PostgreSQL, in a schema of its own per test. */
describe('audit ledger', () => {
  const { databaseUrl } = testStack();
  let dataSource: DataSource;
  let ledger: AuditLedgerService;
  let verifier: ChainVerifierService;
  let schema: string;

  const outcome = (n: number): NewAuditRecord => ({
    sourceId: `employee-E${n}/evt-${n}/slack/account.create`,
    kind: 'outcome',
    at: new Date(Date.UTC(2026, 10, 26, 9, 0, n)),
    employeeId: `E${n}`,
    appId: 'slack',
    action: 'account.create',
    outcome: 'succeeded',
    eventId: `evt-${n}`,
    workflowId: `employee-E${n}`,
    actor: 'system',
    actorId: null,
    rule: 'engineering-birthright',
    group: null,
    externalId: `u-${n}`,
    reason: null,
    effectiveAt: null,
    details: null,
  });

  const rows = (): Promise<AuditRow[]> =>
    dataSource.query(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events ORDER BY seq`);

  async function open(migrations: typeof AUDIT_MIGRATIONS): Promise<DataSource> {
    const source = new DataSource(postgresOptions({ url: databaseUrl, schema, entities: [], migrations }));
    await source.initialize();
    return source;
  }

  /**
   * What an intruder with the table owner's rights could do: give itself back
   * the privileges the migration revoked and switch the append-only trigger off.
   */
  async function tamper(sql: string): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await manager.query('GRANT UPDATE, DELETE ON audit_events TO CURRENT_USER');
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await manager.query(sql);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      await manager.query('REVOKE UPDATE, DELETE ON audit_events FROM CURRENT_USER');
    });
  }

  beforeEach(async () => {
    schema = uniqueId('audit_it').replace(/-/g, '_').toLowerCase();
    await ensureSchema(databaseUrl, schema);
    dataSource = await open(AUDIT_MIGRATIONS);
    ledger = new AuditLedgerService(dataSource);
    verifier = new ChainVerifierService(dataSource);
  });

  afterEach(async () => {
    if (!dataSource?.isInitialized) return;
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  describe('with four records', () => {
    beforeEach(async () => {
      expect(await ledger.append([1, 2, 3, 4].map(outcome))).toEqual({ appended: 4, duplicates: 0 });
    });

    it('chains records and verifies an intact chain', async () => {
      const records = await rows();
      expect(records.map((r) => r.seq)).toEqual(['1', '2', '3', '4']);
      expect(records[0].prevHash).toBe(GENESIS_HASH);
      expect(records[1].prevHash).toBe(records[0].hash);
      expect(records[3]).toMatchObject({ hashVersion: 2, rule: 'engineering-birthright', externalId: 'u-4' });
      expect(await verifier.verify()).toEqual({ ok: true, count: 4, lastSeq: '4', lastHash: records[3].hash });
    });

    it('makes no second record for a redelivered message, in a later batch or in the same one', async () => {
      expect(await ledger.append([outcome(2), outcome(5), outcome(5)])).toEqual({ appended: 1, duplicates: 2 });
      expect((await rows()).map((r) => r.sourceId)).toHaveLength(5);
      expect(await verifier.verify()).toMatchObject({ ok: true, count: 5 });
    });

    it('keeps a consistent chain under concurrent batches', async () => {
      const results = await Promise.all([[5, 6], [7], [8, 9, 6], [6]].map((ns) => ledger.append(ns.map(outcome))));
      expect(results.reduce((sum, r) => sum + r.appended, 0)).toBe(5);
      expect(await verifier.verify()).toMatchObject({ ok: true, count: 9 });
    });

    it('keeps the chain in order past 9, 99 and 999 records, batches arriving together', async () => {
      const batches = Array.from({ length: 12 }, (_, b) =>
        Array.from({ length: 90 }, (_, i) => outcome(5 + b * 90 + i)),
      );
      await Promise.all(batches.map((batch) => ledger.append(batch)));
      const records = await rows();
      expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 1084 }, (_, i) => String(i + 1)));
      expect(await verifier.verify()).toMatchObject({ ok: true, count: 1084, lastSeq: '1084' });
    });

    it('verifies across pages and finds a record missing at either edge of one', async () => {
      await ledger.append(Array.from({ length: 296 }, (_, i) => outcome(5 + i)));
      expect(await verifier.verify(100)).toMatchObject({ ok: true, count: 300, lastSeq: '300' });
      await tamper('DELETE FROM audit_events WHERE seq = 201');
      expect(await verifier.verify(100)).toMatchObject({ ok: false, count: 200, brokenAt: { seq: '202' } });
      await tamper('DELETE FROM audit_events WHERE seq = 200');
      expect(await verifier.verify(100)).toEqual({
        ok: false,
        count: 199,
        brokenAt: { seq: '200', id: null },
        reason: 'record 200 is missing',
      });
    });

    it('verifies records whatever characters they hold (the database recomputes the hashes)', async () => {
      await ledger.append([
        {
          ...outcome(5),
          reason: 'quote " backslash \\ tab \t newline \n bell \u0007 del \u007f é 漢字 🙂 \u2028 </script>',
          group: 'O\'Brien, "core"',
          details: canonicalJson({ note: 'ünïcödé', nested: { b: [1, null, true], a: 'x' } }),
          effectiveAt: new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)),
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 1)),
        },
      ]);
      expect(await verifier.verify()).toMatchObject({ ok: true, count: 5 });
    });

    it('refuses UPDATE, DELETE and TRUNCATE: no role holds the privilege', async () => {
      await expect(dataSource.query(`UPDATE audit_events SET outcome = 'failed' WHERE seq = 2`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(dataSource.query(`DELETE FROM audit_events WHERE seq = 2`)).rejects.toThrow(/permission denied/);
      await expect(dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the trigger too, even once the privilege is granted back', async () => {
      await dataSource.query('GRANT UPDATE, DELETE, TRUNCATE ON audit_events TO CURRENT_USER');
      await expect(dataSource.query(`UPDATE audit_events SET outcome = 'failed' WHERE seq = 2`)).rejects.toThrow(
        /append-only/,
      );
      await expect(dataSource.query(`DELETE FROM audit_events WHERE seq = 2`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      expect(await verifier.verify()).toMatchObject({ ok: true, count: 4 });
    });

    it('detects a record edited directly in the database', async () => {
      await tamper(`UPDATE audit_events SET outcome = 'failed' WHERE seq = 2`);
      expect(await verifier.verify()).toMatchObject({
        ok: false,
        count: 1,
        brokenAt: { seq: '2' },
        reason: expect.stringMatching(/altered/),
      });
    });

    it('detects an edit that recomputes the record’s own hash, at the next link', async () => {
      const [, second] = await rows();
      const forged = recordHash(second.prevHash, hashedContentOf({ ...second, rule: 'forged-rule' }));
      await tamper(`UPDATE audit_events SET rule = 'forged-rule', hash = '${forged}' WHERE seq = 2`);
      expect(await verifier.verify()).toMatchObject({
        ok: false,
        count: 2,
        brokenAt: { seq: '3' },
        reason: expect.stringMatching(/removed or reordered/),
      });
    });

    it('detects a record deleted directly in the database', async () => {
      await tamper(`DELETE FROM audit_events WHERE seq = 3`);
      expect(await verifier.verify()).toMatchObject({
        ok: false,
        count: 2,
        brokenAt: { seq: '4' },
        reason: expect.stringMatching(/missing/),
      });
    });

    it('detects records reordered directly in the database', async () => {
      await tamper(`UPDATE audit_events SET seq = -2 WHERE seq = 2;
        UPDATE audit_events SET seq = 2 WHERE seq = 3;
        UPDATE audit_events SET seq = 3 WHERE seq = -2`);
      expect(await verifier.verify()).toMatchObject({ ok: false, count: 1, brokenAt: { seq: '2' } });
    });
  });

  it('keeps verifying records written before record kinds existed (hash version 1)', async () => {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
    await ensureSchema(databaseUrl, schema);
    dataSource = await open([CreateAuditChain1764100000002]);
    const v1 = VERSION_1_RECORD;
    await dataSource.query(
      `INSERT INTO audit_events (seq, id, outcome_id, at, recorded_at, employee_id, app_id, action, outcome, event_id,
        workflow_id, actor, external_id, reason, prev_hash, hash)
       VALUES (1, $1, $2, $3, $4, 'E1', 'slack', 'account.create', 'succeeded', 'evt-1', 'employee-E1', 'system',
        'u-1', NULL, $5, $6)`,
      [v1.id, v1.outcomeId, v1.at, v1.recordedAt, GENESIS_HASH, recordHash(GENESIS_HASH, v1)],
    );
    await dataSource.destroy();
    dataSource = await open(AUDIT_MIGRATIONS);
    ledger = new AuditLedgerService(dataSource);
    verifier = new ChainVerifierService(dataSource);
    await ledger.append([outcome(2)]);
    expect((await rows()).map((r) => r.hashVersion)).toEqual([1, 2]);
    expect(await verifier.verify()).toMatchObject({ ok: true, count: 2 });
  });
});
