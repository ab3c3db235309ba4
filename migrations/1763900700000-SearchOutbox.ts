import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Meilisearch engine's transactional outbox: the write that changes a question and the row saying
 * "push this question again" commit together, and a worker pushes after commit. One row per question:
 * a second change before the push only bumps `version` (the worker reads the document afresh anyway).
 */
export class SearchOutbox1763900700000 implements MigrationInterface {
  name = 'SearchOutbox1763900700000';

  async up(db: QueryRunner): Promise<void> {
    // No foreign key to questions: a question removed from the database must still be removed from the index.
    await db.query(`
      CREATE TABLE search_outbox (
        question_id     bigint PRIMARY KEY,
        -- Bumped by every change; the worker deletes the row only if the version it pushed is still the latest.
        version         bigint NOT NULL DEFAULT 1,
        -- When the oldest change not yet in the index was made (what readiness reports as the lag).
        enqueued_at     timestamptz NOT NULL,
        -- Pushes tried since the last success; sets the back-off after a failure.
        attempts        integer NOT NULL DEFAULT 0,
        -- Due from then on; a worker that claims the row pushes it forward by a lease while it pushes.
        next_attempt_at timestamptz NOT NULL,
        last_error      text
      )`);
    await db.query(`CREATE INDEX search_outbox_due ON search_outbox (next_attempt_at, question_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE search_outbox`);
  }
}
