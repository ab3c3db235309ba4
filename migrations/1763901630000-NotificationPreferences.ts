import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail per notification kind: a row says how one member wants one kind (IMMEDIATE, DAILY_DIGEST or
 * IN_APP_ONLY); a kind without a row follows `users.notification_email`, which stays the member's default,
 * so nobody's mail changes with this migration. `kind` has no CHECK: kinds are added in code.
 */
export class NotificationPreferences1763901630000 implements MigrationInterface {
  name = 'NotificationPreferences1763901630000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind       text NOT NULL,
        email      text NOT NULL CHECK (email IN ('IN_APP_ONLY', 'IMMEDIATE', 'DAILY_DIGEST')),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, kind)
      )`);
    // The digest job looks for members with any digest kind.
    await db.query(`CREATE INDEX notification_preferences_digest ON notification_preferences (user_id) WHERE email = 'DAILY_DIGEST'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_preferences`);
  }
}
