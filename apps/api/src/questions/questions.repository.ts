import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { type RecentPost, type CloseReason, type ModerationState, type PostHold, type ThreadStatus, type TimeoutReason, validationFailed, WAITING_STATUSES } from '@peerdesk/domain';
import type { QuestionOrder } from '../common/enums';
import { COUNT_CAP, type Keyset } from '../common/pagination';
import type { QuestionFilter } from './dto/question.input';
import { QuestionEntity } from './question.entity';
import { entityColumns, findInOrder, inIdOrder, manyPlain } from '../database/plain-rows';
import { POST_TEXT, type PostText } from '../common/post-text';
import { prepared } from '../database/prepared-statements';

/** A key exactly as keyOf writes it (PostgreSQL has no year 0); anything else in a cursor was not handed out by the API. */
const ISO_MILLIS = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isTimestampKey = (key: string | number) => typeof key === 'string' && ISO_MILLIS.test(key) && new Date(key).toISOString() === key;
/** What the asker writes; the rest of a new question's row starts empty. */
export type NewQuestion = Pick<QuestionEntity, 'categoryId' | 'authorId' | 'title' | 'body' | 'bodyHtml' | 'tags' | 'status'>;

/** A question whose community deadline passed, as the sweep claims it to escalate it. */
export type DueQuestion = Pick<QuestionEntity, 'id' | 'categoryId' | 'authorId' | 'status' | 'communityDueTrigger'>;

/**
 * A question as lists, search hits and similar questions read it: its row less its text (POST_TEXT), which
 * Question.body and bodyHtml load only when asked (QuestionTextLoader).
 */
export type QuestionRow = Omit<QuestionEntity, (typeof POST_TEXT)[number]>;

/** A question's text as an edit sets it. */
export type QuestionText = Pick<QuestionEntity, 'title' | 'body' | 'bodyHtml' | 'tags'>;

/** A live question with the question it duplicates (the `duplicate_of` column, which the entity leaves out). */
export interface QuestionWithDuplicateLink {
  question: QuestionEntity;
  duplicateOf: string | null;
}

/** What a page of questions counts in its own statement (QuestionsRepository.page). */
export type PageCount = 'capped' | 'pinned' | null;

const isScoreKey = (key: string | number) => typeof key === 'number' && Number.isInteger(key) && Math.abs(key) <= 2 ** 31 - 1;

/** Each ordering is a keyset over (column, id) descending, served by its own index. */
const ORDER_COLUMNS: Record<QuestionOrder, { column: string; property: keyof QuestionRow; keyOf: (q: QuestionRow) => string | number; fits: (key: string | number) => boolean }> = {
  NEWEST: { column: 'q.created_at', property: 'createdAt', keyOf: (q) => q.createdAt.toISOString(), fits: isTimestampKey },
  ACTIVITY: { column: 'q.last_activity_at', property: 'lastActivityAt', keyOf: (q) => q.lastActivityAt.toISOString(), fits: isTimestampKey },
  SCORE: { column: 'q.score', property: 'score', keyOf: (q) => q.score, fits: isScoreKey },
};

/** WAITING_STATUSES as SQL (the domain's constants), so the planner sees the statuses an unanswered list reads. */
const WAITING_SQL = WAITING_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * A list filter's conditions on `questions q`, its values appended to `parameters` (numbered after those already
 * there): plain SQL, as a page's statement is built on every uncached request.
 */
