import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member may delete their account: the row stays (their posts stay whole, attributed to "Deleted
 * member", and every report figure keyed by author stays as it was), its personal data goes, and
 * deleted_at says when.
 */
export class AccountDeletion1763901360000 implements MigrationInterface {
  name = 'AccountDeletion1763901360000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    await db.query(`ALTER TABLE users ADD CONSTRAINT users_deleted_have_no_email CHECK (deleted_at IS NULL OR (email IS NULL AND password_hash IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_deleted_have_no_email`);
    await db.query(`ALTER TABLE users DROP COLUMN deleted_at`);
  }
}
