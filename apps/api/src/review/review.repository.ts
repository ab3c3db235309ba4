import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FlagOutcome, FlagReason, FlagTargetType, ReviewAction, ReviewReason, ReviewState, SpamCheck } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';

/** A post as review items and flags name it. */
export interface PostRef {
  targetType: FlagTargetType;
  targetId: string;
}

export const postKey = ({ targetType, targetId }: PostRef): string => `${targetType}:${targetId}`;

export interface ReviewItemRow extends PostRef {
  id: string;
  questionId: string;
  authorId: string | null;
  reason: ReviewReason;
  detail: string | null;
  state: ReviewState;
  createdAt: Date;
  decision: ReviewAction | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  secondLookRequestedAt: Date | null;
}

export interface FlagRow extends PostRef {
  id: string;
  questionId: string;
  flaggerId: string | null;
  reason: FlagReason;
  note: string | null;
  weight: number;
  createdAt: Date;
  reviewItemId: string;
  outcome: FlagOutcome | null;
  decidedAt: Date | null;
}

/** What a moderator reads of a post under review, whatever its kind and state (deleted too). */
export interface PostText extends PostRef {
  bodyHtml: string;
  body: string;
  moderationState: string;
  deleted: boolean;
}

/** A post author's record, for the moderator deciding about one of their posts. */
export interface AuthorHistory {
  authorId: string;
  questions: number;
  answers: number;
  comments: number;
  /** Flags on their posts a moderator upheld, and ones declined. */
  flagsUpheld: number;
  flagsDeclined: number;
  /** Review items about their posts that ended hidden, deleted or with a suspension. */
  postsRemoved: number;
  /** Every flag raised against their posts, decided or not. */
  flagsReceived: number;
  /** Their posts waiting for a moderator now (held, not deleted). */
  postsHeld: number;
}

export interface ReviewQueueFilter {
  state?: ReviewState | null;
  reason?: ReviewReason | null;
  targetType?: FlagTargetType | null;
  flagReason?: FlagReason | null;
}

const ITEM_COLUMNS = `r.id::text AS id, r.target_type AS "targetType", r.target_id::text AS "targetId", r.question_id::text AS "questionId",
  r.author_id::text AS "authorId", r.reason, r.detail, r.state, r.created_at AS "createdAt", r.decision, r.decision_note AS "decisionNote",
  r.decided_by::text AS "decidedBy", r.decided_at AS "decidedAt", r.second_look_requested_at AS "secondLookRequestedAt"`;

const FLAG_COLUMNS = `f.id::text AS id, f.target_type AS "targetType", f.target_id::text AS "targetId", f.question_id::text AS "questionId",
  f.flagger_id::text AS "flaggerId", f.reason, f.note, f.weight, f.created_at AS "createdAt", f.review_item_id::text AS "reviewItemId",
  f.outcome, f.decided_at AS "decidedAt"`;

/** The post of a review item (alias r) is still there (not soft-deleted), whatever its moderation state. */
const POST_LIVE = `CASE r.target_type
  WHEN 'QUESTION' THEN EXISTS (SELECT 1 FROM questions p WHERE p.id = r.target_id AND p.deleted_at IS NULL)
  WHEN 'ANSWER' THEN EXISTS (SELECT 1 FROM answers p WHERE p.id = r.target_id AND p.deleted_at IS NULL)
  ELSE EXISTS (SELECT 1 FROM comments p WHERE p.id = r.target_id AND p.deleted_at IS NULL) END`;

/**
 * Owner of `review_items` and `flags` (migration 1763901540000): the review queue and the flags members raise.
 * Reads the posts' tables for what a moderator needs to decide.
 */
@Injectable()
export class ReviewRepository {
  constructor(private readonly db: DataSource) {}

  /** The post's open item, locked for the rest of the transaction; null when none is open. */
  async lockOpenItem(em: EntityManager, post: PostRef): Promise<ReviewItemRow | null> {
    const rows: ReviewItemRow[] = await em.query(
      `SELECT ${ITEM_COLUMNS} FROM review_items r WHERE r.target_type = $1 AND r.target_id = $2 AND r.state = 'OPEN' FOR UPDATE`,
      [post.targetType, post.targetId],
    );
    return rows[0] ?? null;
  }

