import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust levels (packages/domain/src/trust-levels.ts) on every account, and a reason on every audit entry.
 * Accounts from before trust levels start at MEMBER, so a live community's regulars are not held back as
 * newcomers; new accounts start at NEW. `trust_level_locked`: a moderator set the level by hand and
 * automatic promotion leaves it alone.
 */
export class TrustLevels1763901500000 implements MigrationInterface {
  name = 'TrustLevels1763901500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN trust_level text NOT NULL DEFAULT 'MEMBER'
      CHECK (trust_level IN ('NEW', 'BASIC', 'MEMBER', 'REGULAR', 'LEADER'))`);
    await db.query(`ALTER TABLE users ALTER COLUMN trust_level SET DEFAULT 'NEW'`);
    await db.query(`ALTER TABLE users ADD COLUMN trust_level_locked boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN reason text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log DROP COLUMN reason`);
    await db.query(`ALTER TABLE users DROP COLUMN trust_level_locked`);
    await db.query(`ALTER TABLE users DROP COLUMN trust_level`);
  }
}
