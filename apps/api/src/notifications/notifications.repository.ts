import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';
import type { NotificationKind, NotificationPayload, NotificationRow } from './notification.model';

export type WatchTarget = 'QUESTION' | 'CATEGORY';

export interface QuestionFacts {
  id: string;
  title: string;
  author_id: string;
  category_id: string;
  category_name: string | null;
}

/** A notification as a digest lists it. */
export interface UnreadLine {
  question_id: string | null;
  payload: NotificationPayload;
}

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

  /** Who works a category's escalations: its staff team, or every STAFF user when it has none. */
  async categoryStaff(em: EntityManager, categoryId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT user_id::text AS id FROM category_staff WHERE category_id = $1
       UNION ALL
       SELECT id::text FROM users WHERE role = 'STAFF' AND NOT EXISTS (SELECT 1 FROM category_staff WHERE category_id = $1)
       ORDER BY id`,
      [categoryId],
    );
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

  /** A question as notifications describe it, with its category's name (null when it is gone). */
  async questionFacts(em: EntityManager, questionId: string): Promise<QuestionFacts | null> {
    const rows: QuestionFacts[] = await em.query(
      `SELECT q.id::text, q.title, q.author_id::text, q.category_id::text, c.name AS category_name
         FROM questions q LEFT JOIN categories c ON c.id = q.category_id
        WHERE q.id = $1`,
      [questionId],
    );
    return rows[0] ?? null;
  }

  async displayName(em: EntityManager, userId: string): Promise<string | null> {
    const rows: Array<{ display_name: string }> = await em.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.display_name ?? null;
  }

  /** A digest's lines: the user's unread notifications since `since`, newest first, at most `limit`, with how many there are in all. */
  async unreadSince(em: EntityManager, userId: string, since: Date | null, limit: number): Promise<{ rows: UnreadLine[]; total: number }> {
    const rows: Array<UnreadLine & { total: number }> = await em.query(
      `SELECT question_id::text, payload, count(*) OVER ()::int AS total FROM notifications
        WHERE user_id = $1 AND read_at IS NULL AND created_at > COALESCE($2::timestamptz, '-infinity')
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [userId, since, limit],
    );
    return { rows: rows.map(({ question_id, payload }) => ({ question_id, payload })), total: rows[0]?.total ?? 0 };
  }

  /** A deleted account's watches and notifications go with it. */
  async deleteAllOf(em: EntityManager, userId: string): Promise<void> {
    await em.query(`DELETE FROM watches WHERE user_id = $1`, [userId]);
    await em.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
  }
}