  async lockItem(em: EntityManager, id: string): Promise<ReviewItemRow | null> {
    const rows: ReviewItemRow[] = await em.query(`SELECT ${ITEM_COLUMNS} FROM review_items r WHERE r.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async findItem(em: EntityManager, id: string): Promise<ReviewItemRow | null> {
    const rows: ReviewItemRow[] = await em.query(`SELECT ${ITEM_COLUMNS} FROM review_items r WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insertItem(
    em: EntityManager,
    item: PostRef & { questionId: string; authorId: string | null; reason: ReviewReason; detail: string | null; spamChecks?: readonly SpamCheck[]; at: Date },
  ): Promise<ReviewItemRow> {
    const rows: ReviewItemRow[] = await em.query(
      `INSERT INTO review_items AS r (target_type, target_id, question_id, author_id, reason, detail, spam_checks, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ITEM_COLUMNS}`,
      [item.targetType, item.targetId, item.questionId, item.authorId, item.reason, item.detail, item.spamChecks ?? [], item.at],
    );
    return rows[0];
  }

  /** A member's flag; null when they had already flagged this post (once per member and post). */
  async insertFlag(
    em: EntityManager,
    flag: PostRef & { questionId: string; flaggerId: string; reason: FlagReason; note: string | null; weight: number; reviewItemId: string; at: Date },
  ): Promise<FlagRow | null> {
    const rows: FlagRow[] = await em.query(
      `INSERT INTO flags AS f (target_type, target_id, question_id, flagger_id, reason, note, weight, review_item_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (target_type, target_id, flagger_id) DO NOTHING
       RETURNING ${FLAG_COLUMNS}`,
      [flag.targetType, flag.targetId, flag.questionId, flag.flaggerId, flag.reason, flag.note, flag.weight, flag.reviewItemId, flag.at],
    );
    return rows[0] ?? null;
  }

  /** The post's open flags (not yet reviewed): their total weight and reasons, weightiest first. */
  async openFlags(em: EntityManager, post: PostRef): Promise<{ weight: number; reasons: FlagReason[] }> {
    const [row]: Array<{ weight: number; reasons: FlagReason[] | null }> = await em.query(
      `SELECT coalesce(sum(weight), 0)::int AS weight, array_agg(reason ORDER BY weight DESC, id) AS reasons
         FROM flags WHERE target_type = $1 AND target_id = $2 AND outcome IS NULL`,
      [post.targetType, post.targetId],
    );
    return { weight: row.weight, reasons: row.reasons ?? [] };
  }

  async resolveItem(em: EntityManager, id: string, decision: { action: ReviewAction; note: string | null; by: string; at: Date }): Promise<void> {
    await em.query(
      `UPDATE review_items SET state = 'RESOLVED', decision = $2, decision_note = $3, decided_by = $4, decided_at = $5 WHERE id = $1`,
      [id, decision.action, decision.note, decision.by, decision.at],
    );
  }

  /** Every open flag of the post gets the decision's outcome: the flaggers' accuracy. */
  async decideFlags(em: EntityManager, post: PostRef, outcome: FlagOutcome, at: Date): Promise<void> {
    await em.query(
      `UPDATE flags SET outcome = $3, decided_at = $4 WHERE target_type = $1 AND target_id = $2 AND outcome IS NULL`,
      [post.targetType, post.targetId, outcome, at],
    );
  }

  /** The author asked for a second look: the item is open again (when no other item of the post is), and says so. */
  async requestSecondLook(em: EntityManager, id: string, reopen: boolean, at: Date): Promise<void> {
    await em.query(
      `UPDATE review_items SET second_look_requested_at = $2, state = CASE WHEN $3::boolean THEN 'OPEN' ELSE state END WHERE id = $1`,
      [id, at, reopen],
    );
  }

  /** One page of the queue, oldest first (the longest waiting), plus one row, and the filter's total; only items whose post is still there. */
  async page(filter: ReviewQueueFilter, first: number, after: Keyset | null): Promise<{ rows: ReviewItemRow[]; total: number }> {
    const conditions = [`r.state = $1`, POST_LIVE];
    const params: unknown[] = [filter.state ?? 'OPEN'];
    const add = (condition: (n: number) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(params.length));
    };
    if (filter.reason) add((n) => `r.reason = $${n}`, filter.reason);
    if (filter.targetType) add((n) => `r.target_type = $${n}`, filter.targetType);
    if (filter.flagReason) add((n) => `EXISTS (SELECT 1 FROM flags f WHERE f.review_item_id = r.id AND f.reason = $${n})`, filter.flagReason);
    const where = conditions.join(' AND ');
    const pageParams = [...params];
    let keyset = '';
    if (after) {
      pageParams.push(after.key, after.id);
      keyset = ` AND (r.created_at, r.id) > ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::bigint)`;
    }
    pageParams.push(first + 1);
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(`SELECT ${ITEM_COLUMNS} FROM review_items r WHERE ${where}${keyset} ORDER BY r.created_at, r.id LIMIT $${pageParams.length}`, pageParams) as Promise<ReviewItemRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM review_items r WHERE ${where}`, params) as Promise<Array<{ total: number }>>,
    ]);
    return { rows, total };
  }

  /** The flags raised under each item, oldest first (for per-request batching). */
  async flagsOfItems(itemIds: readonly string[]): Promise<FlagRow[][]> {
    const rows: FlagRow[] = await this.db.query(
      `SELECT ${FLAG_COLUMNS} FROM flags f WHERE f.review_item_id = ANY($1::bigint[]) ORDER BY f.created_at, f.id`, [itemIds]);
    return itemIds.map((id) => rows.filter((row) => row.reviewItemId === id));
  }

  /** The newest review item of each post, or null (for what a post's author is told next). */
  async latestItems(posts: readonly PostRef[]): Promise<Array<ReviewItemRow | null>> {
    const rows: ReviewItemRow[] = await this.db.query(
      `SELECT DISTINCT ON (r.target_type, r.target_id) ${ITEM_COLUMNS}
         FROM review_items r JOIN unnest($1::text[], $2::bigint[]) AS p(target_type, target_id)
           ON r.target_type = p.target_type AND r.target_id = p.target_id
        ORDER BY r.target_type, r.target_id, r.id DESC`,
      [posts.map((p) => p.targetType), posts.map((p) => p.targetId)],
    );
    const byPost = new Map(rows.map((row) => [postKey(row), row]));
    return posts.map((post) => byPost.get(postKey(post)) ?? null);
  }

  /** Each post's text and state, deleted ones too. */
  async postTexts(posts: readonly PostRef[]): Promise<Array<PostText | null>> {
    const ids = (type: FlagTargetType) => posts.filter((p) => p.targetType === type).map((p) => p.targetId);
    const rows: PostText[] = await this.db.query(
      `SELECT 'QUESTION' AS "targetType", id::text AS "targetId", body, body_html AS "bodyHtml", moderation_state AS "moderationState", deleted_at IS NOT NULL AS deleted
         FROM questions WHERE id = ANY($1::bigint[])
       UNION ALL
       SELECT 'ANSWER', id::text, body, body_html, moderation_state, deleted_at IS NOT NULL FROM answers WHERE id = ANY($2::bigint[])
       UNION ALL
       SELECT 'COMMENT', id::text, body, body_html, moderation_state, deleted_at IS NOT NULL FROM comments WHERE id = ANY($3::bigint[])`,
      [ids('QUESTION'), ids('ANSWER'), ids('COMMENT')],
    );
    const byPost = new Map(rows.map((row) => [postKey(row), row]));
    return posts.map((post) => byPost.get(postKey(post)) ?? null);
  }

  /** Each author's record: posts written, flags on their posts upheld and declined, posts removed after review. */
  async authorHistories(authorIds: readonly string[]): Promise<AuthorHistory[]> {
    const rows: AuthorHistory[] = await this.db.query(
      `SELECT a.id::text AS "authorId",
              (SELECT count(*) FROM questions WHERE author_id = a.id)::int AS questions,
              (SELECT count(*) FROM answers WHERE author_id = a.id)::int AS answers,
              (SELECT count(*) FROM comments WHERE author_id = a.id)::int AS comments,
              (SELECT count(*) FROM flags f JOIN review_items r ON r.id = f.review_item_id WHERE r.author_id = a.id AND f.outcome = 'UPHELD')::int AS "flagsUpheld",
              (SELECT count(*) FROM flags f JOIN review_items r ON r.id = f.review_item_id WHERE r.author_id = a.id AND f.outcome = 'DECLINED')::int AS "flagsDeclined",
              (SELECT count(*) FROM review_items r WHERE r.author_id = a.id AND r.decision IN ('HIDE', 'DELETE', 'SUSPEND_AUTHOR'))::int AS "postsRemoved",
              (SELECT count(*) FROM flags f JOIN review_items r ON r.id = f.review_item_id WHERE r.author_id = a.id)::int AS "flagsReceived",
              ((SELECT count(*) FROM questions WHERE author_id = a.id AND moderation_state = 'HELD' AND deleted_at IS NULL)
             + (SELECT count(*) FROM answers WHERE author_id = a.id AND moderation_state = 'HELD' AND deleted_at IS NULL)
             + (SELECT count(*) FROM comments WHERE author_id = a.id AND moderation_state = 'HELD' AND deleted_at IS NULL))::int AS "postsHeld"
         FROM unnest($1::bigint[]) AS a(id)`,
      [authorIds],
    );
    return rows;
  }
}
