import { Injectable } from '@nestjs/common';
import { POOR_RESULT_THRESHOLD } from '@peerdesk/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** The searches of one normalized query on one UTC day, as one row of search_query_days holds them. */
export interface SearchQueryDayCounts {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  query: string;
  searches: number;
  zeroResults: number;
  poorResults: number;
  /** Results the latest of these searches (the one at lastSeenAt) found. */
  lastTotal: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface SearchGapRow {
  query: string;
  searches: number;
  zeroResults: number;
  lastTotal: number;
  lastSeenAt: Date;
}

@Injectable()
export class SearchInsightsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Adds one flush of buffered counts in a single statement (one array parameter per column), each row as
   * its searches would have added one at a time: counts add up, last_total follows the later last_seen_at.
   * Rows go in (day, query) order, so two instances writing overlapping rows lock them in the same order
   * and cannot deadlock. The (day, query) pairs must be distinct (ON CONFLICT touches a row once).
   */
  async addSearchCounts(rows: readonly SearchQueryDayCounts[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO search_query_days AS d (day, query, searches, zero_results, poor_results, last_total, first_seen_at, last_seen_at)
       SELECT * FROM unnest($1::date[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::timestamptz[], $8::timestamptz[])
                AS r (day, query, searches, zero_results, poor_results, last_total, first_seen_at, last_seen_at)
        ORDER BY r.day, r.query
       ON CONFLICT (day, query) DO UPDATE SET
         searches      = d.searches + EXCLUDED.searches,
         zero_results  = d.zero_results + EXCLUDED.zero_results,
         poor_results  = d.poor_results + EXCLUDED.poor_results,
         last_total    = CASE WHEN EXCLUDED.last_seen_at >= d.last_seen_at THEN EXCLUDED.last_total ELSE d.last_total END,
         last_seen_at  = GREATEST(d.last_seen_at, EXCLUDED.last_seen_at),
         first_seen_at = LEAST(d.first_seen_at, EXCLUDED.first_seen_at)`,
      [
        rows.map((r) => r.day), rows.map((r) => r.query), rows.map((r) => r.searches), rows.map((r) => r.zeroResults),
        rows.map((r) => r.poorResults), rows.map((r) => r.lastTotal), rows.map((r) => r.firstSeenAt), rows.map((r) => r.lastSeenAt),
      ],
    );
  }

  /**
   * Queries whose latest search on the UTC days of [from, to) was poor (≤ POOR_RESULT_THRESHOLD results), most poor searches first.
   * Judged by the latest result so a gap someone has since filled drops off the list.
   */
  async searchGaps(from: Date, to: Date, limit: number): Promise<SearchGapRow[]> {
    const rows: Array<{ query: string; searches: number; zero_results: number; last_total: number; last_seen_at: Date }> = await this.db.query(
      `SELECT query,
              sum(poor_results)::int AS searches,
              sum(zero_results)::int AS zero_results,
              (array_agg(last_total ORDER BY last_seen_at DESC))[1] AS last_total,
              max(last_seen_at) AS last_seen_at
         FROM search_query_days
        WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date
          AND day <= (($2::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC')::date
        GROUP BY query
       HAVING sum(poor_results) > 0 AND (array_agg(last_total ORDER BY last_seen_at DESC))[1] <= $4
        ORDER BY sum(poor_results) DESC, max(last_seen_at) DESC, query
        LIMIT $3`,
      [from, to, limit, POOR_RESULT_THRESHOLD],
    );
    return rows.map((r) => ({ query: r.query, searches: r.searches, zeroResults: r.zero_results, lastTotal: r.last_total, lastSeenAt: new Date(r.last_seen_at) }));
  }
}

export interface PreAskDeflectionRow {
  sessionsShownSuggestions: number;
  sessionsOpenedSuggestion: number;
  sessionsOpenedSolvedSuggestion: number;
  sessionsPosted: number;
  asksAvoided: number;
}

/** Pre-ask deflection's SQL: the rule (isAskAvoidedOracle in @peerdesk/domain is its test oracle, tests/api/rule-oracles.spec.ts). */
@Injectable()
export class AskSessionsRepository {
  constructor(private readonly db: DataSource) {}

  /** Counts one event against the session (creating it), and returns false once the session is past its bound. */
  async countEvent(sessionId: string, at: Date, suggestionsShown: number, maxEvents: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO ask_sessions AS s (id, started_at, suggestions_shown, events) VALUES ($1, $2, $3, 1)
       ON CONFLICT (id) DO UPDATE SET events = s.events + 1, suggestions_shown = s.suggestions_shown + EXCLUDED.suggestions_shown
         WHERE s.events < $4
       RETURNING 1`,
      [sessionId, at, suggestionsShown, maxEvents],
    );
    return rows.length > 0;
  }

  /** Records an opening of a live question, noting whether it was SOLVED then. False when there is no such question. */
  async recordOpening(sessionId: string, questionId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO ask_session_openings (session_id, question_id, was_solved, opened_at)
       SELECT $1, id, status = 'SOLVED', $3 FROM questions WHERE id = $2 AND deleted_at IS NULL
       ON CONFLICT DO NOTHING RETURNING 1`,
      [sessionId, questionId, at],
    );
    return rows.length > 0;
  }

  /** The session's viewer posted: the first post counts (in the asking transaction). */
  async markPosted(em: EntityManager, sessionId: string, questionId: string, at: Date): Promise<void> {
    await em.query(
      `INSERT INTO ask_sessions AS s (id, started_at, posted_at, posted_question_id) VALUES ($1, $2, $2, $3)
       ON CONFLICT (id) DO UPDATE SET posted_at = COALESCE(s.posted_at, EXCLUDED.posted_at),
         posted_question_id = COALESCE(s.posted_question_id, EXCLUDED.posted_question_id)`,
      [sessionId, at, questionId],
    );
  }

  /** Sessions started in [from, to), judged as of asOf: postings and openings after asOf do not count. */
  async preAskDeflection(from: Date, to: Date, asOf: Date, windowMs: number): Promise<PreAskDeflectionRow> {
    const [row] = await this.db.query(
      `WITH sessions AS (
         SELECT s.id, s.suggestions_shown,
                CASE WHEN s.posted_at <= $3 THEN s.posted_at END AS posted_at,
                bool_or(o.opened_at IS NOT NULL) AS opened,
                max(o.opened_at) FILTER (WHERE o.was_solved) AS last_solved_open
           FROM ask_sessions s
           LEFT JOIN ask_session_openings o ON o.session_id = s.id AND o.opened_at <= $3
          WHERE s.started_at >= $1 AND s.started_at < $2 AND s.started_at <= $3
          GROUP BY s.id)
       SELECT count(*) FILTER (WHERE suggestions_shown > 0)::int AS shown,
              count(*) FILTER (WHERE opened)::int AS opened,
              count(*) FILTER (WHERE last_solved_open IS NOT NULL)::int AS opened_solved,
              count(*) FILTER (WHERE posted_at IS NOT NULL)::int AS posted,
              count(*) FILTER (WHERE last_solved_open + $4 * interval '1 millisecond' <= $3
                                 AND (posted_at IS NULL OR posted_at > last_solved_open + $4 * interval '1 millisecond'))::int AS avoided
         FROM sessions`,
      [from, to, asOf, windowMs],
    );
    return {
      sessionsShownSuggestions: row.shown,
      sessionsOpenedSuggestion: row.opened,
      sessionsOpenedSolvedSuggestion: row.opened_solved,
      sessionsPosted: row.posted,
      asksAvoided: row.avoided,
    };
  }
}
