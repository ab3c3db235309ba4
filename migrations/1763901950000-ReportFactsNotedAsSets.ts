import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * A statement's questions are noted for the report-facts refresh at commit as one row (their ids as an array), not a
 * row each. A row each cost, for a sweep batch of 1,000 escalations, 1,000 index entries and 1,000 queued calls of
 * the deferred trigger, all but the first returning at once: about 4 ms of the database's CPU per 1,000 questions
 * (docs/performance.md, "The escalation sweep"). The refresh takes each noted question once, as before
 * (reports/sql/report-question-facts.sql).
 */
export class ReportFactsNotedAsSets1763901950000 implements MigrationInterface {
  name = 'ReportFactsNotedAsSets1763901950000';

  async up(db: QueryRunner): Promise<void> {
    // Empty outside a transaction that noted questions (its commit empties its rows): nothing to carry over.
    await db.query(`DROP TABLE report_facts_pending`);
    await db.query(`
      CREATE TABLE report_facts_pending (
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        question_ids   bigint[] NOT NULL
      )`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER report_facts_pending_at_commit AFTER INSERT ON report_facts_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_pending_report_question_facts()`);
    await applyRuleFiles(db, ['reports/sql/report-question-facts.sql']);
  }

  /** A row per question again; the rule file's functions name the new column: put back the previous ones by hand if you go below this migration. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_facts_pending`);
    await db.query(`
      CREATE TABLE report_facts_pending (
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        question_id    bigint NOT NULL,
        PRIMARY KEY (transaction_id, question_id)
      )`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER report_facts_pending_at_commit AFTER INSERT ON report_facts_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refresh_pending_report_question_facts()`);
  }
}
