import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moderator's toolkit on threads (packages/domain/src/thread-moderation.ts):
 * - questions.locked_at / lock_reason: a locked question takes no new answers or comments (moderators excepted).
 * - questions.close_reason / close_note: why a CLOSED question is closed; questions already marked duplicates
 *   get DUPLICATE, other closed ones (imported history) keep none.
 * - questions.pinned_at: pinned to the top of its category's list.
 * - questions.deleted_by: who removed a question (the audit log says why); deleted_at existed already.
 * - post_revisions.reason: why an edit was made, shown in the post's history.
 * Who did each of these, when, and why is in the audit log.
 */
export class ModeratorToolkit1763901550000 implements MigrationInterface {
  name = 'ModeratorToolkit1763901550000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE questions ADD COLUMN locked_at timestamptz, ADD COLUMN lock_reason text,
      ADD CONSTRAINT questions_lock_reason CHECK ((locked_at IS NULL) = (lock_reason IS NULL))`);
    await db.query(`ALTER TABLE questions ADD COLUMN close_reason text
      CHECK (close_reason IN ('OFF_TOPIC', 'RESOLVED_ELSEWHERE', 'DUPLICATE', 'OTHER')), ADD COLUMN close_note text`);
    await db.query(`UPDATE questions SET close_reason = 'DUPLICATE' WHERE duplicate_of IS NOT NULL`);
    await db.query(`ALTER TABLE questions ADD COLUMN pinned_at timestamptz`);
    await db.query(`CREATE INDEX questions_pinned ON questions (category_id, pinned_at) WHERE pinned_at IS NOT NULL AND deleted_at IS NULL`);
    await db.query(`ALTER TABLE questions ADD COLUMN deleted_by bigint REFERENCES users (id)`);
    await db.query(`ALTER TABLE post_revisions ADD COLUMN reason text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post_revisions DROP COLUMN reason`);
    await db.query(`ALTER TABLE questions DROP COLUMN deleted_by`);
    await db.query(`DROP INDEX questions_pinned`);
    await db.query(`ALTER TABLE questions DROP COLUMN pinned_at`);
    await db.query(`ALTER TABLE questions DROP COLUMN close_note, DROP COLUMN close_reason`);
    await db.query(`ALTER TABLE questions DROP CONSTRAINT questions_lock_reason, DROP COLUMN lock_reason, DROP COLUMN locked_at`);
  }
}
