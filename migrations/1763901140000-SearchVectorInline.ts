import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps each question's search vector, title vector and title in the table row (storage MAIN) instead
 * of the TOAST table.
 *
 * A vector of a few hundred lexemes is 1–2 KB and barely compresses, so with the default storage most
 * went out of line: every search then paid a TOAST index lookup and two extra page reads per row it
 * checked or ranked (8 µs a row; 44 ms to find 500 matches of a word in 9% of a million questions,
 * 7 ms once inline). The body and its HTML, read only for a page of results, are toasted instead. The
 * title and its vector are small, but a row still too wide after its body is toasted moves them out of
 * line too, and `similarQuestions` and the typo fallback read them for every candidate.
 *
 * Changing the storage alone only affects rows written later, so the column is rewritten in the
 * same statement (the USING expression forces a table rewrite; both subcommands apply before it).
 * That holds an exclusive lock on questions for the rewrite: about 2.5 minutes at a million questions.
 */
/** The columns every search reads, and the table rewritten so rows already written move too. */
function storeSearchColumns(db: QueryRunner, storage: 'MAIN' | 'EXTENDED'): Promise<void> {
  return db.query(`
    ALTER TABLE questions
      ALTER COLUMN search_vector TYPE tsvector USING search_vector || ''::tsvector,
      ${['search_vector', 'title_vector', 'title'].map((column) => `ALTER COLUMN ${column} SET STORAGE ${storage}`).join(',\n      ')}`);
}

export class SearchVectorInline1763901140000 implements MigrationInterface {
  name = 'SearchVectorInline1763901140000';

  up(db: QueryRunner): Promise<void> {
    return storeSearchColumns(db, 'MAIN');
  }

  down(db: QueryRunner): Promise<void> {
    return storeSearchColumns(db, 'EXTENDED');
  }
}
