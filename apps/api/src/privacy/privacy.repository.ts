import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a deleted account is called wherever its posts are shown. */
export const DELETED_MEMBER_NAME = 'Deleted member';

export type MemberDataExport = {
  profile: Record<string, unknown>;
  questions: Record<string, unknown>[];
  answers: Record<string, unknown>[];
  comments: Record<string, unknown>[];
  revisions: Record<string, unknown>[];
  votes: Record<string, unknown>[];
  watches: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
};

/**
 * The statements of a member's privacy rights: everything stored about them (export) and the erasure of
 * their personal data. They span the tables that hold a user id, so they are kept together here, each
 * named for the table it reads or writes.
 */
@Injectable()
export class PrivacyRepository {
  async exportFor(em: EntityManager, userId: string): Promise<MemberDataExport> {
    const rows = (sql: string) => em.query(sql, [userId]) as Promise<Record<string, unknown>[]>;
    const [profile] = await rows(`
      SELECT id::text, email, display_name AS "displayName", role, affiliation, reputation, notification_email AS "notificationEmail",
             created_at AS "createdAt", updated_at AS "updatedAt"
        FROM users WHERE id = $1`);
    return {
      profile,
      questions: await rows(`
        SELECT id::text, category_id::text AS "categoryId", title, body, tags, status, score, created_at AS "createdAt",
               updated_at AS "updatedAt", deleted_at AS "deletedAt"
          FROM questions WHERE author_id = $1 ORDER BY id`),
      answers: await rows(`
        SELECT id::text, question_id::text AS "questionId", body, score, created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"
          FROM answers WHERE author_id = $1 ORDER BY id`),
      comments: await rows(`
        SELECT id::text, question_id::text AS "questionId", target_type AS "targetType", target_id::text AS "targetId", body,
               created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"
          FROM comments WHERE author_id = $1 ORDER BY id`),
      revisions: await rows(`
        SELECT post_type AS "postType", post_id::text AS "postId", title, body, tags, created_at AS "createdAt"
          FROM post_revisions WHERE editor_id = $1 ORDER BY id`),
      votes: await rows(`
        SELECT target_type AS "targetType", target_id::text AS "targetId", value, created_at AS "createdAt"
          FROM votes WHERE user_id = $1 ORDER BY created_at, target_type, target_id`),
      watches: await rows(`
        SELECT target_type AS "targetType", target_id::text AS "targetId", created_at AS "createdAt"
          FROM watches WHERE user_id = $1 ORDER BY created_at`),
      notifications: await rows(`
        SELECT kind, question_id::text AS "questionId", payload, created_at AS "createdAt", read_at AS "readAt"
          FROM notifications WHERE user_id = $1 ORDER BY id`),
      sessions: await rows(`
        SELECT created_at AS "createdAt", expires_at AS "expiresAt" FROM sessions WHERE user_id = $1 ORDER BY created_at`),
    };
  }

  /** Locks the account's row; null when it does not exist or is deleted already. */
  async lockLiveAccount(em: EntityManager, userId: string): Promise<{ email: string | null; passwordHash: string | null; role: string } | null> {
    const [row] = await em.query(
      `SELECT email, password_hash AS "passwordHash", role FROM users WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [userId],
    );
    return row ?? null;
  }

  async otherLiveAdmins(em: EntityManager, userId: string): Promise<number> {
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM users WHERE role = 'ADMIN' AND deleted_at IS NULL AND id <> $1`, [userId]);
    return count;
  }

  /**
   * Erases what identifies the member and what they did privately (watches, notifications, queued mail,
   * reading history; PrivacyService ends the sessions through their owner), and keeps the row their posts, votes and acceptances
   * point at, under DELETED_MEMBER_NAME: threads stay whole and no report figure moves.
   */
  async eraseAccount(em: EntityManager, userId: string, now: Date): Promise<void> {
    await em.query(
      `UPDATE users SET email = NULL, display_name = $2, password_hash = NULL, role = 'MEMBER', notification_email = 'IN_APP_ONLY',
                        digest_sent_at = NULL, deleted_at = $3, updated_at = $3
        WHERE id = $1`,
      [userId, DELETED_MEMBER_NAME, now],
    );
    for (const table of ['watches', 'notifications', 'email_outbox']) {
      await em.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    }
    await em.query(`UPDATE question_views SET viewer_id = NULL WHERE viewer_id = $1`, [userId]);
  }
}
