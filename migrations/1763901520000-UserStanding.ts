import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suspension and silencing on the user (packages/domain/src/standing.ts): each an end and the moderator's
 * reason, both or neither; a restriction whose end has passed is over without anyone clearing it.
 *
 * Finding users (UsersRepository.search): moderators type part of a name or of an address, so the match
 * is a substring one, served by trigram indexes (pg_trgm, installed by the Search migration) on the
 * lower-cased name and address; the list is read in (lower(display_name), id) order, which the btree
 * serves when nothing is typed.
 */
export class UserStanding1763901520000 implements MigrationInterface {
  name = 'UserStanding1763901520000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN suspended_until   timestamptz,
        ADD COLUMN suspension_reason text,
        ADD COLUMN silenced_until    timestamptz,
        ADD COLUMN silence_reason    text,
        ADD CONSTRAINT users_suspension_has_reason CHECK ((suspended_until IS NULL) = (suspension_reason IS NULL)),
        ADD CONSTRAINT users_silence_has_reason CHECK ((silenced_until IS NULL) = (silence_reason IS NULL))`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE INDEX users_display_name_trigram ON users USING gin (lower(display_name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX users_email_trigram ON users USING gin (lower(email) gin_trgm_ops) WHERE email IS NOT NULL`);
    await db.query(`CREATE INDEX users_by_name ON users (lower(display_name), id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX users_by_name`);
    await db.query(`DROP INDEX users_email_trigram`);
    await db.query(`DROP INDEX users_display_name_trigram`);
    await db.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_silence_has_reason,
        DROP CONSTRAINT users_suspension_has_reason,
        DROP COLUMN silence_reason,
        DROP COLUMN silenced_until,
        DROP COLUMN suspension_reason,
        DROP COLUMN suspended_until`);
  }
}
