import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PAGE_CACHE_CHANNEL } from '../page-cache/page-cache';

export interface ClaimedRow {
  questionId: string;
  version: string;
  attempts: number;
  /** When the oldest change not yet in the index was made (a rebuild tells its own rows from later changes). */
  enqueuedAt: Date;
}

export interface OutboxState {
  backlog: number;
  /** When the oldest change not yet in the index was made; null when there is none. */
  oldestEnqueuedAt: Date | null;
}

/**
 * The one owner of `search_outbox` (migration 1763900700000): one row per question whose document must
 * be pushed to Meilisearch (or, on the PostgreSQL engine, whose answers changed and whose search vector
 * must be rebuilt), written in the transaction that changed the question, deleted once done.
 */
@Injectable()
export class SearchOutboxRepository {
  constructor(private readonly db: DataSource) {}

  /** In the writer's transaction: one row per question, a second change only bumps its version. */
  async enqueue(em: EntityManager, questionIds: readonly string[], at: Date): Promise<void> {
    if (questionIds.length === 0) return;
    // Sorted, so transactions touching several questions lock their rows in one order (no deadlock).
    const ids = [...new Set(questionIds)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    await em.query(
      `INSERT INTO search_outbox (question_id, enqueued_at, next_attempt_at)
       SELECT id, $2, $2 FROM unnest($1::bigint[]) AS id
       ON CONFLICT (question_id) DO UPDATE SET version = search_outbox.version + 1`,
      [ids, at],
    );
  }

  /** Every question (deleted ones too, so the index forgets them), for a full rebuild; returns how many. */
  async enqueueAllQuestions(at: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `WITH queued AS (
         INSERT INTO search_outbox (question_id, enqueued_at, next_attempt_at)
         SELECT id, $1, $1 FROM questions ORDER BY id
         ON CONFLICT (question_id) DO UPDATE SET version = search_outbox.version + 1
         RETURNING 1)
       SELECT count(*)::int AS n FROM queued`,
      [at],
    );
    return rows[0].n;
  }

  /**
   * One short statement: pick due rows no other worker holds (FOR UPDATE SKIP LOCKED), count the attempt
   * and hide them from the others until `leaseUntil`.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedRow[]> {
    return this.db.query(
      `WITH due AS (
         SELECT question_id FROM search_outbox
          WHERE next_attempt_at <= $1
          ORDER BY next_attempt_at, question_id LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE search_outbox t SET attempts = t.attempts + 1, next_attempt_at = $3
           FROM due WHERE t.question_id = due.question_id
         RETURNING t.question_id, t.version, t.attempts, t.enqueued_at)
       -- A SELECT, not a bare UPDATE: TypeORM answers an UPDATE with [rows, count].
       SELECT question_id::text AS "questionId", version::text AS version, attempts, enqueued_at AS "enqueuedAt"
         FROM claimed ORDER BY question_id`,
      [now, limit, leaseUntil],
    );
  }

  /**
   * After Meilisearch confirmed the push: rows still at the pushed version are done; rows changed while
   * they were being pushed are due again at once (their new change may have missed the push). The index
   * changed, so the API instances' page caches are emptied at this commit (`NOTIFY page_cache`): a cached
   * search outlives the push by no more than a notification's way.
   */
  async complete(rows: readonly ClaimedRow[], claimedAt: Date, now: Date): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query(`SELECT pg_notify($1, '')`, [PAGE_CACHE_CHANNEL]);
      await em.query(
        `DELETE FROM search_outbox o USING unnest($1::bigint[], $2::bigint[]) AS p(question_id, version)
          WHERE o.question_id = p.question_id AND o.version = p.version`,
        [rows.map((r) => r.questionId), rows.map((r) => r.version)],
      );
      await em.query(
        `UPDATE search_outbox SET next_attempt_at = $2, attempts = 0, last_error = NULL, enqueued_at = $3
          WHERE question_id = ANY($1::bigint[])`,
        [rows.map((r) => r.questionId), now, claimedAt],
      );
    });
  }

  /** Questions waiting in the outbox, lowest id first (the PostgreSQL engine's rebuild locks them in that order). */
  async waitingQuestionIds(em: EntityManager, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT question_id::text AS id FROM search_outbox ORDER BY question_id LIMIT $1`, [limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * In the rebuilding transaction, which holds the locks of `lockedIds`: takes their rows out, and those of
   * `waitingIds` whose question no longer exists (nothing will rebuild them). Returns the taken questions.
   */
  async take(em: EntityManager, waitingIds: readonly string[], lockedIds: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `WITH taken AS (
         DELETE FROM search_outbox o
          WHERE o.question_id = ANY($1::bigint[])
            AND (o.question_id = ANY($2::bigint[]) OR NOT EXISTS (SELECT 1 FROM questions q WHERE q.id = o.question_id))
          RETURNING o.question_id)
       -- A SELECT, not a bare DELETE: TypeORM answers a DELETE with [rows, count].
       SELECT question_id::text AS id FROM taken ORDER BY question_id`,
      [waitingIds, lockedIds],
    );
    return rows.map((row) => row.id);
  }

  /** After a failed push: each row waits its back-off, keeping its place and its error. */
  async fail(rows: readonly ClaimedRow[], error: string, nextAttempts: readonly Date[]): Promise<void> {
    await this.db.query(
      `UPDATE search_outbox o SET last_error = $3, next_attempt_at = p.next_attempt_at
         FROM unnest($1::bigint[], $2::timestamptz[]) AS p(question_id, next_attempt_at)
        WHERE o.question_id = p.question_id`,
      [rows.map((r) => r.questionId), nextAttempts, error],
    );
  }

  /** The error of some row whose last push failed, if any. */
  async anyError(): Promise<string | null> {
    const [row]: Array<{ last_error: string }> = await this.db.query(`SELECT last_error FROM search_outbox WHERE last_error IS NOT NULL LIMIT 1`);
    return row?.last_error ?? null;
  }

  /** Rows changed no later than `at` and not yet in the index (a rebuild's remainder). */
  async pendingSince(at: Date): Promise<number> {
    const [row]: Array<{ n: number }> = await this.db.query(`SELECT count(*)::int AS n FROM search_outbox WHERE enqueued_at <= $1`, [at]);
    return row.n;
  }

  async state(): Promise<OutboxState> {
    const [row]: Array<{ backlog: number; oldest: Date | null }> = await this.db.query(
      `SELECT count(*)::int AS backlog, min(enqueued_at) AS oldest FROM search_outbox`,
    );
    return { backlog: row.backlog, oldestEnqueuedAt: row.oldest };
  }
}
