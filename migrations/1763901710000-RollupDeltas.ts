import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/** The tables whose changes note questions for the report facts, with the column holding the question id. */
const FACT_SOURCES: Array<[string, string]> = [
  ['answers', 'question_id'], ['answer_acceptances', 'question_id'], ['escalations', 'question_id'], ['comments', 'question_id'],
  ['private_conversations', 'question_id'], ['questions', 'id'],
];

/**
 * Writers no longer queue on the report rollup rows, and one trigger function notes questions for the report facts.
 *
 * Each change of report_question_facts added its contribution to report_day_figures, report_month_durations and
 * report_month_peer_answers in the writing transaction (at commit, WritesInLockOrder1763901165000): one row per day
 * and category for the counts, so every writer in a category on a busy day waited on the same rows until the one
 * before it committed. Now the trigger appends signed deltas to three tables of the same shape without a key
 * (report_record_rollup_deltas in reports/sql/report-rollups.sql), which no two writers wait on; a job folds them
 * into the rollups (report_fold_rollup_deltas: one folder at a time, by an advisory lock) and the report sums the
 * rollups and the deltas not yet folded, so it stays exact at every moment.
 *
 * The five per-table copies report_facts_after_<table> (and the one for private_conversations) become one,
 * report_facts_after_change, told the question id's column by the trigger's argument. Landed migrations name the
 * old functions; PrivateConversations1763901600000 names one right after applying the rule file, which
 * migrations/rule-files.ts provides until this migration has run.
 */
export class RollupDeltas1763901710000 implements MigrationInterface {
  name = 'RollupDeltas1763901710000';

  async up(db: QueryRunner): Promise<void> {
    // No key and no index: appended by writers, emptied by every fold, read whole by the report.
    await db.query(`CREATE TABLE report_day_figure_deltas (day date NOT NULL, category_id bigint NOT NULL, figure text NOT NULL, n integer NOT NULL)`);
    await db.query(`
      CREATE TABLE report_month_duration_deltas (
        month date NOT NULL, category_id bigint NOT NULL, measure text NOT NULL, seconds float8 NOT NULL, n integer NOT NULL)`);
    await db.query(`
      CREATE TABLE report_month_peer_answer_deltas (
        month date NOT NULL, category_id bigint NOT NULL, author_id bigint NOT NULL, answers integer NOT NULL, peer_solved integer NOT NULL)`);
    await applyRuleFiles(db, ['reports/sql/report-question-facts.sql', 'reports/sql/report-rollups.sql']);

    for (const [table, column] of FACT_SOURCES) {
      const argument = column === 'question_id' ? '' : `'${column}'`;
      const operations = table === 'questions' ? ['insert', 'delete'] : ['insert', 'delete', 'update']; // questions: a row trigger on the facts' columns
      for (const operation of operations) {
        await db.query(`DROP TRIGGER report_facts_${operation} ON ${table}`);
        await db.query(`CREATE TRIGGER report_facts_${operation} AFTER ${operation.toUpperCase()} ON ${table} REFERENCING ${TRANSITION[operation]}
                        FOR EACH STATEMENT EXECUTE FUNCTION report_facts_after_change(${argument})`);
      }
      await db.query(`DROP FUNCTION report_facts_after_${table}()`);
    }

    for (const operation of ['insert', 'update', 'delete']) {
      await db.query(`DROP TRIGGER report_rollups_${operation} ON report_question_facts`);
      await db.query(`CREATE TRIGGER report_rollups_${operation} AFTER ${operation.toUpperCase()} ON report_question_facts REFERENCING ${TRANSITION[operation]}
                      FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_after_facts()`);
      await db.query(`DROP FUNCTION report_rollups_after_facts_${operation}()`);
    }
  }

  /**
   * Folds the deltas and gives the facts triggers their per-table functions back (copies of the generic one); the
   * rollup triggers keep writing deltas: put back the previous rollup functions by hand if you go below this migration.
   */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT report_fold_rollup_deltas()`);
    const [{ definition }] = await db.query(`SELECT pg_get_functiondef('report_facts_after_change()'::regprocedure) AS definition`);
    for (const [table, column] of FACT_SOURCES) {
      await db.query((definition as string).replace('FUNCTION public.report_facts_after_change(', `FUNCTION public.report_facts_after_${table}(`));
      const argument = column === 'question_id' ? '' : `'${column}'`;
      for (const operation of table === 'questions' ? ['insert', 'delete'] : ['insert', 'delete', 'update']) {
        await db.query(`DROP TRIGGER report_facts_${operation} ON ${table}`);
        await db.query(`CREATE TRIGGER report_facts_${operation} AFTER ${operation.toUpperCase()} ON ${table} REFERENCING ${TRANSITION[operation]}
                        FOR EACH STATEMENT EXECUTE FUNCTION report_facts_after_${table}(${argument})`);
      }
    }
  }
}

const TRANSITION: Record<string, string> = {
  insert: 'NEW TABLE AS new_rows',
  update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
  delete: 'OLD TABLE AS old_rows',
};
