import { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * Statements whose cost does not grow with the forum (tests/api/query-plans.spec.ts explains them at 100,000 questions):
 * - a category's questions by activity and by score, each page read from an index in its order (the only per-category
 *   index was by creation date, so the category page sorted every question of the category, bodies included);
 * - category_counts: each category's question, solved and unanswered counts, kept by triggers on questions
 *   (categories/sql/category-counts.sql) in up to 16 rows a category, so the categories and home pages no longer
 *   count every question of the forum;
 * - a category's unanswered questions by activity, which are too few to find by walking the whole category;
 * - the members with a role, by name (the staff queue's assignee list), without reading every member;
 * - flags and review items by when they were raised and decided, which the moderation report reads for its period.
 */
export class CostThatDoesNotGrow1763901700000 implements MigrationInterface {
  name = 'CostThatDoesNotGrow1763901700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX questions_category_activity ON questions (category_id, last_activity_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_category_score ON questions (category_id, score DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`
      CREATE INDEX questions_category_unanswered ON questions (category_id, last_activity_at DESC, id DESC) WHERE deleted_at IS NULL AND answer_count = 0`);
    await db.query(`CREATE INDEX flags_raised ON flags (created_at)`);
    await db.query(`CREATE INDEX flags_decided ON flags (decided_at) WHERE decided_at IS NOT NULL`);
    await db.query(`CREATE INDEX review_items_raised ON review_items (created_at)`);
    await db.query(`CREATE INDEX review_items_decided ON review_items (decided_at) WHERE decided_at IS NOT NULL`);
    await db.query(`CREATE INDEX users_with_role_by_name ON users (display_name, id) WHERE role IN ('MODERATOR', 'STAFF', 'MANAGER', 'ADMIN')`);
    await db.query(`
      CREATE TABLE category_counts (
        category_id bigint NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
        questions integer NOT NULL,
        solved integer NOT NULL,
        unanswered integer NOT NULL,
        PRIMARY KEY (category_id, shard))`);
    await applyRuleFiles(db, ['categories/sql/category-counts.sql']);
    await db.query(`
      CREATE TRIGGER category_counts_insert AFTER INSERT ON questions REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION category_counts_after_questions()`);
    await db.query(`
      CREATE TRIGGER category_counts_delete AFTER DELETE ON questions REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION category_counts_after_questions()`);
    await db.query(`
      CREATE TRIGGER category_counts_update AFTER UPDATE ON questions FOR EACH ROW
        WHEN (old.category_id IS DISTINCT FROM new.category_id OR old.status IS DISTINCT FROM new.status
              OR (old.answer_count = 0) IS DISTINCT FROM (new.answer_count = 0) OR old.deleted_at IS DISTINCT FROM new.deleted_at
              OR old.moderation_state IS DISTINCT FROM new.moderation_state)
        EXECUTE FUNCTION category_counts_after_questions()`);
    await db.query(`SELECT category_counts_recount()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER category_counts_update ON questions`);
    await db.query(`DROP TRIGGER category_counts_delete ON questions`);
    await db.query(`DROP TRIGGER category_counts_insert ON questions`);
    await db.query(`DROP FUNCTION category_counts_recount(), category_counts_after_questions(), category_counts_add(bigint, bigint, bigint, bigint), category_counts_part(questions, integer)`);
    await db.query(`DROP TABLE category_counts`);
    await db.query(`DROP INDEX users_with_role_by_name, review_items_decided, review_items_raised, flags_decided, flags_raised, questions_category_unanswered`);
    await db.query(`DROP INDEX questions_category_score`);
    await db.query(`DROP INDEX questions_category_activity`);
  }
}
