import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account recovery and session management.
 *
 * `account_tokens` holds every single-use token sent by e-mail: finishing a registration (the pending
 * account's address, name and password hash wait here, so no user row exists before the address is
 * proven), resetting a password and confirming a new e-mail address. Only a SHA-256 of the token is
 * stored; a token is used once (`used_at`) and expires.
 *
 * Sessions gain when they were last used and the browser that opened them, for the viewer's list of
 * sessions.
 */
export class AccountRecovery1763901200000 implements MigrationInterface {
  name = 'AccountRecovery1763901200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_tokens (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        purpose       text NOT NULL CHECK (purpose IN ('REGISTRATION', 'PASSWORD_RESET', 'EMAIL_CHANGE')),
        token_hash    text NOT NULL UNIQUE,
        user_id       bigint REFERENCES users(id) ON DELETE CASCADE,
        email         text,
        display_name  text,
        password_hash text,
        created_at    timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz,
        CHECK ((purpose = 'REGISTRATION') = (user_id IS NULL)),
        CHECK (purpose = 'PASSWORD_RESET' OR email IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose) WHERE used_at IS NULL`);
    await db.query(`CREATE INDEX account_tokens_expires ON account_tokens (expires_at)`);

    await db.query(`ALTER TABLE sessions ADD COLUMN last_used_at timestamptz, ADD COLUMN user_agent text`);
    await db.query(`UPDATE sessions SET last_used_at = created_at`);
    await db.query(`ALTER TABLE sessions ALTER COLUMN last_used_at SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions DROP COLUMN last_used_at, DROP COLUMN user_agent`);
    await db.query(`DROP TABLE account_tokens`);
  }
}
