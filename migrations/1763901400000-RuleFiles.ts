import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * Every function PostgreSQL runs for Peerdesk, re-applied from the `.sql` files that now hold its current text
 * (see rule-files.ts). Until now each function's live definition sat in the migration that last replaced it
 * (report_rollups_after_facts_* in WritesInLockOrder, the rest where they were created). The text is the same:
 * bodies are only re-indented, so the database behaves as before. Down leaves them: the old texts are the same rules.
 */
export const RULE_FILES = [
  'search/sql/search-text.sql',
  'search/sql/question-vectors.sql',
  'reports/sql/report-question-facts.sql',
  'reports/sql/report-outcome.sql',
  'reports/sql/report-rollups.sql',
];

export class RuleFiles1763901400000 implements MigrationInterface {
  name = 'RuleFiles1763901400000';

  async up(db: QueryRunner): Promise<void> {
    await applyRuleFiles(db, RULE_FILES);
  }

  async down(): Promise<void> {
    // Nothing to undo: the functions keep the same rules, re-indented.
  }
}
