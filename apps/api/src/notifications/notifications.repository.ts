import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';
import type { NotificationEmailPreference, NotificationKind, NotificationPayload, NotificationRow } from './notification.model';

export type WatchTarget = 'QUESTION' | 'CATEGORY';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayload;
}

/** Plain SQL over notifications and watches: the queries are the design (indexes, SKIP LOCKED, unnest). */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: DataSource) {}

  /** One statement for any number of recipients (a busy category's watchers). */
  async insert(
    em: EntityManager,
    questionId: string | null,
    actorId: string | null,
    at: Date,
    notifications: NewNotification[],
  ): Promise<NotificationRow[]> {
    if (notifications.length === 0) return [];
    return em.query(
      `INSERT INTO notifications (user_id, kind, question_id, actor_id, payload, created_at)
       SELECT t.user_id, t.kind, $4, $5, t.payload, $6
         FROM unnest($1::bigint[], $2::text[], $3::jsonb[]) AS t(user_id, kind, payload)
       RETURNING id::text, user_id::text, kind, question_id::text, actor_id::text, payload, created_at, read_at`,
      [
        notifications.map((n) => n.userId),
        notifications.map((n) => n.kind),
        notifications.map((n) => JSON.stringify(n.payload)),
        questionId,
        actorId,
        at,
      ],
    );
  }

  async watchers(em: EntityManager, targetType: WatchTarget, targetId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await em.query(
      `SELECT user_id::text FROM watches WHERE target_type = $1 AND target_id = $2 ORDER BY created_at, user_id`,
      [targetType, targetId],
    );
    return rows.map((r) => r.user_id);
  }

  async usersWithRole(em: EntityManager, role: Role): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(`SELECT id::text FROM users WHERE role = $1 ORDER BY id`, [role]);
    return rows.map((r) => r.id);
  }

  /** Newest first, keyset over (created_at, id), served by notifications_user_newest. */
  async page(userId: string, first: number, after: Keyset | null): Promise<{ rows: NotificationRow[]; total: number }> {
    const params: unknown[] = [userId, first + 1];
    let keyset = '';
    if (after) {
      params.push(after.key, after.id);
      keyset = `AND (created_at, id) < ($3::timestamptz, $4::bigint)`;
    }
    const [rows, counted] = await Promise.all([
      this.db.query(
        `SELECT id::text, user_id::text, kind, question_id::text, actor_id::text, payload, created_at, read_at
           FROM notifications WHERE user_id = $1 ${keyset}
          ORDER BY created_at DESC, id DESC LIMIT $2`,
        params,
      ) as Promise<NotificationRow[]>,
      this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [userId]) as Promise<Array<{ n: number }>>,
    ]);
    return { rows, total: counted[0].n };
  }

  async unreadCount(userId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return rows[0].n;
  }

  /** Only ever the user's own unread rows; ids of anyone else's simply match nothing. */
  async markRead(userId: string, ids: string[] | null, at: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `WITH marked AS (
         UPDATE notifications SET read_at = $2
          WHERE user_id = $1 AND read_at IS NULL AND ($3::bigint[] IS NULL OR id = ANY($3::bigint[]))
          RETURNING 1)
       SELECT count(*)::int AS n FROM marked`,
      [userId, at, ids],
    );
    return rows[0].n;
  }

  async setWatching(userId: string, targetType: WatchTarget, targetId: string, watching: boolean, at: Date): Promise<void> {
    if (watching) {
      await this.db.query(
        `INSERT INTO watches (user_id, target_type, target_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [userId, targetType, targetId, at],
      );
    } else {
      await this.db.query(`DELETE FROM watches WHERE user_id = $1 AND target_type = $2 AND target_id = $3`, [userId, targetType, targetId]);
    }
  }

  /** Which of these targets the user watches (one query for a whole page of questions). */
  async watchedAmong(userId: string, targetType: WatchTarget, targetIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ target_id: string }> = await this.db.query(
      `SELECT target_id::text FROM watches WHERE user_id = $1 AND target_type = $2 AND target_id = ANY($3::bigint[])`,
      [userId, targetType, targetIds],
    );
    return new Set(rows.map((r) => r.target_id));
  }

  async emailPreference(userId: string): Promise<NotificationEmailPreference> {
    const rows: Array<{ notification_email: NotificationEmailPreference }> = await this.db.query(
      `SELECT notification_email FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.notification_email ?? 'IN_APP_ONLY';
  }

  /** Choosing the digest starts its day now, so the first one does not arrive at once with everything old in it. */
  async setEmailPreference(userId: string, preference: NotificationEmailPreference, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE users SET notification_email = $2,
              digest_sent_at = CASE WHEN $2 = 'DAILY_DIGEST' THEN COALESCE(digest_sent_at, $3) ELSE digest_sent_at END
        WHERE id = $1`,
      [userId, preference, at],
    );
  }
}
