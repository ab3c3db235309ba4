import { MigrationInterface, QueryRunner } from 'typeorm';

/** The service announcement admins show on the home page (outages, known issues): at most one, so one row. */
export class Announcement1763901000000 implements MigrationInterface {
  name = 'Announcement1763901000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE announcement (
        id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        message    text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by bigint REFERENCES users (id) ON DELETE SET NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE announcement`);
  }
}
