import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';
import { emailChoiceSql, type ImmediateMailRecipient } from './email-outbox.repository';
import { EMAILED_AT_ONCE_BY_DEFAULT, type NotificationEmailPreference, type NotificationKind, type NotificationPayload, type NotificationRow } from './notification.model';
import { prepared } from '../database/prepared-statements';

export type WatchTarget = 'QUESTION' | 'CATEGORY';

/** A question as notifications describe it (QuestionFacts): `q` and its category `c`. */
const QUESTION_FACTS = {
  columns: `q.id::text, q.title, q.author_id::text, q.category_id::text, c.name AS category_name`,
  from: `questions q LEFT JOIN categories c ON c.id = q.category_id`,
};

/** The watchers of a question or a category (SQL expressions for its type and id), in the order they are told: who watched first. */
const watchersOf = (targetType: string, targetId: string) =>
  `SELECT w.user_id::text FROM watches w WHERE w.target_type = ${targetType} AND w.target_id = ${targetId} ORDER BY w.created_at, w.user_id`;

export interface QuestionFacts {
  id: string;
  title: string;
  author_id: string;
  category_id: string;
  category_name: string | null;
}

/** What an answer's notifications say, read in one statement: its question, its author's name, the question's watchers and the answer's Markdown. */
export interface AnswerFacts {
  question: QuestionFacts;
  authorName: string | null;
  watchers: string[];
  body: string;
}

/** A comment as its notifications describe it: what it is on and whose that post is. */
export interface CommentFacts {
  body: string;
  target_type: 'QUESTION' | 'ANSWER';
  target_id: string;
  target_author_id: string;
  /** Published and visible: held comments tell nobody yet. */
  shown: boolean;
}

/** A notification as a digest lists it. */
export interface UnreadLine {
  question_id: string | null;
  payload: NotificationPayload;
}

export interface KindPreference {
  kind: NotificationKind;
  email: NotificationEmailPreference | null;
}

/** A member the mention autocomplete offers. */
export interface MentionCandidate {
  id: string;
  display_name: string;
}

/**
 * Who a notification is for: a member, or whoever works a category's escalations (`staffOf`: its staff team, or
 * every STAFF user when it has none), found by the insert itself so a batch fans out in the same statement.
 */
export type Addressee = { userId: string } | { staffOf: string };

export type NewNotification = Addressee & {
  kind: NotificationKind;
  payload: NotificationPayload;
};

/** One event's notifications about one question. */
export interface NotificationGroup {
  questionId: string | null;
  /** Whoever caused it; never notified of their own action. Null for the system (timers) or to tell everyone addressed. */
  actorId: string | null;
  /** In priority order: a person addressed twice gets only the first (an asker who also watches). */
  recipients: NewNotification[];
}

