import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmployeeSnapshots1764200000000 implements MigrationInterface {
  name = 'CreateEmployeeSnapshots1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE employee_snapshots (
        employee_id text PRIMARY KEY,
        employee jsonb NOT NULL,
        last_type text NOT NULL,
        last_event_id text NOT NULL,
        last_content_hash text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE employee_snapshots`);
  }
}
