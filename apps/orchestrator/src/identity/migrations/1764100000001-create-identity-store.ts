import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityStore1764100000001 implements MigrationInterface {
  name = 'CreateIdentityStore1764100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE people (
        employee_id text PRIMARY KEY,
        state text NOT NULL,
        attributes jsonb NOT NULL,
        last_event_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE accounts (
        employee_id text NOT NULL REFERENCES people (employee_id),
        app_id text NOT NULL,
        status text NOT NULL,
        external_id text,
        reason text,
        last_event_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, app_id)
      )`);
    await runner.query(`CREATE INDEX accounts_app_status ON accounts (app_id, status)`);
    await runner.query(`
      CREATE TABLE entitlements (
        employee_id text NOT NULL REFERENCES people (employee_id),
        app_id text NOT NULL,
        roles jsonb NOT NULL,
        groups jsonb NOT NULL,
        rules jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, app_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE entitlements`);
    await runner.query(`DROP TABLE accounts`);
    await runner.query(`DROP TABLE people`);
  }
}
