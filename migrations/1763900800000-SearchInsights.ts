import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search insights and duplicates.
 * - search_query_days: what people search for, aggregated per normalized query text and UTC day (no user,
 *   no IP: nothing personal), so managers can ask for the gaps of any period.
 * - ask_sessions / ask_session_openings: pre-ask deflection, keyed by an opaque random id the ask page makes
 *   per attempt; abandonment is derived at report time from these rows.
 * - questions.duplicate_of: a moderator's "duplicate of" link, with who and when in the audit log.
 */
export class SearchInsights1763900800000 implements MigrationInterface {
  name = 'SearchInsights1763900800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE search_query_days (
        day            date NOT NULL,
        query          text NOT NULL CHECK (length(query) BETWEEN 1 AND 200),
        searches       integer NOT NULL,
        zero_results   integer NOT NULL,
        poor_results   integer NOT NULL,
        last_total     integer NOT NULL,
        first_seen_at  timestamptz NOT NULL,
        last_seen_at   timestamptz NOT NULL,
        PRIMARY KEY (day, query)
      )`);
    await db.query(`
      CREATE TABLE ask_sessions (
        id                 text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{16,64}$'),
        started_at         timestamptz NOT NULL,
        suggestions_shown  integer NOT NULL DEFAULT 0, -- suggestions shown over the session's SUGGESTIONS_SHOWN events
        -- Every write an (anonymous) caller makes bumps this; the service refuses past a bound.
        events             integer NOT NULL DEFAULT 0,
        posted_at          timestamptz,
        posted_question_id bigint REFERENCES questions (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX ask_sessions_started ON ask_sessions (started_at)`);
    await db.query(`
      CREATE TABLE ask_session_openings (
        session_id   text NOT NULL REFERENCES ask_sessions (id) ON DELETE CASCADE,
        question_id  bigint NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        -- Whether the opened question was SOLVED when it was opened: what the abandonment rule asks.
        was_solved   boolean NOT NULL,
        opened_at    timestamptz NOT NULL,
        PRIMARY KEY (session_id, question_id, opened_at)
      )`);
    await db.query(`ALTER TABLE questions ADD COLUMN duplicate_of bigint REFERENCES questions (id)`);
    await db.query(`CREATE INDEX questions_duplicate_of ON questions (duplicate_of) WHERE duplicate_of IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE questions DROP COLUMN duplicate_of`);
    await db.query(`DROP TABLE ask_session_openings`);
    await db.query(`DROP TABLE ask_sessions`);
    await db.query(`DROP TABLE search_query_days`);
  }
}
