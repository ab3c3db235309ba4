import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sqlState } from './errors';

/**
 * The one way the API's services open a write transaction. It runs the work again when PostgreSQL
 * aborted it as a serialization failure (40001) or a deadlock victim (40P01): nothing of that attempt
 * was committed, so running it again is safe as long as the work only touches the database. So:
 * render Markdown, hash passwords and call other servers before, never inside; in-transaction
 * reactions (domain events) write rows (an outbox), never send anything.
 *
 * Lock order. Every write takes its locks in this order, so two writers never wait for each other in a cycle:
 *
 *   1. the question row (`QuestionsRepository.lockLive`, `FOR UPDATE`; several questions in id order),
 *      taken first by every change to the question or to anything on it: answers, acceptance, votes
 *      (on the question or on one of its answers), comments, escalations, duplicates;
 *   2. its answers (the row written, or the one an acceptance points to);
 *      then, for a member's new or edited post, their posting lock (`UsersRepository.lockPostingOf`, an
 *      advisory lock taken by `PostingHold.holdFor`: the spam and first-post checks, one at a time per author);
 *   3. votes, comments, escalation rows of that question;
 *   4. users' reputation, all of a transaction's changes in one call, in user id order, then their
 *      rows of the reputation ledger (`UsersRepository.moveReputation`);
 *   5. at commit, the report facts of the questions touched (in question id order): the raw-table
 *      triggers only note the questions, a deferred trigger refreshes them once at commit
 *      (migration `WritesInLockOrder`, docs/metrics.md); a hot write (`runWithReportFactsAfterCommit`)
 *      leaves them to a refresher after its commit, which takes only the facts rows' locks. What they move in the report rollups is appended
 *      as delta rows, which lock nothing another writer takes; the fold job alone writes the rollup rows
 *      (migration `RollupDeltas`).
 *
 * A lock is only ever taken after those before it in the list, and shared rows (users) only
 * late and in key order. What remains (a lock wait beyond the statement timeout, a deadlock with a
 * hand-written statement) is retried here or answered `SERVICE_UNAVAILABLE`.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');
  /** Attempts run again since start-up: with the lock order kept, only hand-written SQL should cause any. */
  retries = 0;

  constructor(private readonly db: DataSource) {}

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.db, work, DEFAULT_RETRY, (error) => {
      this.retries++;
      this.logger.warn(`Transaction run again after ${sqlState(error)}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /**
   * As `run`, for the API's hot writes (an answer, a question, a vote, an acceptance): the report facts of the questions it
   * touches are refreshed after its commit, many questions at a time, by the rollup fold job or by the next report
   * (report_facts_outbox, reports/sql/report-question-facts.sql), instead of one question at a time in its commit.
   */
  runWithReportFactsAfterCommit<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.run(async (em) => {
      await em.query(`SET LOCAL peerdesk.defer_report_facts = 'after-commit'`);
      return work(em);
    });
  }
}

/** PostgreSQL gave up on the transaction as a whole; the same transaction run again may well succeed. */
const RETRYABLE = new Set(['40001', '40P01']);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The n-th retry waits a random time up to base × 2^(n−1), at most `maxDelayMs` ("full jitter"). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 10, maxDelayMs: 200 };

/** Runs `work` in a READ COMMITTED transaction, again after a serialization failure or deadlock, at most `policy.attempts` times. */
export async function inTransaction<T>(
  db: DataSource,
  work: (em: EntityManager) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry: (error: unknown) => void = () => undefined,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= policy.attempts || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
      onRetry(error);
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.round(random() * cap)));
    }
  }
}
