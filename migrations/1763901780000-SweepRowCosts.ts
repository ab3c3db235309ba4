import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Less work per row for the escalation sweep, which writes each due question's escalation, event and six
 * notifications (its category's team of five and the asker) in set-based statements, 1,000 questions a batch.
 *
 * Notifications lose their foreign keys. PostgreSQL checks a foreign key with one query per inserted row (and a
 * KEY SHARE lock on the row it finds): 36,000 checks for a batch's 12,000 notifications, 40% of the batch's
 * largest statement. They guarded nothing the forum does: notifications are written by one statement
 * (NotificationsRepository.insert), which now keeps only members and questions that exist, checked once per
 * distinct id; members and questions are never deleted, only marked so (an account's deletion deletes its
 * notifications itself, NotificationsRepository.deleteAllOf).
 *
 * The category counts' row trigger on questions fires only for a change of status that moves a count: to or from
 * SOLVED or CLOSED (category_counts_part in categories/sql/category-counts.sql reads no other status). Escalating
 * (OPEN to ESCALATED) ran it once per question, for nothing.
 */
export class SweepRowCosts1763901780000 implements MigrationInterface {
  name = 'SweepRowCosts1763901780000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notifications DROP CONSTRAINT notifications_user_id_fkey, DROP CONSTRAINT notifications_question_id_fkey,
        DROP CONSTRAINT notifications_actor_id_fkey`);
    await db.query(`DROP TRIGGER category_counts_update ON questions`);
    await db.query(categoryCountsUpdateTrigger(
      `old.status IS DISTINCT FROM new.status AND (old.status IN ('SOLVED', 'CLOSED') OR new.status IN ('SOLVED', 'CLOSED'))`));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER category_counts_update ON questions`);
    await db.query(categoryCountsUpdateTrigger('old.status IS DISTINCT FROM new.status'));
    // Notifications of members or questions that are gone (none, unless by hand) would refuse the keys: they go first,
    // and a gone actor is forgotten.
    await db.query(`
      DELETE FROM notifications n WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = n.user_id)
         OR (n.question_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = n.question_id))`);
    await db.query(`UPDATE notifications n SET actor_id = NULL WHERE n.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = n.actor_id)`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
        ADD CONSTRAINT notifications_question_id_fkey FOREIGN KEY (question_id) REFERENCES questions(id),
        ADD CONSTRAINT notifications_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES users(id)`);
  }
}

/** The counts' row trigger on questions (CostThatDoesNotGrow1763901700000), with `statusChange` saying which changes of status fire it. */
function categoryCountsUpdateTrigger(statusChange: string): string {
  return `
    CREATE TRIGGER category_counts_update AFTER UPDATE ON questions FOR EACH ROW
      WHEN (old.category_id IS DISTINCT FROM new.category_id OR (${statusChange})
            OR (old.answer_count = 0) IS DISTINCT FROM (new.answer_count = 0) OR old.deleted_at IS DISTINCT FROM new.deleted_at
            OR old.moderation_state IS DISTINCT FROM new.moderation_state)
      EXECUTE FUNCTION category_counts_after_questions()`;
}
