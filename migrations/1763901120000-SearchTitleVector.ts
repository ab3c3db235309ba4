import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The title's own search vector, beside the whole question's, for likely duplicates on the ask form:
 * titles are short, so its GIN posting lists are a fraction of the whole vector's, and ranking by it
 * reads a few inline bytes per candidate instead of the question's (often TOASTed) full vector.
 * Written with `search_vector` by the PostgreSQL engine, through `question_title_vector`.
 */
export class SearchTitleVector1763901120000 implements MigrationInterface {
  name = 'SearchTitleVector1763901120000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION question_title_vector(q questions, config regconfig) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT to_tsvector(config, search_text(q.title)) $$`);
    await db.query(`ALTER TABLE questions ADD COLUMN title_vector tsvector`);
    await db.query(`
      UPDATE questions q SET title_vector = question_title_vector(q, state.language::regconfig)
        FROM search_index_state state WHERE q.deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_title_search ON questions USING gin (title_vector) WHERE deleted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX questions_title_search`);
    await db.query(`ALTER TABLE questions DROP COLUMN title_vector`);
    await db.query(`DROP FUNCTION question_title_vector(questions, regconfig)`);
  }
}
