import { Client } from 'pg';
import { requiredEnv, testStack } from '@tenure/testing';

/**
 * Each service connects as its own role: hr-ingest cannot reach the audit
 * record at all, and the audit writer may add to it but neither change it nor
 * own it, so a compromised service cannot rewrite history.
 */
describe('database roles', () => {
  const clients: Client[] = [];
  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const refusal = (client: Client, sql: string) =>
    client.query(sql).then(
      () => 'allowed',
      (error: Error) => error.message,
    );

  let owner: Client;
  let hrIngest: Client;
  let audit: Client;

  beforeAll(async () => {
    owner = await connect(testStack().databaseUrl);
    hrIngest = await connect(requiredEnv('HR_INGEST_DATABASE_URL'));
    audit = await connect(requiredEnv('AUDIT_DATABASE_URL'));
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
  });

  it('let hr-ingest work in its own schema and nowhere in the audit schema', async () => {
    await expect(hrIngest.query('SELECT count(*) FROM ingest.inbox_events')).resolves.toBeDefined();
    for (const sql of [
      'SELECT * FROM audit.audit_events LIMIT 1',
      `INSERT INTO audit.audit_events (seq) VALUES (-1)`,
      `UPDATE audit.audit_events SET reason = 'rewritten'`,
      'DELETE FROM audit.audit_events',
      'TRUNCATE audit.audit_events',
    ]) {
      expect(await refusal(hrIngest, sql)).toBe('permission denied for schema audit');
    }
  });

  it('let the audit writer read and add records, in a transaction rolled back here', async () => {
    await audit.query('BEGIN');
    try {
      await audit.query(
        `INSERT INTO audit.audit_events (seq, id, source_id, hash_version, kind, at, recorded_at, employee_id,
           app_id, action, outcome, event_id, workflow_id, actor, prev_hash, hash)
         VALUES (-1, gen_random_uuid(), 'roles-check', 2, 'outcome', now(), now(), 'E-roles', 'slack',
           'account.create', 'succeeded', 'ev-roles', 'wf-roles', 'system', repeat('0', 64), repeat('0', 64))`,
      );
      const { rows } = await audit.query(`SELECT employee_id FROM audit.audit_events WHERE seq = -1`);
      expect(rows).toEqual([{ employee_id: 'E-roles' }]);
    } finally {
      await audit.query('ROLLBACK');
    }
  });

  it('refuse the audit writer changing or removing records, by privilege and not only by trigger', async () => {
    expect(await refusal(audit, `UPDATE audit.audit_events SET reason = 'rewritten'`)).toBe(
      'permission denied for table audit_events',
    );
    expect(await refusal(audit, 'DELETE FROM audit.audit_events')).toBe('permission denied for table audit_events');
    expect(await refusal(audit, 'TRUNCATE audit.audit_events')).toBe('permission denied for table audit_events');
  });

  it('keep the audit writer from owning the table: no drop, no alter, no disabling its triggers', async () => {
    const { rows } = await owner.query(
      `SELECT tableowner FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'audit_events'`,
    );
    expect(rows).toEqual([{ tableowner: new URL(testStack().databaseUrl).username }]);
    for (const sql of [
      'DROP TABLE audit.audit_events',
      'ALTER TABLE audit.audit_events DISABLE TRIGGER audit_events_no_update_delete',
      'ALTER TABLE audit.audit_events ADD COLUMN note text',
    ]) {
      expect(await refusal(audit, sql)).toBe('must be owner of table audit_events');
    }
  });
});
