import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The home page's newest unanswered questions of every category, read from an index of only those: walking every
 * question by creation date read about 17 questions for each unanswered one (100 rows for the home page's 5 at
 * 100,000 questions), more as the answered share grows. The list's count comes from category_counts.
 */
export class UnansweredNewest1763901800000 implements MigrationInterface {
  name = 'UnansweredNewest1763901800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX questions_unanswered_newest ON questions (created_at DESC, id DESC) WHERE deleted_at IS NULL AND answer_count = 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX questions_unanswered_newest`);
  }
}