function listConditions(filter: QuestionFilter, parameters: unknown[]): string {
  const value = (v: unknown) => `$${parameters.push(v)}`;
  // Held and hidden questions are in no list, whoever asks (their author reads them on the question's page).
  const conditions = [`q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE'`];
  if (filter.categoryId) conditions.push(`q.category_id = ${value(filter.categoryId)}`);
  if (filter.status) conditions.push(`q.status = ${value(filter.status)}`);
  if (filter.tag) conditions.push(`q.tags @> ARRAY[${value(filter.tag.trim().toLowerCase())}]::text[]`);
  if (filter.unanswered) conditions.push(`q.answer_count = 0 AND q.status IN (${WAITING_SQL})`);
  if (filter.authorId) conditions.push(`q.author_id = ${value(filter.authorId)}`);
  if (filter.pinned !== undefined && filter.pinned !== null) conditions.push(filter.pinned ? 'q.pinned_at IS NOT NULL' : 'q.pinned_at IS NULL');
  return conditions.join(' AND ');
}

@Injectable()
export class QuestionsRepository {
  constructor(private readonly db: DataSource) {}

  /** The bodies of an author's questions since a time (held, hidden and deleted ones too), for the spam checks' repeat check; `exceptId`: the post being edited. */
  async recentBodiesBy(em: EntityManager, authorId: string, since: Date, exceptId: string | null): Promise<RecentPost[]> {
    const rows: Array<{ body: string; created_at: Date }> = await em.query(
      `SELECT body, created_at FROM questions WHERE author_id = $1 AND created_at >= $2 AND id IS DISTINCT FROM $3 ORDER BY created_at DESC LIMIT 50`,
      [authorId, since, exceptId],
    );
    return rows.map((row) => ({ body: row.body, createdAt: row.created_at }));
  }

  /** Locks the question row for the rest of the transaction: answers, votes and acceptance serialize on it. */
  async lockLive(em: EntityManager, id: string): Promise<QuestionEntity | null> {
    const rows: QuestionEntity[] = await em.query(
      prepared(`SELECT ${entityColumns(em.connection, QuestionEntity, 'q')} FROM questions q WHERE q.id = $1 AND q.deleted_at IS NULL FOR UPDATE`), [id]);
    return rows[0] ?? null;
  }

