import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * The refresh of report facts at commit runs once per transaction, not once per noted question: the deferred
 * trigger queues a call per noted row, and each call after the first scanned the index entries of every row the
 * first had deleted, so a sweep batch of n questions spent n² there (2,000 questions: 2 s in COMMIT). A flag for the
 * transaction now tells the later calls there is nothing left (reports/sql/report-question-facts.sql).
 */
export class ReportFactsRefreshOnce1763901720000 implements MigrationInterface {
  name = 'ReportFactsRefreshOnce1763901720000';

  async up(db: QueryRunner): Promise<void> {
    await applyRuleFiles(db, ['reports/sql/report-question-facts.sql']);
  }

  /** Leaves the rule file's functions as they are: the previous texts gave the same facts, only slower. */
  async down(): Promise<void> {
    // Nothing to undo.
  }
}
