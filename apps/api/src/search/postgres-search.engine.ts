import { Logger } from '@nestjs/common';
import type { ThreadStatus } from '@peerdesk/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ReindexProgress, SearchEngine, SearchFilter, SearchRequest, SearchResult, SimilarRequest,
} from './search-engine';
import { markedSnippet, SNIPPET_START, SNIPPET_STOP } from './snippet';

/** Questions re-vectorized per statement by `reindexAll`. */
const REINDEX_BATCH = 2000;
/**
 * Matches counted exactly, faceted and ranked for relevance, at most: past it a search says "500+"
 * (see `run`). Ranking reads each match's whole vector, so this bounds the work of broad queries.
 */
export const MATCH_CAP = 500;
/**
 * Rows a search reads at most, one past the match cap (so reading exactly MATCH_CAP rows still
 * proves the count exact). A phrase of common words ("the printer") has its words together in few
 * of the many questions holding both: it is checked on the first SCAN_CAP of those, and a bigger
 * window cost phrase searches 20 ms more at a million questions for a count that stays inexact.
 */
const SCAN_CAP = MATCH_CAP + 1;
/**
 * A query is read by a sequential scan that stops at the cap instead of through the GIN index when
 * the planner expects at least sqrt(DENSE_COST_RATIO × SCAN_CAP × questions) matches. Collecting a
 * word's matches from the index costs ~0.7 µs per match (55 ms for a word in 7% of a million
 * questions), while the scan reads about SCAN_CAP / share rows at ~2 µs each (13 ms for that word);
 * the two meet where matches² = (2 / 0.7) × SCAN_CAP × questions, about 4% of a million questions.
 * The planner prices the small, compressed posting lists far below their cost and picks the index.
 */
const DENSE_COST_RATIO = 3;
/** How long the engine trusts its count of questions (the planner's, from ANALYZE) before asking again. */
const TABLE_SIZE_TTL_MS = 60_000;
/** `similar` looks up at most this many of the title's words, the rarest first. */
const SIMILAR_WORDS = 6;
/** A word in more than this share of titles is too common to find duplicates by (see `similar`). */
const SIMILAR_COMMON = 0.01;
/** `similar` ranks at most this many questions sharing two words: the ask form needs a handful, fast. */
const SIMILAR_CANDIDATES = 300;

/**
 * The query, written out where it is used rather than read from a CTE: the planner then sees its
 * value and estimates from the column's statistics how many questions match. A word in most
 * questions is read by a sequential scan that stops at the cap; a GIN bitmap would first collect
 * every match (hundreds of milliseconds at a million questions).
 */
const TSQUERY = `websearch_to_tsquery($2::regconfig, search_text($1))`;
/**
 * The query with its phrases loosened to "all these words" (`<->` → `&`): the GIN index answers it
 * without reading the vectors; phrases are then checked on at most SCAN_CAP such rows.
 */
const PHRASE_OPERATOR = `'<(-|[0-9]+)>'`;
const LOOSE_TSQUERY = `regexp_replace((${TSQUERY})::text, ${PHRASE_OPERATOR}, '&', 'g')::tsquery`;
/**
 * `ts_headline` over title, body and accepted answer, with markers no post can contain (they are
 * stripped from the text first); `markedSnippet` escapes everything else and turns them into <mark>.
 */
const SNIPPET = `ts_headline($2::regconfig,
  translate(q.title || E'\\n' || q.body || coalesce(E'\\n' || acc.body, ''), '${SNIPPET_START}${SNIPPET_STOP}', ''), query.tsq,
  'StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`;

/** Relevance: text rank, doubled for solved questions, decaying gently with age (halved after two years). */
const RELEVANCE = `ts_rank_cd(q.search_vector, ${TSQUERY}, 32)
  * CASE WHEN q.accepted_answer_id IS NOT NULL THEN 2 ELSE 1 END
  / (1 + extract(epoch FROM now() - q.created_at) / (2 * 365 * 86400))`;

const ORDER_BY: Record<SearchRequest['sort'], string> = {
  RELEVANCE: 'rank DESC, id DESC',
  NEWEST: 'created_at DESC, id DESC',
  SCORE: 'score DESC, id DESC',
};

/**
 * A dash standing alone between words ("Translation questions — Questions de traduction"), which
 * `websearch_to_tsquery` would read as excluding the next word (unaccent turns — and – into -).
 */
const LONE_DASH = /(^|\s)[-\u2010-\u2015](?=\s|$)/g;

