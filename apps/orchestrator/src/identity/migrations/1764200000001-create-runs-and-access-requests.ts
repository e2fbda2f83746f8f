import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lifecycle runs (scheduled, waiting for approval, failed steps) and access requests, for the ops API. */
export class CreateRunsAndAccessRequests1764200000001 implements MigrationInterface {
  name = 'CreateRunsAndAccessRequests1764200000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE runs (
        run_id text PRIMARY KEY,
        employee_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        status text NOT NULL,
        effective_at timestamptz NOT NULL,
        next_at timestamptz,
        state jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX runs_status ON runs (status, updated_at)`);
    await runner.query(`CREATE INDEX runs_employee ON runs (employee_id, created_at)`);
    await runner.query(`
      CREATE TABLE access_requests (
        request_id text PRIMARY KEY,
        employee_id text NOT NULL,
        app_id text NOT NULL,
        status text NOT NULL,
        record jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX access_requests_employee ON access_requests (employee_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE access_requests`);
    await runner.query(`DROP TABLE runs`);
  }
}
