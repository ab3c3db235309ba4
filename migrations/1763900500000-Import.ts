import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports from other communities (Stack Exchange data dumps): what was imported as what, and whose it is. */
export class Import1763900500000 implements MigrationInterface {
  name = 'Import1763900500000';

  async up(db: QueryRunner): Promise<void> {
    // One row per imported thing, written in the same transaction as the thing: a second run skips it,
    // an interrupted run resumes after the last committed batch.
    await db.query(`
      CREATE TABLE import_mappings (
        source     text NOT NULL,
        kind       text NOT NULL,
        source_id  text NOT NULL,
        target_id  bigint NOT NULL,
        PRIMARY KEY (source, kind, source_id)
      )`);

    // Content licensed CC BY-SA keeps its attribution wherever it is shown.
    await db.query(`
      CREATE TABLE post_attributions (
        target_type text NOT NULL CHECK (target_type IN ('QUESTION', 'ANSWER', 'COMMENT')),
        target_id   bigint NOT NULL,
        source      text NOT NULL,
        author_name text NOT NULL,
        licence     text NOT NULL,
        url         text,
        PRIMARY KEY (target_type, target_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE post_attributions`);
    await db.query(`DROP TABLE import_mappings`);
  }
}
