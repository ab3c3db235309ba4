import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - Which spam checks held a post (packages/domain/src/spam-checks.ts, SPAM_CHECKS), on its review item, so the
 *   moderation report counts holds and approvals per check (the checks' false-positive rate). Items held before
 *   this migration name none; the check only ever appeared in their free-text detail.
 * - An announcement pinned in one category (moderators), shown on that category's page; at most one per category.
 */
export class ModerationLeftovers1763901640000 implements MigrationInterface {
  name = 'ModerationLeftovers1763901640000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE review_items
        ADD COLUMN spam_checks text[] NOT NULL DEFAULT '{}'
        CHECK (spam_checks <@ ARRAY['LINKS_OVER_ALLOWANCE', 'REPEAT', 'BLOCKED_WORD', 'BLOCKED_DOMAIN']::text[])`);
    await db.query(`
      CREATE TABLE category_announcements (
        category_id bigint PRIMARY KEY REFERENCES categories (id) ON DELETE CASCADE,
        message     text NOT NULL CHECK (message <> ''),
        updated_at  timestamptz NOT NULL,
        updated_by  bigint REFERENCES users (id) ON DELETE SET NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE category_announcements`);
    await db.query(`ALTER TABLE review_items DROP COLUMN spam_checks`);
  }
}
