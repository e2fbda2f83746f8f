import { MigrationInterface, QueryRunner } from 'typeorm';

/** A rollout is held by how many people would lose access, against the mass-change limit. */
export class PolicyRolloutsCountPeople1764400000002 implements MigrationInterface {
  name = 'PolicyRolloutsCountPeople1764400000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE policy_rollouts ADD COLUMN people_losing_access integer NOT NULL DEFAULT 0`);
    await runner.query(`ALTER TABLE policy_rollouts RENAME COLUMN blast_radius_limit TO max_people`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE policy_rollouts RENAME COLUMN max_people TO blast_radius_limit`);
    await runner.query(`ALTER TABLE policy_rollouts DROP COLUMN people_losing_access`);
  }
}