/** Plain SQL over notifications and watches: the queries are the design (indexes, SKIP LOCKED, unnest). */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * One statement for any number of groups and recipients (a sweep's batch, a busy category's watchers, a staff team),
   * written in the order of the groups and their recipients. Returns, in id order, only the new notifications that are
   * mailed at once (EmailOutbox.enqueueImmediate): a sweep batch's 6,000 ids went to the API and back to find none,
   * about 7 ms of the API's CPU per batch. The rows go as one JSON parameter (a batch's payloads are not escaped one
   * by one into array literals). In place of foreign keys (their per-row checks were dropped, migration
   * 1763901780000), only members and questions that exist are notified, each distinct id looked up once.
   */
  async insert(em: EntityManager, at: Date, groups: readonly NotificationGroup[]): Promise<ImmediateMailRecipient[]> {
    let ord = 0;
    const rows = groups.flatMap((group, grp) => group.recipients.map((r) => ({
      grp,
      ord: ord++,
      question_id: group.questionId,
      actor_id: group.actorId,
      user_id: 'userId' in r ? r.userId : null,
      staff_of: 'staffOf' in r ? r.staffOf : null,
      kind: r.kind,
      payload: r.payload,
    })));
    if (rows.length === 0) return [];
    return em.query(
      prepared(`WITH wanted AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
                  AS w(grp int, ord int, question_id bigint, actor_id bigint, user_id bigint, staff_of bigint, kind text, payload jsonb)),
       -- Who works a category's escalations: its staff team, or every STAFF user when it has none.
       staff AS (
         SELECT cs.category_id, cs.user_id FROM category_staff cs
          WHERE cs.category_id IN (SELECT staff_of FROM wanted)
         UNION ALL
         SELECT c.id, u.id FROM (SELECT DISTINCT staff_of AS id FROM wanted WHERE staff_of IS NOT NULL) c
           JOIN users u ON u.role = 'STAFF'
          WHERE NOT EXISTS (SELECT 1 FROM category_staff cs WHERE cs.category_id = c.id)),
       addressed AS (
         SELECT DISTINCT ON (w.grp, COALESCE(w.user_id, s.user_id)) w.grp, w.ord, w.question_id, w.actor_id,
                COALESCE(w.user_id, s.user_id) AS user_id, w.kind, w.payload
           FROM wanted w LEFT JOIN staff s ON s.category_id = w.staff_of
          WHERE COALESCE(w.user_id, s.user_id) IS DISTINCT FROM w.actor_id AND COALESCE(w.user_id, s.user_id) IS NOT NULL
          ORDER BY w.grp, COALESCE(w.user_id, s.user_id), w.ord),
       -- By key, as arrays: whatever the estimate of rows addressed, neither table is read whole.
       members AS (
         SELECT id, email, display_name, notification_email FROM users
          WHERE id = ANY(ARRAY(SELECT user_id FROM addressed UNION SELECT actor_id FROM addressed))),
       preferences AS (
         SELECT user_id, kind, email FROM notification_preferences WHERE user_id = ANY(ARRAY(SELECT id FROM members))),
       questions_named AS (
         SELECT id FROM questions WHERE id = ANY(ARRAY(SELECT DISTINCT question_id FROM addressed))),
       inserted AS (
         INSERT INTO notifications (user_id, kind, question_id, actor_id, payload, created_at)
         SELECT user_id, kind, question_id, actor_id, payload, $2 FROM addressed
          WHERE user_id IN (SELECT id FROM members) AND (actor_id IS NULL OR actor_id IN (SELECT id FROM members))
            AND (question_id IS NULL OR question_id IN (SELECT id FROM questions_named))
          ORDER BY grp, ord, user_id
         RETURNING id, user_id, kind, question_id, payload)
       SELECT n.id::text AS notification_id, n.question_id::text, n.payload->>'message' AS message, u.id::text, u.email, u.display_name
         FROM inserted n JOIN members u ON u.id = n.user_id
         LEFT JOIN preferences p ON p.user_id = n.user_id AND p.kind = n.kind
        WHERE u.email IS NOT NULL AND ${emailChoiceSql('$3')} = 'IMMEDIATE'
        ORDER BY n.id`),
      [JSON.stringify(rows), at, EMAILED_AT_ONCE_BY_DEFAULT],
    );
  }

  async watchers(em: EntityManager, targetType: WatchTarget, targetId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await em.query(
      watchersOf('$1', '$2'),
      [targetType, targetId],
    );
    return rows.map((r) => r.user_id);
  }

  async usersWithRole(em: EntityManager, role: Role): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(`SELECT id::text FROM users WHERE role = $1 ORDER BY id`, [role]);
    return rows.map((r) => r.id);
  }

  /** Who has the question's open escalation, if anyone (a read of escalation's table). */
  async openEscalationAssignee(em: EntityManager, questionId: string): Promise<string | null> {
    const rows: Array<{ assignee_id: string | null }> = await em.query(
      `SELECT assignee_id::text FROM escalations WHERE question_id = $1 AND closed_at IS NULL`, [questionId]);
    return rows[0]?.assignee_id ?? null;
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

  /** Questions as notifications describe them, with their categories' names, by id (one missing when it is gone). */
  async questionFacts(em: EntityManager, questionIds: readonly string[]): Promise<Map<string, QuestionFacts>> {
    const rows: QuestionFacts[] = await em.query(
      `SELECT ${QUESTION_FACTS.columns} FROM ${QUESTION_FACTS.from} WHERE q.id = ANY($1::bigint[])`,
      [questionIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The facts an answer's notifications need (see AnswerFacts), null when its question is gone. */
  async answerFacts(em: EntityManager, questionId: string, answerId: string, authorId: string): Promise<AnswerFacts | null> {
    const rows: Array<QuestionFacts & { author_name: string | null; watchers: string[]; body: string | null }> = await em.query(
      prepared(`SELECT ${QUESTION_FACTS.columns},
              (SELECT display_name FROM users WHERE id = $3) AS author_name,
              ARRAY(${watchersOf(`'QUESTION'`, 'q.id')}) AS watchers,
              (SELECT body FROM answers WHERE id = $2) AS body
         FROM ${QUESTION_FACTS.from}
        WHERE q.id = $1`),
      [questionId, answerId, authorId],
    );
    if (rows.length === 0) return null;
    const { author_name, watchers, body, ...question } = rows[0];
    return { question, authorName: author_name, watchers, body: body ?? '' };
  }

  /** The Markdown of a question or an answer (its mentions are read from it). */
  async postBody(em: EntityManager, targetType: 'QUESTION' | 'ANSWER', id: string): Promise<string> {
    const table = targetType === 'QUESTION' ? 'questions' : 'answers';
    const rows: Array<{ body: string }> = await em.query(`SELECT body FROM ${table} WHERE id = $1`, [id]);
    return rows[0]?.body ?? '';
  }

  /** The post's Markdown while published and shown, else null: a held post's mentions wait for its publication, a hidden one's tell nobody. */
  async publishedPostBody(em: EntityManager, targetType: 'QUESTION' | 'ANSWER', id: string): Promise<string | null> {
    const table = targetType === 'QUESTION' ? 'questions' : 'answers';
    const rows: Array<{ body: string }> = await em.query(`SELECT body FROM ${table} WHERE id = $1 AND published AND moderation_state = 'VISIBLE'`, [id]);
    return rows[0]?.body ?? null;
  }

  async commentFacts(em: EntityManager, commentId: string): Promise<CommentFacts | null> {
    const rows: CommentFacts[] = await em.query(
      `SELECT c.body, c.target_type, c.target_id::text, COALESCE(q.author_id, a.author_id)::text AS target_author_id,
              c.published AND c.moderation_state = 'VISIBLE' AND c.deleted_at IS NULL AS shown
         FROM comments c
         LEFT JOIN questions q ON c.target_type = 'QUESTION' AND q.id = c.target_id
         LEFT JOIN answers a ON c.target_type = 'ANSWER' AND a.id = c.target_id
        WHERE c.id = $1`,
      [commentId],
    );
    return rows[0] ?? null;
  }

  /** Which of these ids are members with an account (not deleted), in the order given. */
  async existingMembers(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await em.query(
      `SELECT id::text FROM users WHERE id = ANY($1::bigint[]) AND deleted_at IS NULL`,
      [ids],
    );
    const found = new Set(rows.map((r) => r.id));
    return ids.filter((id) => found.has(id));
  }

  async displayName(em: EntityManager, userId: string): Promise<string | null> {
    const rows: Array<{ display_name: string }> = await em.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.display_name ?? null;
  }

  /**
   * A digest's lines: the user's unread notifications since `since` of the kinds they get in the digest,
   * newest first, at most `limit`, with how many there are in all.
   */
  async unreadSince(em: EntityManager, userId: string, since: Date | null, limit: number): Promise<{ rows: UnreadLine[]; total: number }> {
    const rows: Array<UnreadLine & { total: number }> = await em.query(
      `SELECT n.question_id::text, n.payload, count(*) OVER ()::int AS total
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
        WHERE n.user_id = $1 AND n.read_at IS NULL AND n.created_at > COALESCE($2::timestamptz, '-infinity')
          AND ${emailChoiceSql('$4')} = 'DAILY_DIGEST'
        ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
      [userId, since, limit, EMAILED_AT_ONCE_BY_DEFAULT],
    );
    return { rows: rows.map(({ question_id, payload }) => ({ question_id, payload })), total: rows[0]?.total ?? 0 };
  }

  /** The kinds the user chose an e-mail for; the others follow their default (`defaultEmailFor`). */
  async kindPreferences(userId: string): Promise<Array<{ kind: NotificationKind; email: NotificationEmailPreference }>> {
    return this.db.query(`SELECT kind, email FROM notification_preferences WHERE user_id = $1 ORDER BY kind`, [userId]);
  }

  /** One statement: a null e-mail drops the kind's row (it follows the default again), others are written. */
  async setKindPreferences(userId: string, preferences: readonly KindPreference[], at: Date): Promise<void> {
    await this.db.query(
      `WITH chosen AS (SELECT * FROM unnest($2::text[], $3::text[]) AS t(kind, email)),
       cleared AS (
         DELETE FROM notification_preferences p USING chosen c
          WHERE p.user_id = $1 AND p.kind = c.kind AND c.email IS NULL)
       INSERT INTO notification_preferences (user_id, kind, email, updated_at)
       SELECT $1, kind, email, $4 FROM chosen WHERE email IS NOT NULL
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
      [userId, preferences.map((p) => p.kind), preferences.map((p) => p.email), at],
    );
  }

  /**
   * Members whose display name, or a word of it, starts with `prefix` (lower case, LIKE wildcards
   * escaped): the thread's visible participants first, then by name. Never the viewer or a deleted account.
   */
  async mentionCandidates(viewerId: string, prefix: string, questionId: string | null, limit: number): Promise<MentionCandidate[]> {
    return this.db.query(
      `WITH thread AS (
         SELECT id FROM questions WHERE id = $3 AND deleted_at IS NULL AND moderation_state = 'VISIBLE'),
       participants AS (
         SELECT q.author_id AS user_id FROM questions q JOIN thread t ON t.id = q.id
         UNION SELECT a.author_id FROM answers a JOIN thread t ON t.id = a.question_id
                WHERE a.deleted_at IS NULL AND a.moderation_state = 'VISIBLE'
         UNION SELECT c.author_id FROM comments c JOIN thread t ON t.id = c.question_id
                WHERE c.deleted_at IS NULL AND c.moderation_state = 'VISIBLE')
       SELECT u.id::text, u.display_name FROM users u
        WHERE u.deleted_at IS NULL AND u.id <> $1
          AND (lower(u.display_name) LIKE $2 || '%' OR lower(u.display_name) LIKE '% ' || $2 || '%')
        ORDER BY u.id IN (SELECT user_id FROM participants) DESC, lower(u.display_name), u.id
        LIMIT $4`,
      [viewerId, prefix, questionId, limit],
    );
  }

  /** A deleted account's watches, notifications and preferences go with it. */
  async deleteAllOf(em: EntityManager, userId: string): Promise<void> {
    await em.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    await em.query(`DELETE FROM watches WHERE user_id = $1`, [userId]);
    await em.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
  }
}
