import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboxOutbox1764100000000 implements MigrationInterface {
  name = 'CreateInboxOutbox1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE inbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source text NOT NULL,
        event_id text NOT NULL,
        employee_id text NOT NULL,
        type text NOT NULL,
        effective_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        CONSTRAINT inbox_events_source_event_id UNIQUE (source, event_id)
      )`);
    await runner.query(`CREATE INDEX inbox_events_employee ON inbox_events (employee_id, received_at)`);
    await runner.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await runner.query(`CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE outbox`);
    await runner.query(`DROP TABLE inbox_events`);
  }
}
