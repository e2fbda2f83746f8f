import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Shared Signals transmitter: receivers' streams, the outbox of Security
 * Event Tokens per stream (one row per stream and event, so a redelivered
 * outcome is queued once), and the key that signs them (made once, shared by
 * every replica).
 */
export class SharedSignals1764900000004 implements MigrationInterface {
  name = 'SharedSignals1764900000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ssf_streams (
        stream_id text PRIMARY KEY,
        client_id text NOT NULL,
        config jsonb NOT NULL,
        status text NOT NULL DEFAULT 'enabled',
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX ssf_streams_client ON ssf_streams (client_id)`);
    await runner.query(`
      CREATE TABLE ssf_outbox (
        seq bigserial PRIMARY KEY,
        stream_id text NOT NULL REFERENCES ssf_streams (stream_id) ON DELETE CASCADE,
        jti text NOT NULL,
        set_jwt text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        delivered_at timestamptz,
        UNIQUE (stream_id, jti)
      )`);
    await runner.query(
      `CREATE INDEX ssf_outbox_pending ON ssf_outbox (stream_id, next_attempt_at, seq) WHERE delivered_at IS NULL`,
    );
    await runner.query(`
      CREATE TABLE ssf_signing_keys (
        kid text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ssf_outbox`);
    await runner.query(`DROP TABLE ssf_streams`);
    await runner.query(`DROP TABLE ssf_signing_keys`);
  }
}
