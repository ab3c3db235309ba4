import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Affiliation } from '@peerdesk/domain';
import type { NotificationEmailPreference } from '../notifications/notification.model';
import { UserEntity } from './user.entity';

/** The one owner of the `users` table: every read and write of it goes through these methods. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  /** The users with these ids, in the order asked, null where there is none (for per-request batching). */
  async findByIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    const rows = await this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * Accounts brought in by an import (no e-mail, no password), in one statement; their ids in the order
   * of `rows` (rows are inserted, and numbered, in that order).
   */
  async insertImported(
    em: EntityManager,
    rows: ReadonlyArray<{ displayName: string; reputation: number; affiliation: Affiliation; createdAt: Date }>,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string }> = await em.query(
      `INSERT INTO users (display_name, reputation, affiliation, created_at, updated_at)
       SELECT r.display_name, r.reputation, r.affiliation, r.created_at, r.created_at
         FROM json_to_recordset($1::json) AS r(ord int, display_name text, reputation int, affiliation text, created_at timestamptz)
        ORDER BY r.ord
       RETURNING id::text`,
      [JSON.stringify(rows.map((r, ord) => ({ ord, display_name: r.displayName, reputation: r.reputation, affiliation: r.affiliation, created_at: r.createdAt })))],
    );
    return inserted.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  /** How the user wants notifications by e-mail; IN_APP_ONLY for a user who is gone. */
  async notificationEmail(userId: string): Promise<NotificationEmailPreference> {
    const rows: Array<{ notification_email: NotificationEmailPreference }> = await this.db.query(
      `SELECT notification_email FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.notification_email ?? 'IN_APP_ONLY';
  }

  /** Choosing the digest starts its day now, so the first one does not arrive at once with everything old in it. */
  async setNotificationEmail(userId: string, preference: NotificationEmailPreference, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE users SET notification_email = $2,
              digest_sent_at = CASE WHEN $2 = 'DAILY_DIGEST' THEN COALESCE(digest_sent_at, $3) ELSE digest_sent_at END
        WHERE id = $1`,
      [userId, preference, at],
    );
  }

  /** In the transaction that queued the user's daily digest. */
  async markDigestSent(em: EntityManager, userId: string, at: Date): Promise<void> {
    await em.query(`UPDATE users SET digest_sent_at = $2 WHERE id = $1`, [userId, at]);
  }
}
