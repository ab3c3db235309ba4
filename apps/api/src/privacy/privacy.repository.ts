import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type MemberDataExport = {
  profile: Record<string, unknown>;
  questions: Record<string, unknown>[];
  answers: Record<string, unknown>[];
  comments: Record<string, unknown>[];
  /** The private messages the member wrote, never what our team wrote to them. */
  privateMessages: Record<string, unknown>[];
  revisions: Record<string, unknown>[];
  votes: Record<string, unknown>[];
  watches: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  notificationPreferences: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
};

/**
 * The export of everything stored about a member, one read over the tables that hold a user id; the
 * erasure is done by each table's owner (PrivacyService calls them).
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
      privateMessages: await rows(`
        SELECT id::text, question_id::text AS "questionId", body, created_at AS "createdAt"
          FROM private_messages WHERE author_id = $1 ORDER BY id`),
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
      notificationPreferences: await rows(`
        SELECT kind, email, updated_at AS "updatedAt" FROM notification_preferences WHERE user_id = $1 ORDER BY kind`),
      sessions: await rows(`
        SELECT created_at AS "createdAt", expires_at AS "expiresAt" FROM sessions WHERE user_id = $1 ORDER BY created_at`),
    };
  }
}
