import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closing the staff loop (#16). What staff asked the asker (the needs-info note, when, by whom) and when the
 * asker replied stay on the escalation after the clock resumes, so the staff card can show both; the first
 * staff response records who gave it. `category_staff` is each category's staff team: who hears of its
 * escalations and who is suggested for assignment.
 */
export class StaffLoop1763901610000 implements MigrationInterface {
  name = 'StaffLoop1763901610000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE escalations
        ADD COLUMN needs_info_note text,
        ADD COLUMN needs_info_asked_at timestamptz,
        ADD COLUMN needs_info_asked_by bigint REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN asker_replied_at timestamptz,
        ADD COLUMN asker_reply_comment_id bigint REFERENCES comments (id) ON DELETE SET NULL,
        ADD COLUMN first_staff_responder_id bigint REFERENCES users (id) ON DELETE SET NULL`);
    await db.query(`
      CREATE TABLE category_staff (
        category_id bigint NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
        user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (category_id, user_id)
      )`);
    await db.query(`CREATE INDEX category_staff_user_idx ON category_staff (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE category_staff`);
    await db.query(`
      ALTER TABLE escalations
        DROP COLUMN needs_info_note, DROP COLUMN needs_info_asked_at, DROP COLUMN needs_info_asked_by,
        DROP COLUMN asker_replied_at, DROP COLUMN asker_reply_comment_id, DROP COLUMN first_staff_responder_id`);
  }
}
