import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subjects a receiver added to its stream (SSF 1.0 §8.1.3): a stream
 * with any gets only the events about them. `subject_key` is the subject in
 * one canonical text form (format and identifiers), so the same subject
 * added twice is one row and delivery matches it by equality.
 */
export class SsfStreamSubjects1765000000005 implements MigrationInterface {
  name = 'SsfStreamSubjects1765000000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ssf_stream_subjects (
        stream_id text NOT NULL REFERENCES ssf_streams (stream_id) ON DELETE CASCADE,
        subject_key text NOT NULL,
        subject jsonb NOT NULL,
        verified boolean NOT NULL DEFAULT true,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_id, subject_key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ssf_stream_subjects`);
  }
}
