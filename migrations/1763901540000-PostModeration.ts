import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

const POSTS = ['questions', 'answers', 'comments'];

/**
 * Posts' moderation state, members' flags and the review queue (packages/domain/src/moderation.ts).
 *
 * - `moderation_state` on questions, answers and comments: VISIBLE, HELD (held before anyone saw it: a new
 *   member's first posts, later the spam checks) or HIDDEN (hidden after it was seen: flags, a moderator), with
 *   the reason its author reads. Deleted stays `deleted_at`.
 * - `published`: false while a held post's consequences (notifications, webhooks, the search index, the
 *   community clock, answer counts) wait for its approval; `questions.published_at` is when a held question
 *   was approved, so its community clock counts from then.
 * - `review_items`: one row per post and reason for review, open until a moderator decides; at most one open
 *   item per post. `flags`: one per member and post, with the weight it carried and, once reviewed, its outcome
 *   (the flagger's accuracy).
 * - Reports: a held or hidden question is in no cohort, like a deleted one, and a held or hidden answer or comment
 *   is not live (reports/sql/report-question-facts.sql), so the facts trigger on questions now also fires when the
 *   state changes. A question's search document leaves out held and hidden answers (search/sql/question-vectors.sql).
 */
export class PostModeration1763901540000 implements MigrationInterface {
  name = 'PostModeration1763901540000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of POSTS) {
      await db.query(`ALTER TABLE ${table}
        ADD COLUMN moderation_state text NOT NULL DEFAULT 'VISIBLE' CHECK (moderation_state IN ('VISIBLE', 'HELD', 'HIDDEN')),
        ADD COLUMN moderation_reason text,
        ADD COLUMN published boolean NOT NULL DEFAULT true`);
    }
    await db.query(`ALTER TABLE questions ADD COLUMN published_at timestamptz`);
    // The first-post hold counts a new member's posts (questions and answers have an author index already).
    await db.query(`CREATE INDEX comments_author ON comments (author_id)`);

    await db.query(`
      CREATE TABLE review_items (
        id                       bigserial PRIMARY KEY,
        target_type              text NOT NULL CHECK (target_type IN ('QUESTION', 'ANSWER', 'COMMENT')),
        target_id                bigint NOT NULL,
        question_id              bigint NOT NULL REFERENCES questions (id),
        author_id                bigint REFERENCES users (id),
        reason                   text NOT NULL CHECK (reason IN ('FLAGGED', 'NEW_MEMBER', 'SILENCED', 'SPAM_CHECK')),
        detail                   text,
        state                    text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'RESOLVED')),
        created_at               timestamptz NOT NULL,
        decision                 text CHECK (decision IN ('APPROVE', 'HIDE', 'DELETE', 'SUSPEND_AUTHOR')),
        decision_note            text,
        decided_by               bigint REFERENCES users (id),
        decided_at               timestamptz,
        second_look_requested_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX review_items_one_open ON review_items (target_type, target_id) WHERE state = 'OPEN'`);
    await db.query(`CREATE INDEX review_items_queue ON review_items (state, created_at, id)`);
    await db.query(`CREATE INDEX review_items_target ON review_items (target_type, target_id, id DESC)`);
    await db.query(`CREATE INDEX review_items_author ON review_items (author_id)`);

    await db.query(`
      CREATE TABLE flags (
        id             bigserial PRIMARY KEY,
        target_type    text NOT NULL CHECK (target_type IN ('QUESTION', 'ANSWER', 'COMMENT')),
        target_id      bigint NOT NULL,
        question_id    bigint NOT NULL REFERENCES questions (id),
        flagger_id     bigint REFERENCES users (id),
        reason         text NOT NULL CHECK (reason IN ('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'NEEDS_STAFF', 'OTHER')),
        note           text,
        weight         integer NOT NULL CHECK (weight > 0),
        created_at     timestamptz NOT NULL,
        review_item_id bigint NOT NULL REFERENCES review_items (id),
        outcome        text CHECK (outcome IN ('UPHELD', 'DECLINED')),
        decided_at     timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX flags_once_per_member ON flags (target_type, target_id, flagger_id)`);
    await db.query(`CREATE INDEX flags_review_item ON flags (review_item_id)`);
    await db.query(`CREATE INDEX flags_flagger ON flags (flagger_id)`);

    await db.query(`DROP TRIGGER report_facts_update ON questions`);
    await db.query(`
      CREATE TRIGGER report_facts_update AFTER UPDATE ON questions FOR EACH ROW
        WHEN (OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.category_id IS DISTINCT FROM NEW.category_id
              OR OLD.tags IS DISTINCT FROM NEW.tags OR OLD.created_at IS DISTINCT FROM NEW.created_at
              OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.moderation_state IS DISTINCT FROM NEW.moderation_state)
        EXECUTE FUNCTION report_facts_after_question_change()`);
    await applyRuleFiles(db, ['reports/sql/report-question-facts.sql', 'search/sql/question-vectors.sql']);
  }

  /** Leaves the rule files' functions as they are: put back the previous texts by hand if you go below this migration. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER report_facts_update ON questions`);
    await db.query(`
      CREATE TRIGGER report_facts_update AFTER UPDATE ON questions FOR EACH ROW
        WHEN (OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.category_id IS DISTINCT FROM NEW.category_id
              OR OLD.tags IS DISTINCT FROM NEW.tags OR OLD.created_at IS DISTINCT FROM NEW.created_at
              OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
        EXECUTE FUNCTION report_facts_after_question_change()`);
    await db.query(`DROP TABLE flags`);
    await db.query(`DROP TABLE review_items`);
    await db.query(`DROP INDEX comments_author`);
    await db.query(`ALTER TABLE questions DROP COLUMN published_at`);
    for (const table of POSTS) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN moderation_state, DROP COLUMN moderation_reason, DROP COLUMN published`);
    }
  }
}
