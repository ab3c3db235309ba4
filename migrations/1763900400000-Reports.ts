import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deflection reports: staff endorsements of answers, question views, and the indexes the report's cohort scan uses. */
export class Reports1763900400000 implements MigrationInterface {
  name = 'Reports1763900400000';

  async up(db: QueryRunner): Promise<void> {
    // A staff "this is right" on an answer; it never changes the answer's author_kind or any outcome.
    await db.query(`
      CREATE TABLE answer_endorsements (
        answer_id   bigint PRIMARY KEY REFERENCES answers(id),
        endorsed_by bigint NOT NULL REFERENCES users(id),
        endorsed_at timestamptz(3) NOT NULL
      )`);

    // One row per read of a question (the self-service signal); view_count stays the cheap total.
    await db.query(`
      CREATE TABLE question_views (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question_id bigint NOT NULL REFERENCES questions(id),
        viewed_at   timestamptz(3) NOT NULL,
        viewer_id   bigint REFERENCES users(id),
        by_asker    boolean NOT NULL
      )`);
    await db.query(`CREATE INDEX question_views_question ON question_views (question_id, viewed_at)`);

    // The report looks up each cohort question's escalations (questions_newest already serves the cohort's range scan).
    await db.query(`CREATE INDEX escalations_question ON escalations (question_id, escalated_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX escalations_question`);
    await db.query(`DROP TABLE question_views`);
    await db.query(`DROP TABLE answer_endorsements`);
  }
}
