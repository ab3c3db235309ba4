import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An escalation's event names its escalation and that escalation's question by one foreign key onto
 * escalations (id, question_id), in place of a key onto each: one check per event written instead of two (a sweep
 * batch writes 1,000 events), and an event can no longer name a question other than its escalation's. The
 * escalation's own key onto questions keeps the question real.
 */
export class EscalationEventKey1763901960000 implements MigrationInterface {
  name = 'EscalationEventKey1763901960000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE UNIQUE INDEX escalations_id_question ON escalations (id, question_id)`);
    await db.query(`
      ALTER TABLE escalation_events
        DROP CONSTRAINT escalation_events_escalation_id_fkey, DROP CONSTRAINT escalation_events_question_id_fkey,
        ADD CONSTRAINT escalation_events_escalation_fkey FOREIGN KEY (escalation_id, question_id) REFERENCES escalations (id, question_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE escalation_events
        DROP CONSTRAINT escalation_events_escalation_fkey,
        ADD CONSTRAINT escalation_events_escalation_id_fkey FOREIGN KEY (escalation_id) REFERENCES escalations (id),
        ADD CONSTRAINT escalation_events_question_id_fkey FOREIGN KEY (question_id) REFERENCES questions (id)`);
    await db.query(`DROP INDEX escalations_id_question`);
  }
}
