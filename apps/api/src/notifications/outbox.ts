import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/** Retry schedule shared by the e-mail outbox and webhook deliveries. */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the row is FAILED for good. */
  maxAttempts: number;
  baseSeconds: number;
  maxDelaySeconds: number;
  /** How long a claimed row stays invisible to other workers while it is being sent (a crashed sender's row comes back after it). */
  leaseSeconds: number;
}

/** Exponential: base, 2×base, 4×base… capped; `attempts` is how many have been made so far (≥ 1). */
export function backoffSeconds(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelaySeconds, policy.baseSeconds * 2 ** Math.max(0, attempts - 1));
}

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

/** Postgres timestamps read back as Date; make sure a value meant for a text column is a short string. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

/** Tables worked through a lease claim; a fixed list, so the name can go into the SQL text as is. */
export type OutboxTable = 'email_outbox' | 'webhook_deliveries' | 'search_outbox';

/** Each table's key and which of its rows wait to be worked (the search outbox deletes its rows when done). */
const CLAIMABLE: Record<OutboxTable, { key: string; waiting: string }> = {
  email_outbox: { key: 'id', waiting: `status = 'PENDING' AND ` },
  webhook_deliveries: { key: 'id', waiting: `status = 'PENDING' AND ` },
  search_outbox: { key: 'question_id', waiting: '' },
};

export interface ClaimOptions {
  table: OutboxTable;
  now: Date;
  limit: number;
  /** The claimed rows stay invisible to other workers until then. */
  leaseUntil: Date;
  /** Columns the claiming UPDATE returns, on the table aliased `t` (e.g. `t.id, t.attempts`). */
  returning: string;
  /** The final SELECT over `claimed` (the returned rows); may join other tables. */
  select: string;
}

/**
 * One short statement: pick due rows no one else holds (FOR UPDATE SKIP LOCKED), count the attempt and
 * hide them for the lease, then read them back through `select`.
 */
export function claimDue<T>(db: DataSource | EntityManager, options: ClaimOptions): Promise<T[]> {
  const { table, now, limit, leaseUntil, returning, select } = options;
  const { key, waiting } = CLAIMABLE[table];
  return db.query(
    `WITH due AS (
       SELECT ${key} FROM ${table}
        WHERE ${waiting}next_attempt_at <= $1
        ORDER BY next_attempt_at, ${key} LIMIT $2
        FOR UPDATE SKIP LOCKED),
     claimed AS (
       UPDATE ${table} t SET attempts = t.attempts + 1, next_attempt_at = $3
         FROM due WHERE t.${key} = due.${key}
       RETURNING ${returning})
     -- A SELECT, not a bare UPDATE: TypeORM answers an UPDATE with [rows, count].
     ${select}`,
    [now, limit, leaseUntil],
  );
}

/**
 * Runs `work` every `seconds` (never two runs at once in this process; other processes are kept apart
 * by SKIP LOCKED claims). Not started under NODE_ENV=test, where tests call the work themselves.
 */
export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly logger: Logger;

  constructor(name: string, private readonly work: () => Promise<unknown>) {
    this.logger = new Logger(name);
  }

  start(seconds: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.work()
      .catch((error) => this.logger.error(`Background run failed: ${errorText(error)}`))
      .finally(() => { this.running = null; });
  }

  /** Stops the timer and waits for a run in progress, so the database is not closed under it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
