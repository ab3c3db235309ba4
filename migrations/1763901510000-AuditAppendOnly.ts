import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * The audit log becomes append-only in the database: a trigger (audit/sql/audit-append-only.sql) refuses
 * UPDATE, DELETE and TRUNCATE on audit_log. Before it is armed, the four action names written so far take
 * their stable UPPER_SNAKE names (packages/domain/src/audit-actions.ts) and target types their upper-case
 * form, so one filter finds old and new entries alike. Indexes serve the console's filters, newest first
 * by (created_at, id): all entries, by actor, by action (by target: audit_log_target, from Foundation).
 */
export class AuditAppendOnly1763901510000 implements MigrationInterface {
  name = 'AuditAppendOnly1763901510000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE audit_log SET action = CASE action
          WHEN 'user.role_changed' THEN 'USER_ROLE_CHANGED'
          WHEN 'user.affiliation_changed' THEN 'USER_AFFILIATION_CHANGED'
          WHEN 'question.mark_duplicate' THEN 'QUESTION_MARKED_DUPLICATE'
          WHEN 'question.unmark_duplicate' THEN 'QUESTION_UNMARKED_DUPLICATE'
          ELSE action END,
        target_type = upper(target_type)
       WHERE action IN ('user.role_changed', 'user.affiliation_changed', 'question.mark_duplicate', 'question.unmark_duplicate')
          OR target_type <> upper(target_type)`);
    await db.query(`CREATE INDEX audit_log_time ON audit_log (created_at, id)`);
    await db.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, created_at, id)`);
    await db.query(`CREATE INDEX audit_log_action ON audit_log (action, created_at, id)`);
    await applyRuleFiles(db, ['audit/sql/audit-append-only.sql']);
    await db.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await db.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await db.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await db.query(`DROP FUNCTION audit_log_refuse_change()`);
    await db.query(`DROP INDEX audit_log_action`);
    await db.query(`DROP INDEX audit_log_actor`);
    await db.query(`DROP INDEX audit_log_time`);
  }
}
