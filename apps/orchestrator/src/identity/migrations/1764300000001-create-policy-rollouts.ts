import { MigrationInterface, QueryRunner } from 'typeorm';

/** Policy rollouts: each policy version Tenure has seen, and whether its effect on everyone was applied. */
export class CreatePolicyRollouts1764300000001 implements MigrationInterface {
  name = 'CreatePolicyRollouts1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE policy_rollouts (
        rollout_id text PRIMARY KEY,
        status text NOT NULL,
        people integer NOT NULL,
        accounts_disabled integer NOT NULL,
        blast_radius_limit integer NOT NULL,
        decided_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX policy_rollouts_created ON policy_rollouts (created_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE policy_rollouts`);
  }
}
