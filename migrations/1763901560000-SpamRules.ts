import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lists the spam checks read (packages/domain/src/spam-checks.ts): blocked words or phrases and blocked
 * link domains, one row each, edited by admins. A post that holds one waits for a moderator.
 */
export class SpamRules1763901560000 implements MigrationInterface {
  name = 'SpamRules1763901560000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE spam_rules (
        kind       text NOT NULL CHECK (kind IN ('WORD', 'DOMAIN')),
        value      text NOT NULL CHECK (value <> '' AND value = lower(value)),
        created_at timestamptz NOT NULL,
        created_by bigint REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (kind, value)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE spam_rules`);
  }
}
