import { MigrationInterface, QueryRunner } from 'typeorm';

/** Comments on questions and answers: short clarifications that belong to the question's thread. */
export class Comments1763900200000 implements MigrationInterface {
  name = 'Comments1763900200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE comments (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- The thread: the question commented on, or the question of the answer commented on.
        question_id bigint NOT NULL REFERENCES questions(id),
        target_type text NOT NULL CHECK (target_type IN ('QUESTION', 'ANSWER')),
        target_id   bigint NOT NULL,
        author_id   bigint NOT NULL REFERENCES users(id),
        -- Fixed from the author's affiliation when the comment was written; never rewritten.
        author_kind text NOT NULL CHECK (author_kind IN ('PEER', 'STAFF')),
        body        text NOT NULL,
        body_html   text NOT NULL,
        created_at  timestamptz(3) NOT NULL,
        updated_at  timestamptz(3) NOT NULL,
        deleted_at  timestamptz,
        deleted_by  bigint REFERENCES users(id),
        -- A comment on the question itself names it twice; this keeps the two from disagreeing.
        CONSTRAINT comments_question_target CHECK (target_type <> 'QUESTION' OR target_id = question_id)
      )`);
    // A post's comments, oldest first; and everything said in a thread, for escalation and reports.
    await db.query(`CREATE INDEX comments_target ON comments (target_type, target_id, created_at)`);
    await db.query(`CREATE INDEX comments_question ON comments (question_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE comments`);
  }
}
