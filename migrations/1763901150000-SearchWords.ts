import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The words of every title, unstemmed and unaccented, with a trigram index for nearest-word lookups:
 * what the PostgreSQL engine corrects a typo against ("transltion" → "translation"). The planner's
 * statistics it used before hold only the thousand most frequent title stems, so a typo of any other
 * word fell through to a trigram search over every title (40–80 ms at a million questions); the
 * words sharing trigrams, from a GIN index, take about a millisecond (a GiST index's nearest-neighbour
 * order took 14 ms over the 30,000 words of a million synthetic titles).
 *
 * Words are added by the transaction that writes a title (`search_title_words`, one definition for
 * the migration, the engine and the benchmark's bulk seeding), and removed only when `npm run
 * reindex` rebuilds the table from the live titles: until then a word left by a deleted or edited
 * title can only make a correction that finds nothing.
 *
 * The trigram index over whole titles, which served the old fallback ("titles resembling the typed
 * words"), goes: corrections against every title word replace it.
 */
export class SearchWords1763901150000 implements MigrationInterface {
  name = 'SearchWords1763901150000';

  async up(db: QueryRunner): Promise<void> {
    // 'simple' keeps words whole (a stem such as "translat" is far from what people mistype); words
    // of 3 to 40 letters: shorter ones have too few trigrams to compare, longer ones are not words.
    await db.query(`
      CREATE FUNCTION search_title_words(title text) RETURNS SETOF text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT word FROM unnest(tsvector_to_array(to_tsvector('simple', search_text(title)))) AS word
               WHERE length(word) BETWEEN 3 AND 40 $$`);
    await db.query(`CREATE TABLE search_words (word text PRIMARY KEY)`);
    await db.query(`
      INSERT INTO search_words (word)
      SELECT DISTINCT search_title_words(q.title) FROM questions q WHERE q.deleted_at IS NULL`);
    await db.query(`CREATE INDEX search_words_trigram ON search_words USING gin (word gin_trgm_ops)`);
    await db.query(`DROP INDEX questions_title_trigram`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX questions_title_trigram ON questions USING gin (search_unaccent(lower(title)) gin_trgm_ops)
        WHERE deleted_at IS NULL`);
    await db.query(`DROP TABLE search_words`);
    await db.query(`DROP FUNCTION search_title_words(text)`);
  }
}