  /**
   * Locks up to `limit` live questions whose community deadline has passed, soonest first, skipping rows
   * another process holds (several API processes sweep one database). Only what escalating them needs is read:
   * whole entities (bodies, vectors, a dozen timestamps) cost the sweep more to parse than the claim to run.
   */
  claimCommunityDue(em: EntityManager, now: Date, limit: number): Promise<DueQuestion[]> {
    // A held or hidden question's clock waits: it fires once the question is visible again, if still due.
    return em.query(
      `SELECT id::text, category_id::text AS "categoryId", author_id::text AS "authorId", status, community_due_trigger AS "communityDueTrigger"
         FROM questions
        WHERE community_due_at <= $1 AND deleted_at IS NULL AND moderation_state = 'VISIBLE'
        ORDER BY community_due_at LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Locks the question row whatever its state (a vote on an answer in a deleted thread still takes it first). */
  async lock(em: EntityManager, id: string): Promise<void> {
    await em.query('SELECT 1 FROM questions WHERE id = $1 FOR UPDATE', [id]);
  }

  /** The live question and its duplicate link, locked for the rest of the transaction; null when there is none. */
  async lockLiveWithDuplicateLink(em: EntityManager, id: string, mode: 'update' | 'share'): Promise<QuestionWithDuplicateLink | null> {
    const rows: Array<{ duplicate_of: string | null }> = await em.query(
      `SELECT duplicate_of::text FROM questions WHERE id = $1 AND deleted_at IS NULL FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`, [id]);
    if (rows.length === 0) return null;
    const question = await em.findOneByOrFail(QuestionEntity, { id });
    return { question, duplicateOf: rows[0].duplicate_of };
  }

  /** The live question's duplicate link read without a lock (to learn which pair to lock); undefined when it is not live. */
  async duplicateLinkOf(em: EntityManager, id: string): Promise<string | null | undefined> {
    const rows: Array<{ duplicate_of: string | null }> = await em.query(
      `SELECT duplicate_of::text FROM questions WHERE id = $1 AND deleted_at IS NULL`, [id]);
    return rows.length ? rows[0].duplicate_of : undefined;
  }

  /**
   * Locks a question about to be marked a duplicate (FOR UPDATE) and its original (FOR SHARE: it must stay
   * live and unmarked until commit), in id order, so two moderators marking a pair both ways cannot
   * deadlock. Each comes with its duplicate link; null when it is not live. `originalMode` 'update' when the
   * original changes too (merging the duplicate's answers into it).
   */
  async lockLiveDuplicatePair(em: EntityManager, questionId: string, originalId: string, originalMode: 'update' | 'share' = 'share'): Promise<{
    question: QuestionWithDuplicateLink | null;
    original: QuestionWithDuplicateLink | null;
  }> {
    const [first, second] = [questionId, originalId].sort((a, b) => Number(BigInt(a) - BigInt(b)));
    const locked = new Map([
      [first, await this.lockLiveWithDuplicateLink(em, first, first === questionId ? 'update' : originalMode)],
      [second, await this.lockLiveWithDuplicateLink(em, second, second === questionId ? 'update' : originalMode)],
    ]);
    return { question: locked.get(questionId) ?? null, original: locked.get(originalId) ?? null };
  }

  async insert(em: EntityManager, question: NewQuestion, at: Date, hold: PostHold | null = null): Promise<QuestionEntity> {
    const inserted = await em.insert(QuestionEntity, {
      ...question, score: 0, viewCount: 0, answerCount: 0, createdAt: at, updatedAt: at, lastActivityAt: at,
      ...(hold ? { moderationState: 'HELD' as const, moderationReason: hold.reason, published: false } : {}),
    });
    return this.getById(em, String(inserted.identifiers[0].id));
  }

  /** The question whatever its state (deleted too), as this transaction sees it now (after its own writes); it must exist. */
  getById(em: EntityManager, id: string): Promise<QuestionEntity> {
    return em.findOneByOrFail(QuestionEntity, { id });
  }

  /** Any question, deleted or not: to tell "removed" apart from "never existed". */
  async exists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM questions WHERE id = $1`, [id])).length > 0;
  }

  async edit(em: EntityManager, id: string, text: QuestionText, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { ...text, updatedAt: at, lastActivityAt: at });
  }

  /** Sets the question's moderation state and the reason its author reads (null when visible). */
  async setModeration(em: EntityManager, id: string, state: ModerationState, reason: string | null): Promise<void> {
    await em.update(QuestionEntity, { id }, { moderationState: state, moderationReason: reason });
  }

  /** A held question is approved: its consequences are published now, and its community clock counts from `at`. */
  async markPublished(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { published: true, publishedAt: at, lastActivityAt: at });
  }

  /** Something happened in the thread (an answer edited, a comment): it moves up the "active" ordering. */
  async noteActivity(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { lastActivityAt: at });
  }

  async recordAnswerPosted(em: EntityManager, id: string, answerCount: number, status: ThreadStatus, at: Date): Promise<void> {
    await em.query(prepared(`UPDATE questions SET answer_count = $2, status = $3, last_activity_at = $4 WHERE id = $1`), [id, answerCount, status, at]);
  }

  async recordAnswerRemoved(em: EntityManager, id: string, answerCount: number, status: ThreadStatus): Promise<void> {
    await em.update(QuestionEntity, { id }, { answerCount, status });
  }

  /** Accepts an answer (solved as of `at`) or, with null, withdraws the accepted one. */
  async setAcceptedAnswer(em: EntityManager, id: string, answerId: string | null, status: ThreadStatus, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { acceptedAnswerId: answerId, solvedAt: answerId ? at : null, status, lastActivityAt: at });
  }

  async setScore(em: EntityManager, id: string, score: number): Promise<void> {
    await em.update(QuestionEntity, { id }, { score });
  }

  /**
   * Marks the question a duplicate of `originalId` (closed with the reason DUPLICATE) or, with null, takes the
   * mark off (and the close reason with it), with the status that follows.
   */
  async setDuplicateOf(em: EntityManager, id: string, originalId: string | null, status: ThreadStatus, at: Date): Promise<void> {
    await em.query(
      `UPDATE questions SET duplicate_of = $2, status = $3, updated_at = $4,
              close_reason = CASE WHEN $2::bigint IS NULL THEN NULL ELSE 'DUPLICATE' END, close_note = NULL
        WHERE id = $1`,
      [id, originalId, status, at]);
  }

  /** Locks the question (with the reason members see) or, with null, unlocks it. */
  async setLock(em: EntityManager, id: string, lock: { at: Date; reason: string } | null): Promise<void> {
    await em.update(QuestionEntity, { id }, { lockedAt: lock?.at ?? null, lockReason: lock?.reason ?? null });
  }

  /** Closes the question with a reason (never DUPLICATE: setDuplicateOf) in the status the state machine gave. */
  async close(em: EntityManager, id: string, status: ThreadStatus, reason: CloseReason, note: string | null, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { status, closeReason: reason, closeNote: note, updatedAt: at });
  }

  /** Reopens a closed question in the status the state machine gave; the close reason goes, the moment stays (auto-close reads it). */
  async reopen(em: EntityManager, id: string, status: ThreadStatus, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { status, closeReason: null, closeNote: null, reopenedAt: at, updatedAt: at });
  }

  /**
   * Locks up to `limit` live solved questions due to close by themselves at `now` (the set form of
   * `isDueToAutoClose` in @peerdesk/domain: accepted at least their category's `solved_auto_close_days`
   * ago, not reopened since), oldest acceptance first, skipping rows another process holds. Each comes
   * with its category's days.
   */
  async claimDueToAutoClose(em: EntityManager, now: Date, limit: number): Promise<Array<{ question: QuestionEntity; days: number }>> {
    const rows: Array<{ id: string; days: number }> = await em.query(
      `SELECT q.id::text AS id, c.solved_auto_close_days AS days
         FROM questions q JOIN categories c ON c.id = q.category_id
        WHERE q.status = 'SOLVED' AND q.deleted_at IS NULL AND c.solved_auto_close_days IS NOT NULL
          AND q.solved_at <= $1::timestamptz - c.solved_auto_close_days * interval '24 hours'
          AND (q.reopened_at IS NULL OR q.reopened_at < q.solved_at)
        ORDER BY q.solved_at, q.id
        LIMIT $2
          FOR UPDATE OF q SKIP LOCKED`,
      [now, limit]);
    const questions = new Map((await em.findBy(QuestionEntity, { id: In(rows.map((row) => row.id)) })).map((q) => [q.id, q]));
    return rows.map((row) => ({ question: questions.get(row.id)!, days: row.days }));
  }

  /** Moves the question to another category; unpinned, as a pin belongs to the category it was pinned in. */
  async move(em: EntityManager, id: string, categoryId: string, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, { categoryId, pinnedAt: null, updatedAt: at });
  }

  /** Soft delete: the row stays (reports and the audit log name it), out of every list, search and the clocks. */
  async markDeleted(em: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await em.query(
      `UPDATE questions SET deleted_at = $2, updated_at = $2, deleted_by = $3, pinned_at = NULL, community_due_at = NULL, community_due_trigger = NULL
        WHERE id = $1`,
      [id, at, by]);
  }

  async setPinned(em: EntityManager, id: string, at: Date | null): Promise<void> {
    await em.update(QuestionEntity, { id }, { pinnedAt: at });
  }

  /** Live questions pinned in a category. */
  async countPinned(em: EntityManager, categoryId: string): Promise<number> {
    const [{ n }] = await em.query(
      `SELECT count(*)::int AS n FROM questions WHERE category_id = $1 AND pinned_at IS NOT NULL AND deleted_at IS NULL`, [categoryId]);
    return n;
  }

  /**
   * The original of a merge took `moved` answers: its count, status and peer-answer flag follow (a moved
   * peer answer by someone other than its asker counts as the community's help, as a posted one does).
   */
  async recordAnswersMerged(em: EntityManager, id: string, answerCount: number, status: ThreadStatus, at: Date): Promise<void> {
    await em.query(
      `UPDATE questions q SET answer_count = $2, status = $3, last_activity_at = greatest(q.last_activity_at, $4),
              has_peer_answer = q.has_peer_answer OR EXISTS (
                SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.deleted_at IS NULL AND a.author_kind = 'PEER' AND a.author_id <> q.author_id)
        WHERE q.id = $1`,
      [id, answerCount, status, at]);
  }

  /** The duplicate of a merge gave all its live answers away: none left, none accepted. */
  async recordAnswersMergedAway(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.update(QuestionEntity, { id }, {
      answerCount: 0, acceptedAnswerId: null, solvedAt: null, hasPeerAnswer: false, updatedAt: at,
    });
  }

  /** Duplicates of `from` now point at `to`, so links stay one hop; returns the ids moved. */
  async repointDuplicates(em: EntityManager, from: string, to: string): Promise<string[]> {
    // An UPDATE … RETURNING comes back from the driver as [rows, affected].
    const [rows]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE questions SET duplicate_of = $2 WHERE duplicate_of = $1 RETURNING id::text`, [from, to]);
    return rows.map((row) => row.id);
  }

  /** For each question id, its live original (if it is a marked duplicate), less its text. */
  async originalsOf(ids: readonly string[]): Promise<Map<string, QuestionRow>> {
    const rows: Array<QuestionRow & { duplicateId: string }> = await this.db.query(
      `SELECT d.id::text AS "duplicateId", ${entityColumns(this.db, QuestionEntity, 'q', POST_TEXT)}
         FROM questions d JOIN questions q ON q.id = d.duplicate_of AND q.deleted_at IS NULL
        WHERE d.id = ANY($1::bigint[])`, [ids]);
    return new Map(rows.map(({ duplicateId, ...original }) => [duplicateId, original]));
  }

  async findLive(id: string): Promise<QuestionEntity | null> {
    const [question]: QuestionEntity[] = await this.db.query(
      `SELECT ${entityColumns(this.db, QuestionEntity, 'q')} FROM questions q WHERE q.id = $1 AND q.deleted_at IS NULL`, [id]);
    return question ?? null;
  }

  /**
   * Counts a batch of views and records who viewed (the self-service signal of the deflection report) in one
   * statement, in `em`'s transaction: a view of a question no longer live and visible is not counted, and a
   * view by a member who has deleted their account since is kept without saying whose (as forgetViewer
   * leaves theirs). The questions are locked in id order, so two batches never deadlock on them.
   */
  async addViews(em: EntityManager, views: ReadonlyArray<{ questionId: string; viewerId: string | null; at: Date; views: number }>): Promise<void> {
    if (views.length === 0) return;
    await em.query(
      `WITH v AS (
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::int[]) AS v(question_id, viewed_at, viewer_id, views)),
       q AS (
         SELECT id, author_id FROM questions
          WHERE id IN (SELECT question_id FROM v) AND deleted_at IS NULL AND moderation_state = 'VISIBLE'
          ORDER BY id FOR UPDATE),
       recorded AS (
         INSERT INTO question_views (question_id, viewed_at, viewer_id, by_asker)
         SELECT v.question_id, v.viewed_at, u.id, coalesce(q.author_id = v.viewer_id, false)
           FROM v JOIN q ON q.id = v.question_id LEFT JOIN users u ON u.id = v.viewer_id AND u.deleted_at IS NULL
                CROSS JOIN generate_series(1, v.views))
       UPDATE questions SET view_count = view_count + n.views
         FROM (SELECT v.question_id, sum(v.views)::int AS views FROM v JOIN q ON q.id = v.question_id GROUP BY v.question_id) n
        WHERE questions.id = n.question_id`,
      [views.map((v) => v.questionId), views.map((v) => v.at), views.map((v) => v.viewerId), views.map((v) => v.views)],
    );
  }

  keyOf(order: QuestionOrder, question: QuestionRow): Keyset {
    return { key: ORDER_COLUMNS[order].keyOf(question), id: question.id };
  }

  /**
   * One page, plus one row to tell whether another page follows, read from the index of the page's order (migration
   * 1763901700000); and in the same statement (a round trip less), what `count` asks for:
   * - `capped`: the filter's total up to COUNT_CAP, counted in the order's index so that it stops after COUNT_CAP + 1
   *   entries and never grows with the category;
   * - `pinned`: the filter's pinned questions (a category pins a handful), which a list of unpinned questions takes
   *   from the count category_counts keeps of the filter's questions (that list reads no more of them);
   * - null: nothing (`counted` null).
   */
  async page(filter: QuestionFilter, order: QuestionOrder, first: number, after: Keyset | null, count: PageCount): Promise<{ rows: QuestionRow[]; counted: number | null }> {
    const { column, property, fits } = ORDER_COLUMNS[order];
    const parameters: unknown[] = [];
    const where = listConditions(filter, parameters);
    let keyset = '';
    if (after) {
      if (!fits(after.key)) {
        throw validationFailed([{ field: 'after', message: 'This cursor belongs to another ordering; start again from the first page.' }]);
      }
      const keyCast = order === 'SCORE' ? 'integer' : 'timestamptz';
      // A row comparison, which the index's (key, id) order serves as one range.
      keyset = ` AND (${column}, q.id) < ($${parameters.push(after.key)}::${keyCast}, $${parameters.push(after.id)}::bigint)`;
    }
    const inOrder = `ORDER BY ${column} DESC, q.id DESC`;
    const page = `SELECT ${entityColumns(this.db, QuestionEntity, 'q', POST_TEXT)} FROM questions q WHERE ${where}${keyset} ${inOrder} LIMIT ${first + 1}`;
    if (!count) return { rows: await this.db.query(page, parameters), counted: null };
    const counted = count === 'capped'
      ? `SELECT 1 FROM questions q WHERE ${where} ${inOrder} LIMIT ${COUNT_CAP + 1}`
      : `SELECT 1 FROM questions q WHERE ${listConditions({ ...filter, pinned: true }, parameters)}`;
    // The count's one row, joined to the page's rows (none past the last page): the count is there either way.
    const rows: Array<QuestionRow & { counted?: number }> = await this.db.query(
      `SELECT page.*, counted.n AS counted
         FROM (SELECT count(*)::int AS n FROM (${counted}) c) counted
         LEFT JOIN LATERAL (${page}) page ON true
        ORDER BY page."${property}" DESC, page.id DESC`,
      parameters,
    );
    const n = rows[0].counted!;
    if (rows[0].id === null) return { rows: [], counted: n };
    for (const row of rows) delete row.counted;
    return { rows, counted: n };
  }

  /**
   * Questions brought in by an import, in one statement: history, so never on the community clock
   * (`community_due_at` null). Their ids in the order of `rows` (inserted, and numbered, in that order).
   */
  async insertImported(
    em: EntityManager,
    rows: ReadonlyArray<{
      categoryId: string; authorId: string; title: string; body: string; bodyHtml: string; tags: string[]; status: ThreadStatus;
      score: number; viewCount: number; createdAt: Date; updatedAt: Date; lastActivityAt: Date;
    }>,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string }> = await em.query(
      `INSERT INTO questions (category_id, author_id, title, body, body_html, tags, status, score, view_count, answer_count,
                              created_at, updated_at, last_activity_at, is_first_question, has_peer_answer, community_due_at)
       SELECT r.category_id, r.author_id, r.title, r.body, r.body_html, r.tags, r.status, r.score, r.view_count, 0,
              r.created_at, r.updated_at, r.last_activity_at, false, false, NULL
         FROM json_to_recordset($1::json) AS r(ord int, category_id bigint, author_id bigint, title text, body text, body_html text, tags text[],
              status text, score int, view_count int, created_at timestamptz, updated_at timestamptz, last_activity_at timestamptz)
        ORDER BY r.ord
       RETURNING id::text`,
      [JSON.stringify(rows.map((r, ord) => ({
        ord, category_id: r.categoryId, author_id: r.authorId, title: r.title, body: r.body, body_html: r.bodyHtml, tags: r.tags, status: r.status,
        score: r.score, view_count: r.viewCount, created_at: r.createdAt, updated_at: r.updatedAt, last_activity_at: r.lastActivityAt,
      })))],
    );
    return inserted.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  /** Imported acceptances, on the questions' side: which answer solved each question, and when. */
  async recordImportedAcceptances(em: EntityManager, rows: ReadonlyArray<{ questionId: string; answerId: string; acceptedAt: Date }>): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `UPDATE questions q SET accepted_answer_id = r.answer_id, solved_at = r.accepted_at
         FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[]) AS r(question_id, answer_id, accepted_at)
        WHERE q.id = r.question_id`,
      [rows.map((r) => r.questionId), rows.map((r) => r.answerId), rows.map((r) => r.acceptedAt)],
    );
  }

  /** Moves imported questions' `solved_at` to their acceptance's day, once the dump tells it. */
  async redateImportedSolved(em: EntityManager, rows: ReadonlyArray<{ questionId: string; acceptedAt: Date }>): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `UPDATE questions q SET solved_at = r.accepted_at FROM unnest($1::bigint[], $2::timestamptz[]) AS r(question_id, accepted_at) WHERE q.id = r.question_id`,
      [rows.map((r) => r.questionId), rows.map((r) => r.acceptedAt)],
    );
  }

  /** What an import needs to derive these questions' status and answer figures: their live answers, acceptance and status. */
  async importedThreadFacts(
    em: EntityManager,
    ids: readonly string[],
  ): Promise<Array<{ id: string; status: ThreadStatus; hasAcceptedAnswer: boolean; answerCount: number; hasPeerAnswer: boolean }>> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; status: ThreadStatus; accepted: boolean; answers: number; peer: boolean }> = await em.query(
      `SELECT q.id::text, q.status, q.accepted_answer_id IS NOT NULL AS accepted,
              count(a.id)::int AS answers, coalesce(bool_or(a.author_kind = 'PEER'), false) AS peer
         FROM questions q LEFT JOIN answers a ON a.question_id = q.id AND a.deleted_at IS NULL
        WHERE q.id = ANY($1::bigint[])
        GROUP BY q.id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, status: r.status, hasAcceptedAnswer: r.accepted, answerCount: r.answers, hasPeerAnswer: r.peer }));
  }

  /** Writes imported questions' status and answer figures, as derived from `importedThreadFacts`. */
  async updateImportedThreads(
    em: EntityManager,
    rows: ReadonlyArray<{ id: string; status: ThreadStatus; answerCount: number; hasPeerAnswer: boolean }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `UPDATE questions q SET status = r.status, answer_count = r.answer_count, has_peer_answer = r.has_peer_answer
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::boolean[]) AS r(id, status, answer_count, has_peer_answer)
        WHERE q.id = r.id`,
      [rows.map((r) => r.id), rows.map((r) => r.status), rows.map((r) => r.answerCount), rows.map((r) => r.hasPeerAnswer)],
    );
  }

  /** Whether this is its author's first question ever (the fast lane's peer window applies to it). */
  async markFirstQuestion(em: EntityManager, questionId: string, authorId: string): Promise<void> {
    await em.query(
      `UPDATE questions SET is_first_question = (SELECT count(*) FROM questions WHERE author_id = $2) = 1 WHERE id = $1`,
      [questionId, authorId],
    );
  }

  /** Notes that someone other than the asker answered; false when the asker answered or a peer had already. */
  async markPeerAnswered(em: EntityManager, questionId: string, answererId: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await em.query(
      prepared(`UPDATE questions SET has_peer_answer = true WHERE id = $1 AND author_id <> $2 AND NOT has_peer_answer`),
      [questionId, answererId],
    );
    return affected > 0;
  }

  /** When the question's next community timeout fires, and which; nulls: none will. */
  async setCommunityDeadline(em: EntityManager, questionId: string, deadline: { dueAt: Date; trigger: TimeoutReason } | null): Promise<void> {
    await em.update(QuestionEntity, { id: questionId }, { communityDueAt: deadline?.dueAt ?? null, communityDueTrigger: deadline?.trigger ?? null });
  }

  /** Stops these questions' community clocks (they are being escalated). */
  /**
   * Stops these questions' community clocks; those in `escalated` are with our team now. One statement, so each row
   * gets one new version (every index of a question is written again when its status or clock changes).
   */
  async stopCommunityClocks(em: EntityManager, questionIds: readonly string[], escalated: readonly string[]): Promise<void> {
    await em.query(
      `UPDATE questions SET community_due_at = NULL, community_due_trigger = NULL,
                            status = CASE WHEN id = ANY($2::bigint[]) THEN 'ESCALATED' ELSE status END
        WHERE id = ANY($1::bigint[])`,
      [questionIds, escalated],
    );
  }

  /** A status nextThreadStatus decided, for moves that change nothing else (returned to the community, resolved privately). */
  async setStatus(em: EntityManager, questionId: string, status: ThreadStatus): Promise<void> {
    await em.update(QuestionEntity, { id: questionId }, { status });
  }

  /** Keeps a deleted member's views for the figures but no longer says whose they were. */
  async forgetViewer(em: EntityManager, viewerId: string): Promise<void> {
    await em.query(`UPDATE question_views SET viewer_id = NULL WHERE viewer_id = $1`, [viewerId]);
  }

  /** Every question, deleted ones too (the demo is only seeded into an empty community). */
  async countAll(): Promise<number> {
    const [{ count }] = await this.db.query('SELECT count(*)::int AS count FROM questions');
    return count;
  }

  /** The questions with these ids, less their text, deleted ones included, in the order asked, null where there is none (for per-request batching). */
  rowsByIds(ids: readonly string[]): Promise<Array<QuestionRow | null>> {
    return findInOrder(this.db, QuestionEntity, ids, POST_TEXT);
  }

  /** The text of the questions with these ids, in the order asked, null where there is none (for per-request batching). */
  async textsByIds(ids: readonly string[]): Promise<Array<PostText | null>> {
    return inIdOrder(ids, await this.db.query(`SELECT id::text AS id, body, body_html AS "bodyHtml" FROM questions WHERE id = ANY($1::bigint[])`, [ids]));
  }

  /** Locks those of `ids` no other transaction holds, in id order, and returns them (work another instance is not doing). */
  async lockFree(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT id::text AS id FROM questions WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE SKIP LOCKED`, [ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Recomputes the questions' search and title vectors in the writing transaction, with the rules in
   * search/sql/question-vectors.sql, for the text search configuration `language`; a deleted, held or hidden question's are cleared.
   */
  async writeSearchVectors(em: EntityManager, ids: readonly string[], language: string): Promise<void> {
    await em.query(
      `UPDATE questions q
          SET search_vector = CASE WHEN q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' THEN question_search_vector(q, $2::regconfig) END,
              title_vector = CASE WHEN q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' THEN question_title_vector(q, $2::regconfig) END
        WHERE q.id = ANY($1::bigint[])`,
      [ids, language],
    );
  }
}
