import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's own time zone (an IANA name), in which the web shows every deadline and timestamp to them;
 * null: the category's calendar zone where a page shows a category's deadline, else UTC.
 */
export class UserTimeZone1763901635000 implements MigrationInterface {
  name = 'UserTimeZone1763901635000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN time_zone text CHECK (time_zone <> '')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN time_zone`);
  }
}
