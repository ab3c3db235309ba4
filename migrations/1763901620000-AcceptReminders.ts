import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders to accept: one row per question, written (with when it is due) by the first peer answer, sent
 * once by a job. Each sent reminder has one-click links, one per peer answer ("this solved it") and one
 * without an answer ("it did not help"); only a SHA-256 of each link's token is stored. The links of a
 * reminder work once together (`used_at` on the reminder) and expire.
 */
export class AcceptReminders1763901620000 implements MigrationInterface {
  name = 'AcceptReminders1763901620000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE accept_reminders (
        question_id bigint PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
        due_at      timestamptz NOT NULL,
        sent_at     timestamptz,
        -- Due but no longer needed (accepted, escalated, closed, no visible peer answer): never sent.
        skipped_at  timestamptz,
        expires_at  timestamptz,
        used_at     timestamptz,
        -- What the asker chose through a link: the accepted answer, or that it did not help.
        outcome     text CHECK (outcome IN ('ACCEPTED', 'NOT_HELPED')),
        CHECK (sent_at IS NULL OR skipped_at IS NULL),
        CHECK ((used_at IS NULL) = (outcome IS NULL))
      )`);
    await db.query(`CREATE INDEX accept_reminders_due ON accept_reminders (due_at) WHERE sent_at IS NULL AND skipped_at IS NULL`);
    await db.query(`CREATE INDEX accept_reminders_sent ON accept_reminders (sent_at) WHERE sent_at IS NOT NULL`);
    await db.query(`
      CREATE TABLE accept_reminder_links (
        token_hash  text PRIMARY KEY,
        question_id bigint NOT NULL REFERENCES accept_reminders(question_id) ON DELETE CASCADE,
        -- Null: the "it did not help" link.
        answer_id   bigint REFERENCES answers(id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX accept_reminder_links_question ON accept_reminder_links (question_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE accept_reminder_links`);
    await db.query(`DROP TABLE accept_reminders`);
  }
}
