import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reputation ledger and what automatic trust levels read.
 *
 * `reputation_events`: every change of a member's reputation is a row (who, how much, why, on which post,
 * whose act, when); `users.reputation` is their sum, kept by the one writer of both
 * (UsersRepository.moveReputation) in the same transaction. An existing database records each account's
 * current reputation as one opening row ("before the ledger"), so the sum matches from the start.
 *
 * `user_visits`: the days a member used a signed-in session, one row per member and day.
 * `trust_level_state`: how far the trust-level pass has looked at activity (its watermark).
 * `question_views_viewer`: counting what a member has read, and finding who read since the watermark.
 */
export class ReputationLedger1763901530000 implements MigrationInterface {
  name = 'ReputationLedger1763901530000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reputation_events (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id     bigint NOT NULL REFERENCES users(id),
        delta       integer NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('OPENING_BALANCE', 'IMPORTED', 'QUESTION_UPVOTED', 'QUESTION_UPVOTE_WITHDRAWN',
                      'ANSWER_UPVOTED', 'ANSWER_UPVOTE_WITHDRAWN', 'DOWNVOTED', 'DOWNVOTE_WITHDRAWN', 'ANSWER_ACCEPTED', 'ACCEPTANCE_WITHDRAWN')),
        question_id bigint REFERENCES questions(id),
        answer_id   bigint REFERENCES answers(id),
        actor_id    bigint REFERENCES users(id),
        created_at  timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX reputation_events_user ON reputation_events (user_id, id)`);
    await db.query(`CREATE INDEX reputation_events_created ON reputation_events (created_at)`);
    await db.query(`
      INSERT INTO reputation_events (user_id, delta, kind, created_at)
      SELECT id, reputation, 'OPENING_BALANCE', now() FROM users WHERE reputation <> 0 ORDER BY id`);

    await db.query(`
      CREATE TABLE user_visits (
        user_id bigint NOT NULL REFERENCES users(id),
        day     date NOT NULL,
        PRIMARY KEY (user_id, day)
      )`);
    await db.query(`CREATE INDEX user_visits_day ON user_visits (day)`);

    await db.query(`
      CREATE TABLE trust_level_state (
        id              boolean PRIMARY KEY DEFAULT true CHECK (id),
        evaluated_until timestamptz NOT NULL
      )`);
    await db.query(`INSERT INTO trust_level_state (evaluated_until) VALUES ('1970-01-01T00:00:00Z')`);

    await db.query(`CREATE INDEX question_views_viewer ON question_views (viewer_id, question_id) WHERE viewer_id IS NOT NULL AND NOT by_asker`);
    await db.query(`CREATE INDEX question_views_read_at ON question_views (viewed_at) WHERE viewer_id IS NOT NULL`);
    await db.query(`CREATE INDEX answer_acceptances_answer ON answer_acceptances (answer_id) WHERE withdrawn_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX answer_acceptances_answer`);
    await db.query(`DROP INDEX question_views_read_at`);
    await db.query(`DROP INDEX question_views_viewer`);
    await db.query(`DROP TABLE trust_level_state`);
    await db.query(`DROP TABLE user_visits`);
    await db.query(`DROP TABLE reputation_events`);
  }
}
