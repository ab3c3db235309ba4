import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One table of rate-limit counters for every limit (sign-in failures, asks, votes, searches, views …),
 * keyed `<limit>:<who>` (e.g. `ask.ip:203.0.113.7`). Kept in PostgreSQL so every API instance counts
 * against the same rows: a request is decided in one transaction that locks its counters, so
 * concurrent requests, on one instance or several, are counted one after another.
 *
 * `login_failures` goes: sign-in failures are counters here now (per address and IP, per IP, per address).
 */
export class RateLimits1763901260000 implements MigrationInterface {
  name = 'RateLimits1763901260000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limit_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        started_at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX rate_limit_counters_expiry ON rate_limit_counters (expires_at)`);
    await db.query(`DROP TABLE login_failures`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_failures (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email      text NOT NULL,
        failed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_email_time ON login_failures (email, failed_at)`);
    await db.query(`DROP TABLE rate_limit_counters`);
  }
}
