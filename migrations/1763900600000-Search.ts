import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL full-text search: a weighted search vector per question (title A, tags B, body and the
 * accepted answer C, the other answers D), its GIN index, and a trigram index on titles for typos.
 *
 * The vector is computed by one SQL function, `question_search_vector`, used here and by the search
 * engine's set-based refresh, so there is one definition of what is searchable.
 */
export class Search1763900600000 implements MigrationInterface {
  name = 'Search1763900600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change); an index expression needs IMMUTABLE,
    // and naming the dictionary keeps the wrapper independent of search_path.
    await db.query(`
      CREATE FUNCTION search_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    // What the text search parser reads, for posts and queries alike: unaccented, and with < and > as
    // plain separators, so the words of `<script>` in a post are words rather than a dropped HTML tag.
    await db.query(`
      CREATE FUNCTION search_text(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT translate(search_unaccent($1), '<>', '  ') $$`);
    await db.query(`ALTER TABLE questions ADD COLUMN search_vector tsvector`);
    await db.query(`
      CREATE FUNCTION question_search_vector(q questions, config regconfig) RETURNS tsvector
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$
          SELECT setweight(to_tsvector(config, search_text(q.title)), 'A')
              || setweight(to_tsvector(config, search_text(array_to_string(q.tags, ' '))), 'B')
              || setweight(to_tsvector(config, search_text(q.body || ' ' || coalesce(
                   (SELECT a.body FROM answers a WHERE a.id = q.accepted_answer_id AND a.deleted_at IS NULL), ''))), 'C')
              || setweight(to_tsvector(config, search_text(coalesce(
                   (SELECT string_agg(a.body, ' ' ORDER BY a.id) FROM answers a
                     WHERE a.question_id = q.id AND a.deleted_at IS NULL AND a.id IS DISTINCT FROM q.accepted_answer_id), ''))), 'D')
        $$`);
    // Which text search configuration built the vectors: the engine compares it with SEARCH_LANGUAGE at start-up.
    await db.query(`
      CREATE TABLE search_index_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        language  text NOT NULL
      )`);
    await db.query(`INSERT INTO search_index_state (language) VALUES ('english')`);
    await db.query(`UPDATE questions q SET search_vector = question_search_vector(q, 'english') WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_search ON questions USING gin (search_vector) WHERE deleted_at IS NULL`);
    await db.query(`
      CREATE INDEX questions_title_trigram ON questions USING gin (search_unaccent(lower(title)) gin_trgm_ops)
        WHERE deleted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX questions_title_trigram`);
    await db.query(`DROP INDEX questions_search`);
    await db.query(`DROP TABLE search_index_state`);
    await db.query(`DROP FUNCTION question_search_vector(questions, regconfig)`);
    await db.query(`ALTER TABLE questions DROP COLUMN search_vector`);
    await db.query(`DROP FUNCTION search_text(text)`);
    await db.query(`DROP FUNCTION search_unaccent(text)`);
  }
}
