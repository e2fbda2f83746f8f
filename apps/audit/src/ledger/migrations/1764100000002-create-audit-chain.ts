import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditChain1764100000002 implements MigrationInterface {
  name = 'CreateAuditChain1764100000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        outcome_id text NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        employee_id text NOT NULL,
        app_id text NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL,
        event_id text NOT NULL,
        workflow_id text NOT NULL,
        actor text NOT NULL,
        external_id text,
        reason text,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await runner.query(`CREATE INDEX audit_events_employee ON audit_events (employee_id, seq)`);
    await runner.query(`CREATE INDEX audit_events_app ON audit_events (app_id, seq)`);
    await runner.query(`CREATE INDEX audit_events_at ON audit_events (at)`);
    // Append-only, enforced by the database for every role, not only by the service's code.
    await runner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await runner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit_events`);
    await runner.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
