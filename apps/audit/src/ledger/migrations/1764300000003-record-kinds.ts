import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain records HR events and plan decisions besides outcomes, with the
 * actor, rule and group behind each step. Existing records keep hash version 1
 * (their hash covers the fields they had); new ones are written as version 2.
 */
export class RecordKinds1764300000003 implements MigrationInterface {
  name = 'RecordKinds1764300000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE audit_events RENAME COLUMN outcome_id TO source_id`);
    await runner.query(`
      ALTER TABLE audit_events
        ADD COLUMN hash_version smallint NOT NULL DEFAULT 1,
        ADD COLUMN kind text NOT NULL DEFAULT 'outcome',
        ADD COLUMN actor_id text,
        ADD COLUMN rule text,
        ADD COLUMN group_name text,
        ADD COLUMN effective_at timestamptz,
        ADD COLUMN details text,
        ALTER COLUMN app_id DROP NOT NULL,
        ALTER COLUMN outcome DROP NOT NULL,
        ALTER COLUMN workflow_id DROP NOT NULL`);
    await runner.query(
      `ALTER TABLE audit_events ALTER COLUMN hash_version DROP DEFAULT, ALTER COLUMN kind DROP DEFAULT`,
    );
    // Every filter of the query API is served by an index ordered by seq, so a
    // page is an index range scan whatever the size of the chain.
    await runner.query(`CREATE INDEX audit_events_action ON audit_events (action, seq)`);
    await runner.query(`CREATE INDEX audit_events_app_action ON audit_events (app_id, action, seq)`);
    await runner.query(`CREATE INDEX audit_events_event ON audit_events (event_id, seq)`);
    await runner.query(`CREATE INDEX audit_events_kind ON audit_events (kind, seq)`);
    await runner.query(`CREATE INDEX audit_events_outcome ON audit_events (outcome, seq)`);
    await runner.query(`CREATE INDEX audit_events_actor ON audit_events (actor, seq)`);
    await runner.query(`CREATE INDEX audit_events_actor_id ON audit_events (actor_id, seq) WHERE actor_id IS NOT NULL`);
    // (at, seq) serves every time range; the (at) index of the first migration only costs inserts.
    await runner.query(`CREATE INDEX audit_events_at_seq ON audit_events (at, seq)`);
    await runner.query(`DROP INDEX audit_events_at`);
    // Point-in-time access and time to deprovision read one person's (or one app's) account history,
    // newest step first per account (DISTINCT ON … ORDER BY at DESC, seq DESC) without a sort.
    await runner.query(`
      CREATE INDEX audit_events_account_history ON audit_events (employee_id, app_id, at DESC, seq DESC)
      INCLUDE (action, external_id, group_name) WHERE kind = 'outcome' AND outcome = 'succeeded'`);
    await runner.query(`
      CREATE INDEX audit_events_app_history ON audit_events (app_id, employee_id, at DESC, seq DESC)
      INCLUDE (action, external_id, group_name) WHERE kind = 'outcome' AND outcome = 'succeeded'`);
    await runner.query(`
      CREATE INDEX audit_events_leavers ON audit_events (effective_at)
      WHERE kind = 'hr.event' AND action = 'hr.terminate'`);
    // Defence in depth beside the triggers: nobody, the owner included, holds
    // the privilege to change or remove rows. Re-granting it takes a deliberate
    // act by the owner, and the chain still shows what was done.
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM CURRENT_USER`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_events TO CURRENT_USER`);
    await runner.query(`CREATE INDEX audit_events_at ON audit_events (at)`);
    for (const index of [
      'action',
      'app_action',
      'event',
      'kind',
      'outcome',
      'actor',
      'actor_id',
      'at_seq',
      'account_history',
      'app_history',
      'leavers',
    ]) {
      await runner.query(`DROP INDEX audit_events_${index}`);
    }
    await runner.query(`
      ALTER TABLE audit_events
        DROP COLUMN hash_version, DROP COLUMN kind, DROP COLUMN actor_id, DROP COLUMN rule,
        DROP COLUMN group_name, DROP COLUMN effective_at, DROP COLUMN details`);
    await runner.query(`ALTER TABLE audit_events RENAME COLUMN source_id TO outcome_id`);
  }
}
