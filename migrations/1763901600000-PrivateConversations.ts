import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * The private conversation between a question's asker and our team (packages/domain/src/private-conversations.ts):
 * at most one per question, open until staff resolve it, and its messages. Nothing public reads these tables (search,
 * lists, webhooks); the deflection report reads only when a conversation was resolved: the outcome
 * STAFF_SOLVED_PRIVATELY (docs/metrics.md), so report_question_facts gains `privately_resolved_at` and the facts
 * follow private_conversations with the same statement-level triggers as the other tables they read.
 */
export class PrivateConversations1763901600000 implements MigrationInterface {
  name = 'PrivateConversations1763901600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE private_conversations (
        id              bigserial PRIMARY KEY,
        question_id     bigint NOT NULL UNIQUE REFERENCES questions (id),
        opened_by       bigint NOT NULL REFERENCES users (id),
        opened_at       timestamptz NOT NULL,
        resolved_at     timestamptz,
        resolved_by     bigint REFERENCES users (id),
        resolution_note text,
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
      )`);
    await db.query(`
      CREATE TABLE private_messages (
        id              bigserial PRIMARY KEY,
        conversation_id bigint NOT NULL REFERENCES private_conversations (id),
        question_id     bigint NOT NULL REFERENCES questions (id),
        author_id       bigint NOT NULL REFERENCES users (id),
        author_kind     text NOT NULL CHECK (author_kind IN ('PEER', 'STAFF')),
        body            text NOT NULL,
        body_html       text NOT NULL,
        created_at      timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX private_messages_conversation ON private_messages (conversation_id, created_at, id)`);
    await db.query(`CREATE INDEX private_messages_author ON private_messages (author_id)`);

    await db.query(`ALTER TABLE report_question_facts ADD COLUMN privately_resolved_at timestamptz`);
    await applyRuleFiles(db, ['reports/sql/report-question-facts.sql', 'reports/sql/report-outcome.sql']);
    await db.query(`CREATE TRIGGER report_facts_insert AFTER INSERT ON private_conversations REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_facts_after_private_conversations()`);
    await db.query(`CREATE TRIGGER report_facts_delete AFTER DELETE ON private_conversations REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_facts_after_private_conversations()`);
    await db.query(`CREATE TRIGGER report_facts_update AFTER UPDATE ON private_conversations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION report_facts_after_private_conversations()`);
  }

  /** Leaves the rule files' functions as they are: put back the previous texts by hand if you go below this migration. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE private_messages`);
    await db.query(`DROP TABLE private_conversations`);
    await db.query(`DROP FUNCTION report_facts_after_private_conversations()`);
    await db.query(`ALTER TABLE report_question_facts DROP COLUMN privately_resolved_at`);
  }
}
