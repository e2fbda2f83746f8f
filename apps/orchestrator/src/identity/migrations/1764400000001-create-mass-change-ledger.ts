import { MigrationInterface, QueryRunner } from 'typeorm';

/** The org-wide mass-change ledger: every run's disables and deletes, and the batches held for approval. */
export class CreateMassChangeLedger1764400000001 implements MigrationInterface {
  name = 'CreateMassChangeLedger1764400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mass_change_batches (
        batch_id text PRIMARY KEY,
        status text NOT NULL,
        "window" text NOT NULL,
        max_people integer NOT NULL,
        max_people_deleted integer NOT NULL,
        opened_at timestamptz NOT NULL,
        last_held_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        reason text
      )`);
    await runner.query(`CREATE INDEX mass_change_batches_open ON mass_change_batches (status, last_held_at)`);
    await runner.query(`
      CREATE TABLE mass_change_entries (
        entry_id text PRIMARY KEY,
        batch_id text REFERENCES mass_change_batches (batch_id),
        run_id text NOT NULL,
        employee_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        source text NOT NULL,
        origin text NOT NULL,
        phase text NOT NULL,
        disables boolean NOT NULL,
        deletes boolean NOT NULL,
        accounts jsonb NOT NULL,
        status text NOT NULL,
        reason text,
        decided_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX mass_change_entries_window ON mass_change_entries (status, created_at)`);
    await runner.query(`CREATE INDEX mass_change_entries_batch ON mass_change_entries (batch_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE mass_change_entries`);
    await runner.query(`DROP TABLE mass_change_batches`);
  }
}