/** The full-text query's words, without the syntax: what typo correction reads. */
function plainWords(query: string): string {
  return query
    .replace(/(^|\s)-\S+/g, ' ')
    .replace(/\bor\b/gi, ' ')
    .replace(/["]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * PostgreSQL full-text search over `questions.search_vector` (see migration 1763900600000-Search):
 * `websearch_to_tsquery` over unaccented text in the configured language, a GIN index, and words
 * corrected from the titles' vocabulary when they match nothing (typos). The index is current by
 * construction: `documentsChanged` rewrites the vectors and adds title words in the writing transaction.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly logger = new Logger('Search');
  private tableSize: { rows: number; at: number } | null = null;

  constructor(
    private readonly db: DataSource,
    /** A text search configuration name (validated by config as /^[a-z_]+$/). */
    private readonly language: string,
  ) {}

  async prepare(): Promise<void> {
    const [state] = await this.db.query(`SELECT language FROM search_index_state`);
    if (state?.language !== this.language) {
      this.logger.warn(
        `Search vectors were built with "${state?.language}", SEARCH_LANGUAGE is "${this.language}": searches match poorly until \`npm run reindex\` rebuilds them.`,
      );
    }
  }

  async documentsChanged(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await em.query(
      `UPDATE questions q
          SET search_vector = CASE WHEN q.deleted_at IS NULL THEN question_search_vector(q, $2::regconfig) END,
              title_vector = CASE WHEN q.deleted_at IS NULL THEN question_title_vector(q, $2::regconfig) END
        WHERE q.id = ANY($1::bigint[])`,
      [questionIds, this.language],
    );
    // New title words for typo correction, in one order so two writers cannot deadlock on them.
    await em.query(
      `INSERT INTO search_words (word)
       SELECT DISTINCT search_title_words(q.title) AS word FROM questions q
        WHERE q.id = ANY($1::bigint[]) AND q.deleted_at IS NULL
        ORDER BY word
       ON CONFLICT DO NOTHING`,
      [questionIds],
    );
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const query = request.query.replace(LONE_DASH, ' ');
    const fullText = await this.run(request, query);
    // An inexact nothing (a phrase not among the rows read) is not a typo.
    if (fullText.totalCount > 0 || !fullText.totalCountIsExact) return fullText;
    const words = plainWords(query);
    if (!words) return fullText;
    const corrected = await this.correctedWords(words);
    return corrected ? this.run(request, corrected) : fullText;
  }

  /**
   * The query's words, each replaced by the nearest title word (`search_words`, trigram similarity
   * ≥ 0.4: "anwer" is 0.44 from "answer"), or null when none changes. Among near-equal candidates the
   * one whose stem is frequent in titles (the planner's statistics of `title_vector`) wins: a typo is
   * most likely of a common word. A word that is itself a title word stays as typed.
   */
  private async correctedWords(words: string): Promise<string | null> {
    const [row]: Array<{ corrected: string | null; changed: boolean | null }> = await this.db.query(
      `WITH stats AS (
         SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS frequencies
           FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'title_vector'
       ),
       typed AS (
         SELECT word, at FROM unnest(string_to_array(search_unaccent($1), ' ')) WITH ORDINALITY AS typed(word, at)
       )
       SELECT string_agg(coalesce(best.word, typed.word), ' ' ORDER BY typed.at) AS corrected,
              bool_or(best.word IS DISTINCT FROM typed.word AND best.word IS NOT NULL) AS changed
         FROM typed
         LEFT JOIN LATERAL (
           SELECT nearest.word
             FROM (SELECT w.word, similarity(w.word, typed.word) AS similarity FROM search_words w
                    WHERE w.word % typed.word ORDER BY similarity DESC LIMIT 8) nearest
             LEFT JOIN stats ON true
            WHERE nearest.similarity >= 0.4
            ORDER BY nearest.word = typed.word DESC, round(nearest.similarity::numeric, 1) DESC,
                     coalesce(stats.frequencies[array_position(stats.lexemes,
                       (SELECT lexeme FROM unnest(to_tsvector($2::regconfig, nearest.word)) LIMIT 1))], 0) DESC,
                     nearest.similarity DESC, nearest.word
            LIMIT 1
         ) best ON true`,
      [words, this.language],
    );
    return row?.changed ? row.corrected : null;
  }

  /**
   * One statement. The first MATCH_CAP matches (in the order the scan yields them) are counted, faceted and, for
   * RELEVANCE, ranked: a query matching a large share of a million questions would otherwise rank,
   * count and facet every one of them on each request. Past the cap the count says so
   * (`totalCountIsExact` false) and relevance is the best of those matches; NEWEST and SCORE pages
   * still come from every match, in index order of the sort. Snippets are made for the page only.
   */
  private async run(request: SearchRequest, text: string): Promise<SearchResult> {
    const params: unknown[] = [text, this.language];
    const where = [`q.deleted_at IS NULL`, ...this.filterClauses(request.filter, params)];
    // The rows `where` finds (at most SCAN_CAP of them), and the check only phrases need. A dense query
    // calls `@@` as its function, which no index serves, so it is scanned (see DENSE_COST_RATIO).
    const dense = await this.isDense([...where, `q.search_vector @@ ${LOOSE_TSQUERY}`], params);
    where.push(dense ? `ts_match_vq(q.search_vector, ${LOOSE_TSQUERY})` : `q.search_vector @@ ${LOOSE_TSQUERY}`);
    // Folded away by the planner when the query has no phrase.
    const exact = `((${TSQUERY})::text !~ ${PHRASE_OPERATOR} OR q.search_vector @@ ${TSQUERY})`;
    params.push(request.limit, request.offset);
    const limitAt = params.length - 1;
    const order = ORDER_BY[request.sort];
    const pageOf = (source: string, condition = 'true') =>
      `SELECT id, created_at, score, rank FROM ${source} WHERE ${condition} ORDER BY ${order} LIMIT $${limitAt} OFFSET $${limitAt + 1}`;
    // Past the cap, NEWEST and SCORE read every match in the sort's order (an index scan stops after the page).
    const page = request.sort === 'RELEVANCE'
      ? pageOf('counted')
      : `(${pageOf('counted', `(SELECT count(*) FROM matches WHERE matching) <= ${MATCH_CAP}`)})
         UNION ALL
         (${pageOf(`(SELECT q.id, q.created_at, q.score, 0 AS rank FROM questions q WHERE ${where.join(' AND ')}) everything`,
                   `(SELECT count(*) FROM matches WHERE matching) > ${MATCH_CAP}`)})`;
    const rows: Array<{ matched: number; scanned: number; categories: Array<{ categoryId: string; count: number }> | null;
      statuses: Array<{ status: ThreadStatus; count: number }> | null; page: Array<{ id: string; snippet: string }> | null }> =
      await this.db.query(
        `WITH query AS (
           SELECT ${TSQUERY} AS tsq
         ),
         matches AS MATERIALIZED (
           -- The row at SCAN_CAP is kept even when it does not match, to know the scan was cut there.
           SELECT q.id, q.category_id, q.status, q.created_at, q.score, ${request.sort === 'RELEVANCE' ? RELEVANCE : '0'} AS rank,
                  q.scanned, q.scanned < ${SCAN_CAP} OR ${exact} AS matching
             FROM (SELECT q.*, row_number() OVER () AS scanned FROM questions q WHERE ${where.join(' AND ')} LIMIT ${SCAN_CAP}) q
            WHERE q.scanned = ${SCAN_CAP} OR ${exact}
            LIMIT ${MATCH_CAP + 1}
         ),
         counted AS (SELECT * FROM matches WHERE matching LIMIT ${MATCH_CAP}),
         page AS (
           SELECT id, row_number() OVER (ORDER BY ${order}) AS ordinal FROM (${page}) page
         )
         SELECT
           (SELECT count(*)::int FROM matches WHERE matching) AS matched,
           (SELECT coalesce(max(scanned), 0)::int FROM matches) AS scanned,
           (SELECT json_agg(json_build_object('categoryId', category_id::text, 'count', n) ORDER BY n DESC, category_id)
              FROM (SELECT category_id, count(*)::int AS n FROM counted GROUP BY category_id) c) AS categories,
           (SELECT json_agg(json_build_object('status', status, 'count', n) ORDER BY n DESC, status)
              FROM (SELECT status, count(*)::int AS n FROM counted GROUP BY status) s) AS statuses,
           (SELECT json_agg(json_build_object('id', m.id::text, 'snippet', ${SNIPPET}) ORDER BY m.ordinal)
              FROM page m
              JOIN questions q ON q.id = m.id
              LEFT JOIN answers acc ON acc.id = q.accepted_answer_id AND acc.deleted_at IS NULL
              CROSS JOIN query) AS page`,
        params,
      );
    const [row] = rows;
    return {
      hits: (row.page ?? []).map((hit) => ({ questionId: hit.id, snippet: markedSnippet(hit.snippet) })),
      totalCount: Math.min(row.matched, MATCH_CAP),
      // Every row the index found was read, or the cap was reached: past either, there may be more.
      totalCountIsExact: row.matched <= MATCH_CAP && row.scanned < SCAN_CAP,
      facets: { categories: row.categories ?? [], statuses: row.statuses ?? [] },
    };
  }

  /** Whether the planner expects so many questions to meet these conditions that a scan finds the cap sooner (~1 ms to ask). */
  private async isDense(where: string[], params: unknown[]): Promise<boolean> {
    const [{ 'QUERY PLAN': [plan] }]: Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }> = await this.db.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM questions q WHERE ${where.join(' AND ')}`, params,
    );
    return plan.Plan['Plan Rows'] >= Math.sqrt(DENSE_COST_RATIO * SCAN_CAP * await this.questionCount());
  }

  private async questionCount(): Promise<number> {
    if (!this.tableSize || Date.now() - this.tableSize.at > TABLE_SIZE_TTL_MS) {
      const [{ rows }] = await this.db.query(`SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = 'questions'::regclass`);
      this.tableSize = { rows, at: Date.now() };
    }
    return this.tableSize.rows;
  }

  private filterClauses(filter: SearchFilter, params: unknown[]): string[] {
    const clauses: string[] = [];
    const add = (sql: (at: number) => string, value: unknown): void => {
      params.push(value);
      clauses.push(sql(params.length));
    };
    if (filter.categoryId) add((at) => `q.category_id = $${at}`, filter.categoryId);
    if (filter.status) add((at) => `q.status = $${at}`, filter.status);
    if (filter.tag) add((at) => `q.tags @> ARRAY[$${at}::text]`, filter.tag);
    if (filter.solvedOnly) clauses.push(`q.accepted_answer_id IS NOT NULL`);
    return clauses;
  }

  /**
   * Likely duplicates from the titles' own vectors (`title_vector`, GIN-indexed). The title's words
   * are weighed by the planner's statistics of that column: words in more than SIMILAR_COMMON of all
   * titles match too many questions to tell anything and are left out, unless nothing else is left.
   * Candidates share at least two of the remaining words (GIN intersects their posting lists), plus a
   * few sharing any one; the best by shared title words are kept, solved ones first.
   */
  async similar(request: SimilarRequest): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH typed AS (
         SELECT lexeme FROM unnest(to_tsvector($1::regconfig, search_text($2)))
       ),
       stats AS (
         SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS frequencies
           FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'title_vector'
       ),
       rated AS (
         -- A lexeme quoted as tsquery input (quotes and backslashes doubled).
         SELECT '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''' AS term,
                coalesce(stats.frequencies[array_position(stats.lexemes, lexeme)], 0) AS frequency
           FROM typed LEFT JOIN stats ON true
       ),
       chosen AS (
         SELECT term, row_number() OVER (ORDER BY frequency, term) AS n FROM rated
          ORDER BY frequency, term
          LIMIT least(${SIMILAR_WORDS}, greatest(1, (SELECT count(*) FROM rated WHERE frequency < ${SIMILAR_COMMON})))
       ),
       query AS (
         SELECT (SELECT string_agg(term, ' | ')::tsquery FROM chosen) AS any_word,
                coalesce((SELECT string_agg('(' || a.term || ' & ' || b.term || ')', ' | ')::tsquery FROM chosen a JOIN chosen b ON a.n < b.n),
                         (SELECT string_agg(term, ' | ')::tsquery FROM chosen)) AS two_words
       ),
       candidates AS (
         (SELECT q.id FROM questions q, query
           WHERE q.title_vector @@ query.two_words AND q.deleted_at IS NULL AND q.duplicate_of IS NULL -- a duplicate is never suggested: its original is
             AND q.id IS DISTINCT FROM $4::bigint
           LIMIT ${SIMILAR_CANDIDATES})
         UNION
         (SELECT q.id FROM questions q, query
           WHERE q.title_vector @@ query.any_word AND q.deleted_at IS NULL AND q.duplicate_of IS NULL
             AND q.id IS DISTINCT FROM $4::bigint
           LIMIT $3)
       ),
       best AS (
         SELECT q.id, q.accepted_answer_id, ts_rank(q.title_vector, query.any_word) AS rank
           FROM candidates c JOIN questions q ON q.id = c.id, query
          ORDER BY rank DESC, q.id DESC
          LIMIT $3 * 2
       )
       SELECT id::text AS id FROM best ORDER BY (accepted_answer_id IS NOT NULL) DESC, rank DESC, id DESC LIMIT $3`,
      [this.language, request.title, request.limit, request.excludeQuestionId ?? null],
    );
    return rows.map((row) => row.id);
  }

  async reindexAll(onProgress?: (progress: ReindexProgress) => void): Promise<number> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM questions`);
    // The batches add back the words of live titles; those of deleted and edited titles go.
    await this.db.query(`DELETE FROM search_words`);
    let done = 0;
    let afterId = '0';
    for (;;) {
      const batch: Array<{ id: string }> = await this.db.query(
        `SELECT q.id::text AS id FROM questions q WHERE q.id > $1 ORDER BY q.id LIMIT ${REINDEX_BATCH}`, [afterId],
      );
      if (batch.length === 0) break;
      const ids = batch.map((row) => row.id);
      await this.db.transaction((em) => this.documentsChanged(em, ids));
      done += ids.length;
      afterId = ids[ids.length - 1];
      onProgress?.({ done, total });
    }
    await this.db.query(`UPDATE search_index_state SET language = $1`, [this.language]);
    return done;
  }

  async backlog(): Promise<number> {
    return 0;
  }
}
