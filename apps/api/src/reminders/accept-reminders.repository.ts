import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared } from '../database/prepared-statements';

/** A due reminder, claimed, with what deciding whether to send it needs. */
export interface DueReminder {
  questionId: string;
  askerId: string;
  title: string;
  /** Still worth a reminder: live, unsolved, not with staff, not closed. */
  open: boolean;
}

export interface PeerAnswerLine {
  questionId: string;
  answerId: string;
  authorName: string;
  excerpt: string;
}

export interface NewReminderLink {
  tokenHash: string;
  questionId: string;
  /** Null: the "it did not help" link. */
  answerId: string | null;
}

/** What a link leads to, for the page that confirms it (nothing is changed by reading it). */
export interface ReminderLink {
  questionId: string;
  questionTitle: string;
  askerId: string;
  answerId: string | null;
  answerExcerpt: string | null;
  answerAuthorName: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface ReminderFigures {
  sent: number;
  /** Sent reminders whose question had an accepted answer after the reminder. */
  ledToAcceptance: number;
}

/** What scheduling a question's reminder needs to know about it, read in one statement. */
export interface ReminderFacts {
  askerId: string;
  askedAt: Date;
  unsolvedWindowHours: number;
  /** Imported history gets no reminder. */
  imported: boolean;
  /** It has its reminder already (its first peer answer came earlier). */
  scheduled: boolean;
}

/** The one owner of `accept_reminders` and `accept_reminder_links`. */
@Injectable()
export class AcceptRemindersRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The question's asker, age and category window, whether it was imported and whether it has its reminder:
   * one statement instead of a read of the question, its attribution and its category on every peer answer.
   */
  async factsFor(em: EntityManager, questionId: string): Promise<ReminderFacts | null> {
    const rows: ReminderFacts[] = await em.query(
      prepared(`SELECT q.author_id::text AS "askerId", q.created_at AS "askedAt", c.unsolved_window_hours AS "unsolvedWindowHours",
              EXISTS (SELECT 1 FROM post_attributions pa WHERE pa.target_type = 'QUESTION' AND pa.target_id = q.id) AS imported,
              EXISTS (SELECT 1 FROM accept_reminders r WHERE r.question_id = q.id) AS scheduled
         FROM questions q JOIN categories c ON c.id = q.category_id
        WHERE q.id = $1`),
      [questionId],
    );
    return rows[0] ?? null;
  }

  /** The question's one reminder, due then; a question that has one already keeps it. */
  async schedule(em: EntityManager, questionId: string, dueAt: Date): Promise<void> {
    await em.query(`INSERT INTO accept_reminders (question_id, due_at) VALUES ($1, $2) ON CONFLICT (question_id) DO NOTHING`, [questionId, dueAt]);
  }

