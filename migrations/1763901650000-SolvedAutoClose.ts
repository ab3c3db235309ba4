import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Auto-close of solved questions (packages/domain/src/auto-close.ts):
 * - categories.solved_auto_close_days: days after its acceptance a solved question closes by itself; null: never.
 * - questions.reopened_at: when a moderator last reopened it (a reopening stands until a new acceptance).
 * - the close reason RESOLVED, given only by auto-close.
 * - an index on solved questions by acceptance time, which the auto-close job's claim walks.
 */
export class SolvedAutoClose1763901650000 implements MigrationInterface {
  name = 'SolvedAutoClose1763901650000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE categories ADD COLUMN solved_auto_close_days integer CHECK (solved_auto_close_days BETWEEN 1 AND 3650)`);
    await db.query(`ALTER TABLE questions ADD COLUMN reopened_at timestamptz`);
    await db.query(`
      ALTER TABLE questions DROP CONSTRAINT questions_close_reason_check,
        ADD CONSTRAINT questions_close_reason_check CHECK (close_reason IN ('OFF_TOPIC', 'RESOLVED_ELSEWHERE', 'DUPLICATE', 'OTHER', 'RESOLVED'))`);
    await db.query(`CREATE INDEX questions_solved_at ON questions (solved_at, id) WHERE status = 'SOLVED' AND deleted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX questions_solved_at`);
    await db.query(`UPDATE questions SET close_reason = 'OTHER' WHERE close_reason = 'RESOLVED'`);
    await db.query(`
      ALTER TABLE questions DROP CONSTRAINT questions_close_reason_check,
        ADD CONSTRAINT questions_close_reason_check CHECK (close_reason IN ('OFF_TOPIC', 'RESOLVED_ELSEWHERE', 'DUPLICATE', 'OTHER'))`);
    await db.query(`ALTER TABLE questions DROP COLUMN reopened_at`);
    await db.query(`ALTER TABLE categories DROP COLUMN solved_auto_close_days`);
  }
}
