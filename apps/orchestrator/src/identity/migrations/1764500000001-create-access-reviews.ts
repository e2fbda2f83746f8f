import { MigrationInterface, QueryRunner } from 'typeorm';

/** Access review campaigns and their items: what each person holds, who reviews it, and the decision. */
export class CreateAccessReviews1764500000001 implements MigrationInterface {
  name = 'CreateAccessReviews1764500000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE review_campaigns (
        campaign_id text PRIMARY KEY,
        series_id text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        definition jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        created_by text NOT NULL,
        report jsonb,
        opened_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX review_campaigns_created ON review_campaigns (created_at DESC)`);
    await runner.query(`
      CREATE TABLE review_items (
        item_id text PRIMARY KEY,
        campaign_id text NOT NULL REFERENCES review_campaigns (campaign_id),
        employee_id text,
        app_id text NOT NULL,
        source text NOT NULL,
        access jsonb NOT NULL,
        birthright boolean NOT NULL,
        sod jsonb NOT NULL DEFAULT '[]',
        reviewer_ids jsonb NOT NULL,
        escalated_from jsonb,
        decision text,
        reason text,
        decided_by text,
        decided_at timestamptz,
        revocation text,
        revocation_detail text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX review_items_campaign ON review_items (campaign_id, employee_id, app_id)`);
    await runner.query(`CREATE INDEX review_items_reviewers ON review_items USING gin (reviewer_ids)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE review_items`);
    await runner.query(`DROP TABLE review_campaigns`);
  }
}