  /**
   * Locks up to `limit` due, unsent reminders (SKIP LOCKED: several API processes each take others), with
   * whether each question still needs one. The rows stay locked until the caller's transaction ends.
   */
  async claimDue(em: EntityManager, now: Date, limit: number): Promise<DueReminder[]> {
    const rows: Array<{ question_id: string; author_id: string; title: string; open: boolean }> = await em.query(
      `SELECT r.question_id::text, q.author_id::text, q.title,
              (q.deleted_at IS NULL AND q.accepted_answer_id IS NULL AND q.status NOT IN ('CLOSED', 'ESCALATED', 'SOLVED')) AS open
         FROM accept_reminders r JOIN questions q ON q.id = r.question_id
        WHERE r.sent_at IS NULL AND r.skipped_at IS NULL AND r.due_at <= $1
        ORDER BY r.due_at
        LIMIT $2
          FOR UPDATE OF r SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => ({ questionId: r.question_id, askerId: r.author_id, title: r.title, open: r.open }));
  }

  /** The visible, live peer answers of these questions (staff answers and the asker's own are not peer help), oldest first. */
  async peerAnswers(em: EntityManager, questionIds: readonly string[]): Promise<PeerAnswerLine[]> {
    if (questionIds.length === 0) return [];
    const rows: Array<{ question_id: string; answer_id: string; author_name: string; excerpt: string }> = await em.query(
      `SELECT a.question_id::text, a.id::text AS answer_id, u.display_name AS author_name, left(regexp_replace(a.body, '\\s+', ' ', 'g'), 160) AS excerpt
         FROM answers a JOIN questions q ON q.id = a.question_id JOIN users u ON u.id = a.author_id
        WHERE a.question_id = ANY($1::bigint[]) AND a.author_kind = 'PEER' AND a.author_id <> q.author_id
          AND a.deleted_at IS NULL AND a.moderation_state = 'VISIBLE'
        ORDER BY a.question_id, a.created_at, a.id`,
      [questionIds],
    );
    return rows.map((r) => ({ questionId: r.question_id, answerId: r.answer_id, authorName: r.author_name, excerpt: r.excerpt }));
  }

  async markSkipped(em: EntityManager, questionIds: readonly string[], now: Date): Promise<void> {
    if (questionIds.length === 0) return;
    await em.query(`UPDATE accept_reminders SET skipped_at = $2 WHERE question_id = ANY($1::bigint[])`, [questionIds, now]);
  }

  async markSent(em: EntityManager, questionIds: readonly string[], now: Date, expiresAt: Date): Promise<void> {
    if (questionIds.length === 0) return;
    await em.query(`UPDATE accept_reminders SET sent_at = $2, expires_at = $3 WHERE question_id = ANY($1::bigint[])`, [questionIds, now, expiresAt]);
  }

  async insertLinks(em: EntityManager, links: readonly NewReminderLink[]): Promise<void> {
    if (links.length === 0) return;
    await em.query(
      `INSERT INTO accept_reminder_links (token_hash, question_id, answer_id)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])`,
      [links.map((l) => l.tokenHash), links.map((l) => l.questionId), links.map((l) => l.answerId)],
    );
  }

  /** The link with this token hash and its reminder; null for a token no reminder ever had. */
  async findLink(em: EntityManager | null, tokenHash: string): Promise<ReminderLink | null> {
    const rows: Array<{
      question_id: string; title: string; author_id: string; answer_id: string | null; answer_excerpt: string | null; answer_author: string | null;
      expires_at: Date; used_at: Date | null;
    }> = await (em ?? this.db).query(
      `SELECT l.question_id::text, q.title, q.author_id::text, l.answer_id::text,
              left(regexp_replace(a.body, '\\s+', ' ', 'g'), 300) AS answer_excerpt, u.display_name AS answer_author, r.expires_at, r.used_at
         FROM accept_reminder_links l
         JOIN accept_reminders r ON r.question_id = l.question_id
         JOIN questions q ON q.id = l.question_id
         LEFT JOIN answers a ON a.id = l.answer_id
         LEFT JOIN users u ON u.id = a.author_id
        WHERE l.token_hash = $1 AND r.sent_at IS NOT NULL`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? {
      questionId: row.question_id, questionTitle: row.title, askerId: row.author_id, answerId: row.answer_id, answerExcerpt: row.answer_excerpt,
      answerAuthorName: row.answer_author, expiresAt: row.expires_at, usedAt: row.used_at,
    } : null;
  }

  /**
   * Uses the reminder of this link, in one statement, when it is unused and unexpired: every link of the
   * reminder stops working. False when it was used or has expired meanwhile.
   */
  async consume(em: EntityManager, tokenHash: string, now: Date): Promise<boolean> {
    const [rows]: [unknown[], number] = await em.query(
      `UPDATE accept_reminders r
          SET used_at = $2, outcome = CASE WHEN l.answer_id IS NULL THEN 'NOT_HELPED' ELSE 'ACCEPTED' END
         FROM accept_reminder_links l
        WHERE l.token_hash = $1 AND r.question_id = l.question_id AND r.used_at IS NULL AND r.expires_at > $2
        RETURNING r.question_id`,
      [tokenHash, now],
    );
    return rows.length > 0;
  }

  /**
   * Reminders sent by `asOf` for the questions asked in [from, to) (the deflection report's cohort, with its
   * category and tag filters), and how many of those questions had an answer accepted after the reminder, by `asOf`.
   */
  async figures(cohort: { from: Date; to: Date; asOf: Date; categoryId: string | null; tag: string | null }): Promise<ReminderFigures> {
    const [row]: Array<{ sent: number; led_to_acceptance: number }> = await this.db.query(
      `SELECT count(*)::int AS sent,
              count(*) FILTER (WHERE q.accepted_answer_id IS NOT NULL AND q.solved_at >= r.sent_at AND q.solved_at <= $3)::int AS led_to_acceptance
         FROM accept_reminders r JOIN questions q ON q.id = r.question_id
        WHERE r.sent_at <= $3 AND q.created_at >= $1 AND q.created_at < $2
          AND ($4::bigint IS NULL OR q.category_id = $4::bigint) AND ($5::text IS NULL OR $5 = ANY(q.tags))`,
      [cohort.from, cohort.to, cohort.asOf, cohort.categoryId, cohort.tag],
    );
    return { sent: row.sent, ledToAcceptance: row.led_to_acceptance };
  }
}
