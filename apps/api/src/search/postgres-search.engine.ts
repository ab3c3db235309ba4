import { Logger } from '@nestjs/common';
import type { ThreadStatus } from '@peerdesk/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ReindexProgress, SearchEngine, SearchFilter, SearchRequest, SearchResult, SimilarRequest,
} from './search-engine';
import { markedSnippet, SNIPPET_START, SNIPPET_STOP } from './snippet';

/** Questions re-vectorized per statement by `reindexAll`. */
const REINDEX_BATCH = 2000;
/** `similar` ranks at most this many candidates: the ask form needs a handful, fast, not the best of a million. */
const SIMILAR_CANDIDATES = 300;

/** Relevance: text rank, doubled for solved questions, decaying gently with age (halved after two years). */
const RELEVANCE = `ts_rank_cd(q.search_vector, query.tsq, 32)
  * CASE WHEN q.accepted_answer_id IS NOT NULL THEN 2 ELSE 1 END
  / (1 + extract(epoch FROM now() - q.created_at) / (2 * 365 * 86400))`;

const ORDER_BY: Record<SearchRequest['sort'], string> = {
  RELEVANCE: 'rank DESC, id DESC',
  NEWEST: 'created_at DESC, id DESC',
  SCORE: 'score DESC, id DESC',
};

/** The full-text query's words, without the syntax, for the typo fallback. */
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
 * `websearch_to_tsquery` over unaccented text in the configured language, a GIN index, and a trigram
 * fallback on titles when the words match nothing (typos). The index is current by construction:
 * `documentsChanged` rewrites the vectors in the writing transaction.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly logger = new Logger('Search');

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
          SET search_vector = CASE WHEN q.deleted_at IS NULL THEN question_search_vector(q, $2::regconfig) END
        WHERE q.id = ANY($1::bigint[])`,
      [questionIds, this.language],
    );
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const fullText = await this.run(request, 'fullText', request.query);
    if (fullText.totalCount > 0) return fullText;
    const words = plainWords(request.query);
    return words ? this.run(request, 'typo', words) : fullText;
  }

  /**
   * One statement: the match set (filtered), its count and facets, and one ranked page with snippets.
   * Snippets are made for the page's rows only.
   */
  private async run(request: SearchRequest, mode: 'fullText' | 'typo', text: string): Promise<SearchResult> {
    const params: unknown[] = [text, this.language];
    const where = [`q.deleted_at IS NULL`, ...this.filterClauses(request.filter, params)];
    let rank: string;
    if (mode === 'fullText') {
      where.push(`q.search_vector @@ query.tsq`);
      rank = RELEVANCE;
    } else {
      // `<%` is word similarity (default threshold 0.6) and uses the trigram index on titles.
      where.push(`query.plain <% search_unaccent(lower(q.title))`);
      rank = `word_similarity(query.plain, search_unaccent(lower(q.title)))
        * CASE WHEN q.accepted_answer_id IS NOT NULL THEN 2 ELSE 1 END`;
    }
    params.push(request.limit, request.offset);
    const limitAt = params.length - 1;
    const rows: Array<{ total: number; categories: Array<{ categoryId: string; count: number }> | null;
      statuses: Array<{ status: ThreadStatus; count: number }> | null; page: Array<{ id: string; snippet: string }> | null }> =
      await this.db.query(
        `WITH query AS (
           SELECT websearch_to_tsquery($2::regconfig, search_text($1)) AS tsq, search_unaccent(lower($1)) AS plain
         ),
         matches AS (
           SELECT q.id, q.category_id, q.status, q.created_at, q.score, ${rank} AS rank
             FROM questions q, query
            WHERE ${where.join(' AND ')}
         ),
         page AS (
           SELECT id, row_number() OVER (ORDER BY ${ORDER_BY[request.sort]}) AS ordinal
             FROM matches ORDER BY ${ORDER_BY[request.sort]} LIMIT $${limitAt} OFFSET $${limitAt + 1}
         )
         SELECT
           (SELECT count(*)::int FROM matches) AS total,
           (SELECT json_agg(json_build_object('categoryId', category_id::text, 'count', n) ORDER BY n DESC, category_id)
              FROM (SELECT category_id, count(*)::int AS n FROM matches GROUP BY category_id) c) AS categories,
           (SELECT json_agg(json_build_object('status', status, 'count', n) ORDER BY n DESC, status)
              FROM (SELECT status, count(*)::int AS n FROM matches GROUP BY status) s) AS statuses,
           (SELECT json_agg(json_build_object('id', m.id::text, 'snippet', ${this.headline(mode)}) ORDER BY m.ordinal)
              FROM page m
              JOIN questions q ON q.id = m.id
              LEFT JOIN answers acc ON acc.id = q.accepted_answer_id AND acc.deleted_at IS NULL
              CROSS JOIN query) AS page`,
        params,
      );
    const [row] = rows;
    return {
      hits: (row.page ?? []).map((hit) => ({ questionId: hit.id, snippet: markedSnippet(hit.snippet) })),
      totalCount: row.total,
      facets: { categories: row.categories ?? [], statuses: row.statuses ?? [] },
    };
  }

  /**
   * `ts_headline` over title, body and accepted answer, with markers no post can contain (they are
   * stripped from the text first); `markedSnippet` escapes everything else and turns them into <mark>.
   * The typo fallback highlights nothing (its words are not the post's), it shows the opening text.
   */
  private headline(mode: 'fullText' | 'typo'): string {
    const text = `translate(q.title || E'\\n' || q.body || coalesce(E'\\n' || acc.body, ''), '${SNIPPET_START}${SNIPPET_STOP}', '')`;
    if (mode === 'typo') return `left(${text}, 240)`;
    return `ts_headline($2::regconfig, ${text}, query.tsq,
      'StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`;
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

  async similar(request: SimilarRequest): Promise<string[]> {
    // Any of the title's words (an OR of its lexemes); candidates are capped before ranking.
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH query AS (
         SELECT nullif(replace(plainto_tsquery($1::regconfig, search_text($2))::text, '&', '|'), '')::tsquery AS tsq
       ),
       candidates AS (
         SELECT q.id, q.accepted_answer_id, q.created_at, q.search_vector
           FROM questions q, query
          WHERE q.deleted_at IS NULL AND q.search_vector @@ query.tsq
            AND q.id IS DISTINCT FROM $4::bigint
            AND q.duplicate_of IS NULL -- a duplicate is never suggested: its original is
          LIMIT ${SIMILAR_CANDIDATES}
       )
       SELECT c.id::text AS id
         FROM candidates c, query
        ORDER BY (c.accepted_answer_id IS NOT NULL) DESC, ts_rank_cd(c.search_vector, query.tsq, 32) DESC, c.id DESC
        LIMIT $3`,
      [this.language, request.title, request.limit, request.excludeQuestionId ?? null],
    );
    return rows.map((row) => row.id);
  }

  async reindexAll(onProgress?: (progress: ReindexProgress) => void): Promise<number> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM questions`);
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
