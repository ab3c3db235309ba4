import type { DataSource, EntityManager } from 'typeorm';
import { claimDue, type RetryPolicy } from '../notifications/outbox';

/**
 * The SQL of the search outbox (table `search_outbox`, migration 1763900700000): one row per question
 * whose document must be pushed to Meilisearch, written in the transaction that changed the question.
 */

/** 2 s, 4, 8 … capped at 5 minutes, and never given up: a row leaves only once Meilisearch has its change. */
export const SEARCH_OUTBOX_RETRY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  baseSeconds: 2,
  maxDelaySeconds: 300,
  // Longer than a push may take (the task wait gives up after two minutes), so two workers never push one question at once.
  leaseSeconds: 300,
};

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

/** In the writer's transaction: one row per question, a second change only bumps its version. */
export async function enqueueSearchOutbox(em: EntityManager | DataSource, questionIds: readonly string[], at: Date): Promise<void> {
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
export async function enqueueAllQuestions(db: DataSource, at: Date): Promise<number> {
  const rows: Array<{ n: number }> = await db.query(
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

/** Due rows no other worker holds, hidden from the others for the lease. */
export function claimSearchOutbox(db: DataSource, now: Date, limit: number): Promise<ClaimedRow[]> {
  return claimDue<ClaimedRow>(db, {
    table: 'search_outbox',
    now,
    limit,
    leaseUntil: new Date(now.getTime() + SEARCH_OUTBOX_RETRY.leaseSeconds * 1000),
    returning: 't.question_id, t.version, t.attempts, t.enqueued_at',
    select: `SELECT question_id::text AS "questionId", version::text AS version, attempts, enqueued_at AS "enqueuedAt" FROM claimed ORDER BY question_id`,
  });
}

/**
 * After Meilisearch confirmed the push: rows still at the pushed version are done; rows changed while
 * they were being pushed are due again at once (their new change may have missed the push).
 */
export async function completeSearchOutbox(db: DataSource, rows: readonly ClaimedRow[], claimedAt: Date, now: Date): Promise<void> {
  await db.transaction(async (em) => {
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

/** After a failed push: each row waits its back-off, keeping its place and its error. */
export async function failSearchOutbox(db: DataSource, rows: readonly ClaimedRow[], error: string, nextAttempts: readonly Date[]): Promise<void> {
  await db.query(
    `UPDATE search_outbox o SET last_error = $3, next_attempt_at = p.next_attempt_at
       FROM unnest($1::bigint[], $2::timestamptz[]) AS p(question_id, next_attempt_at)
      WHERE o.question_id = p.question_id`,
    [rows.map((r) => r.questionId), nextAttempts, error],
  );
}

/** Rows changed no later than `at` and not yet in the index (a rebuild's remainder). */
export async function pendingSince(db: DataSource, at: Date): Promise<number> {
  const [row]: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM search_outbox WHERE enqueued_at <= $1`, [at]);
  return row.n;
}

export async function searchOutboxState(db: DataSource): Promise<OutboxState> {
  const [row]: Array<{ backlog: number; oldest: Date | null }> = await db.query(
    `SELECT count(*)::int AS backlog, min(enqueued_at) AS oldest FROM search_outbox`,
  );
  return { backlog: row.backlog, oldestEnqueuedAt: row.oldest };
}
