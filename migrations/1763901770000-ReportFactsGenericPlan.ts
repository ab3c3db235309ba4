import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * The refresh of report facts at each post's commit runs one generic plan instead of planning its recomputation for
 * every call (about 2 ms of CPU a post, four times the recomputation itself for one question; and for a sweep batch
 * of 2,000 questions, a plan 7 times slower than the generic one): reports/sql/report-question-facts.sql.
 */
export class ReportFactsGenericPlan1763901770000 implements MigrationInterface {
  name = 'ReportFactsGenericPlan1763901770000';

  async up(db: QueryRunner): Promise<void> {
    await applyRuleFiles(db, ['reports/sql/report-question-facts.sql']);
  }

  /** Planned per call again: the same facts, only slower. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER FUNCTION refresh_report_question_facts(bigint[]) RESET plan_cache_mode`);
  }
}
