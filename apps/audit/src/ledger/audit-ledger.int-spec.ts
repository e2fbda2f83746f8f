import { DataSource } from 'typeorm';
import { ensureSchema, postgresOptions } from '@tenure/database';
import type { LifecycleOutcome } from '@tenure/domain';
import { testStack, uniqueId } from '@tenure/testing';
import { ChainVerifierService } from '../verify/chain-verifier.service';
import { AuditLedgerService } from './audit-ledger.service';
import { AuditRecordEntity } from './audit-record.entity';
import { CreateAuditChain1764100000002 } from './migrations/1764100000002-create-audit-chain';

/** The audit chain against the real PostgreSQL, in a schema of its own per run. */
describe('audit ledger', () => {
  const schema = uniqueId('audit_it').replace(/-/g, '_').toLowerCase();
  let dataSource: DataSource;
  let ledger: AuditLedgerService;
  let verifier: ChainVerifierService;
  let testSchema: string;

  const outcome = (n: number): LifecycleOutcome => ({
    outcomeId: `employee-E${n}/evt-${n}/slack/account.create`,
    at: new Date(Date.UTC(2026, 10, 26, 9, 0, n)).toISOString(),
    employeeId: `E${n}`,
    appId: 'slack',
    action: 'account.create',
    outcome: 'succeeded',
    eventId: `evt-${n}`,
    workflowId: `employee-E${n}`,
    actor: 'system',
    externalId: `u-${n}`,
  });

  /** What an intruder with the table owner's rights could do, bypassing the append-only trigger. */
  async function tamper(sql: string): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await manager.query(sql);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    });
  }

  beforeEach(async () => {
    const { databaseUrl } = testStack();
    testSchema = `${schema}_${Math.random().toString(36).slice(2, 8)}`;
    await ensureSchema(databaseUrl, testSchema);
    dataSource = new DataSource(
      postgresOptions({
        url: databaseUrl,
        schema: testSchema,
        entities: [AuditRecordEntity],
        migrations: [CreateAuditChain1764100000002],
      }),
    );
    await dataSource.initialize();
    ledger = new AuditLedgerService(dataSource);
    verifier = new ChainVerifierService(dataSource);
    for (const n of [1, 2, 3, 4]) await ledger.append(outcome(n));
  });

  afterEach(async () => {
    if (!dataSource?.isInitialized) return;
    await dataSource.query(`DROP SCHEMA "${testSchema}" CASCADE`);
    await dataSource.destroy();
  });

  it('chains records and verifies an intact chain', async () => {
    expect(await verifier.verify()).toEqual({ ok: true, count: 4 });
    const records = await dataSource.getRepository(AuditRecordEntity).find({ order: { seq: 'ASC' } });
    expect(records.map((r) => r.seq)).toEqual(['1', '2', '3', '4']);
    expect(records[1].prevHash).toBe(records[0].hash);
  });

  it('makes no second record for a redelivered outcome', async () => {
    expect(await ledger.append(outcome(2))).toBe('duplicate');
    expect(await dataSource.getRepository(AuditRecordEntity).count()).toBe(4);
  });

  it('keeps a consistent chain under concurrent appends', async () => {
    const results = await Promise.all([5, 6, 7, 8, 9, 6].map((n) => ledger.append(outcome(n))));
    expect(results.filter((r) => r === 'appended')).toHaveLength(5);
    expect(await verifier.verify()).toEqual({ ok: true, count: 9 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(dataSource.query(`UPDATE audit_events SET outcome = 'failed' WHERE seq = 2`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_events WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
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
