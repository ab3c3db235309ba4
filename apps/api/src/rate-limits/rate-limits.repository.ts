import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RateCounter, RateDecision } from '@peerdesk/domain';

interface CounterRow {
  key: string;
  hits: number;
  started_at: Date;
  last_at: Date;
}

/** The only SQL over `rate_limit_counters`. */
@Injectable()
export class RateLimitsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Locks the counters (made when missing), lets `decide` look at them, and writes what it counted, in
   * one transaction: concurrent requests on the same counters, from any API instance, are decided one
   * after another on the current figures. Keys are inserted and locked in one order (byte order,
   * whatever the database's collation), so two requests sharing counters never deadlock. The time is
   * read once the counters are locked (`now`), so requests are decided in the order they are counted.
   */
  async decide(keys: string[], now: () => Date, decide: (counters: Map<string, RateCounter | null>, now: Date) => RateDecision): Promise<RateDecision> {
    const sorted = [...new Set(keys)].sort();
    return this.db.transaction(async (em) => {
      await em.query(
        `INSERT INTO rate_limit_counters (key, hits, started_at, last_at, expires_at)
         SELECT k, 0, $2, $2, $2 FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C"
         ON CONFLICT (key) DO NOTHING`,
        [sorted, now()],
      );
      const rows: CounterRow[] = await em.query(
        `SELECT key, hits, started_at, last_at FROM rate_limit_counters WHERE key = ANY($1::text[]) ORDER BY key COLLATE "C" FOR UPDATE`,
        [sorted],
      );
      const counters = new Map<string, RateCounter | null>(sorted.map((k) => [k, null]));
      for (const row of rows) {
        counters.set(row.key, row.hits > 0 ? { hits: row.hits, startedAt: new Date(row.started_at), lastAt: new Date(row.last_at) } : null);
      }
      const decision = decide(counters, now());
      if (decision.allowed && decision.writes.length > 0) {
        const w = decision.writes;
        await em.query(
          `UPDATE rate_limit_counters c SET hits = w.hits, started_at = w.started_at, last_at = w.last_at, expires_at = w.expires_at
             FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[])
                  AS w(key, hits, started_at, last_at, expires_at)
            WHERE c.key = w.key`,
          [w.map((x) => x.key), w.map((x) => x.hits), w.map((x) => x.startedAt), w.map((x) => x.lastAt), w.map((x) => x.expiresAt)],
        );
      }
      return decision;
    });
  }

  /**
   * One hit on each of `hits`' window counters (distinct keys) at its time, in `em`'s transaction, where the
   * counter has room (`limit` hits per `windowSeconds` from its first); returns the keys that took it. Keys are
   * written in byte order, so two batches sharing counters never deadlock; a batch waits for another's
   * counter and then sees its hit.
   */
  async hitWindows(em: EntityManager, hits: Array<{ key: string; at: Date }>, limit: number, windowSeconds: number): Promise<string[]> {
    if (hits.length === 0) return [];
    const rows: Array<{ key: string }> = await em.query(
      `INSERT INTO rate_limit_counters AS c (key, hits, started_at, last_at, expires_at)
       SELECT h.key, 1, h.at, h.at, h.at + make_interval(secs => $3)
         FROM unnest($1::text[], $2::timestamptz[]) AS h(key, at) ORDER BY h.key COLLATE "C"
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.hits = 0 OR c.expires_at <= excluded.started_at THEN 1 ELSE c.hits + 1 END,
         started_at = CASE WHEN c.hits = 0 OR c.expires_at <= excluded.started_at THEN excluded.started_at ELSE c.started_at END,
         expires_at = CASE WHEN c.hits = 0 OR c.expires_at <= excluded.started_at THEN excluded.expires_at ELSE c.expires_at END,
         last_at = excluded.last_at
       WHERE c.hits = 0 OR c.expires_at <= excluded.started_at OR c.hits < $4
       RETURNING key`,
      [hits.map((h) => h.key), hits.map((h) => h.at), windowSeconds, limit],
    );
    return rows.map((r) => r.key);
  }

  /** Takes back one hit from each of `undo` and forgets `reset` entirely (a correct password). */
  async release(undo: string[], reset: string[]): Promise<void> {
    await this.db.transaction(async (em) => {
      const keys = [...new Set([...undo, ...reset])].sort();
      await em.query(`SELECT 1 FROM rate_limit_counters WHERE key = ANY($1::text[]) ORDER BY key COLLATE "C" FOR UPDATE`, [keys]);
      if (reset.length) await em.query(`DELETE FROM rate_limit_counters WHERE key = ANY($1::text[])`, [reset]);
      if (undo.length) await em.query(`UPDATE rate_limit_counters SET hits = greatest(hits - 1, 0) WHERE key = ANY($1::text[])`, [undo]);
    });
  }

  /** Deletes up to `batch` counters that mean nothing any more; rows another request holds are left for next time. */
  async purgeExpired(now: Date, batch = 1000): Promise<void> {
    await this.db.query(
      `DELETE FROM rate_limit_counters WHERE key IN (
         SELECT key FROM rate_limit_counters WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [now, batch],
    );
  }
}
