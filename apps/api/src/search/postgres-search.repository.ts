import type { ThreadStatus } from '@peerdesk/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { positional } from '../database/named-parameters';
import type { SearchFilter, SearchSort } from './search-engine';
import { SNIPPET_START, SNIPPET_STOP } from './snippet';

/**
 * The PostgreSQL search engine's statements (its rules inside PostgreSQL are in sql/: search_text, the question
 * vectors, search_title_words). Parameters are named (database/named-parameters.ts): :query is what the person typed,
 * :language the text search configuration. The statements as written are checked in under queries/ (npm run sql:snapshots).
 */

/**
 * Matches counted exactly, faceted and ranked for relevance, at most: past it a search says "500+"
 * (see `search`). Ranking reads each match's whole vector, so this bounds the work of broad queries.
 */
export const MATCH_CAP = 500;
/**
 * Rows the index path reads at most, one past the match cap (so reading exactly MATCH_CAP rows still
 * proves the count exact). A phrase of rare words has its words together in few of the questions
 * holding both: it is checked on the first SCAN_CAP of those.
 */
export const SCAN_CAP = MATCH_CAP + 1;
/**
 * A query the statistics expect in more questions than this is not looked up in the GIN index: collecting a
 * word's matches from it costs about 0.7 µs each however few are read (28 ms for a word in 4% of a million
 * questions), so it reads the newest questions instead (RECENT_WINDOW).
 */
export const INDEXED_MATCHES_MAX = 5000;
/**
 * The newest questions (of the category, or of all) a common query reads at most, newest first, stopping at
 * MATCH_CAP + 1 matches: its matches are those among them, ranked and counted, and the count says there may be more.
 */
export const RECENT_WINDOW = 2000;

/**
 * A common query whose words all stand together (in any order) in fewer of the newest questions than this reads the
 * index instead: its words are common alone but rarely together, and the matches are mostly older.
 */
export const RECENT_ENOUGH = 20;
/** `similar` looks up at most this many of the title's words, the rarest first. */
const SIMILAR_WORDS = 6;
/** A word in more than this share of titles is too common to find duplicates by (see `similar`). */
const SIMILAR_COMMON = 0.01;
/** `similar` ranks at most this many questions sharing two words: the ask form needs a handful, fast. */
const SIMILAR_CANDIDATES = 300;
/**
 * When `similar` pairs a common word, it looks among this many of the newest questions: two common words may stand
 * together in as many titles as each alone ("mobile hotspot", 4% of a million), which a GIN index would all collect.
 */
export const SIMILAR_WINDOW = 2000;

/**
 * The query, written out where it is used rather than read from a CTE: the planner then sees its
 * value and estimates from the column's statistics how many questions match.
 */
const TSQUERY = `websearch_to_tsquery(:language::regconfig, search_text(:query))`;
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
const SNIPPET = `ts_headline(:language::regconfig,
  translate(q.title || E'\\n' || q.body || coalesce(E'\\n' || acc.body, ''), '${SNIPPET_START}${SNIPPET_STOP}', ''), query.tsq,
  'StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`;

/** Relevance: text rank, doubled for solved questions, decaying gently with age (halved after two years). */
const RELEVANCE = `ts_rank_cd(q.search_vector, ${TSQUERY}, 32)
  * CASE WHEN q.accepted_answer_id IS NOT NULL THEN 2 ELSE 1 END
  / (1 + extract(epoch FROM now() - q.created_at) / (2 * 365 * 86400))`;

const ORDER_BY: Record<SearchSort, string> = {
  RELEVANCE: 'rank DESC, id DESC',
  NEWEST: 'created_at DESC, id DESC',
  SCORE: 'score DESC, id DESC',
};

/**
 * The filter's conditions on `questions q`, with parameters :categoryId, :status and :tag, in two parts: those the
 * indexes of the questions by date serve (`dated`), and the others. Held and hidden questions (their vectors are
 * cleared too) are never found.
 */
function filterConditions(filter: SearchFilter): { dated: string[]; others: string[] } {
  return {
    dated: [`q.deleted_at IS NULL`, ...(filter.categoryId ? [`q.category_id = :categoryId`] : [])],
    others: [
      `q.moderation_state = 'VISIBLE'`,
      ...(filter.status ? [`q.status = :status`] : []),
      ...(filter.tag ? [`q.tags @> ARRAY[:tag::text]`] : []),
      ...(filter.solvedOnly ? [`q.accepted_answer_id IS NOT NULL`] : []),
    ],
  };
}

/**
 * Whether the query is common: its words that must all be there are all among :commonWords (the words the planner's
 * statistics find in more than INDEXED_MATCHES_MAX questions, `commonWords`), or, for words joined by `or`, any one
 * is; excluded words do not count. The words are read from the query's text, where each stands quoted ('word', a
 * quote doubled), `!` before an excluded one.
 */
const COMMON_QUERY = `SELECT coalesce(CASE WHEN strpos(query.tsq::text, '|') > 0 THEN bool_or(word.common) ELSE bool_and(word.common) END, false) AS common
           FROM query
           LEFT JOIN LATERAL (
             SELECT replace(quoted.word[2], '''''', '''') = ANY(:commonWords::text[]) AS common
               FROM regexp_matches(query.tsq::text, '(!?)''((?:[^'']|'''')+)''', 'g') AS quoted(word)
              WHERE quoted.word[1] = ''
           ) word ON true
          GROUP BY query.tsq`;

/** The words of `search_vector` the planner's statistics find in more than INDEXED_MATCHES_MAX questions (COMMON_QUERY). */
const COMMON_WORDS = `SELECT coalesce(array_agg(stats.lexeme), '{}') AS words
         FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS stats(lexeme, share)
        WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'search_vector' AND stats.lexeme IS NOT NULL
          AND stats.share * (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'questions'::regclass) > ${INDEXED_MATCHES_MAX}`;

/**
 * One statement. A rare query reads its matches from the GIN index, at most SCAN_CAP of them (in the order the index
 * yields them); a common one (COMMON_QUERY) reads the newest RECENT_WINDOW questions of the category (or of all), newest
 * first, and keeps those matching the query and filter; either stops at MATCH_CAP + 1 matches. Those matches are
 * counted, faceted and, for RELEVANCE, ranked: a query matching a large share of a million questions would otherwise
 * rank, count and facet every one of them on each request. Past either cap, and always for a common query, the count
 * says there may be more and relevance is the best of those matches; NEWEST and SCORE pages still come from every
 * match, in index order of the sort. Snippets are made for the page only (:limit rows from :offset).
 */
export function searchStatement(sort: SearchSort, filter: SearchFilter): string {
  const { dated, others } = filterConditions(filter);
  const where = [...dated, ...others, `q.search_vector @@ ${LOOSE_TSQUERY}`].join(' AND ');
  // The check only phrases need; folded away by the planner when the query has no phrase.
  const exact = `((${TSQUERY})::text !~ ${PHRASE_OPERATOR} OR q.search_vector @@ ${TSQUERY})`;
  const columns = `q.id, q.category_id, q.status, q.created_at, q.score, q.accepted_answer_id, q.search_vector`;
  const order = ORDER_BY[sort];
  const pageOf = (source: string, condition = 'true') =>
    `SELECT id, created_at, score, rank FROM ${source} WHERE ${condition} ORDER BY ${order} LIMIT :limit OFFSET :offset`;
  // Past the cap, NEWEST and SCORE read every match in the sort's order (an index scan stops after the page).
  const page = sort === 'RELEVANCE'
    ? pageOf('counted')
    : `(${pageOf('counted', `(SELECT count(*) FROM matches WHERE matching) <= ${MATCH_CAP}`)})
         UNION ALL
         (${pageOf(`(SELECT q.id, q.created_at, q.score, 0 AS rank FROM questions q WHERE ${where}) everything`,
                   `(SELECT count(*) FROM matches WHERE matching) > ${MATCH_CAP}`)})`;
  // A common query reads the newest questions first; the index path runs for a rare query, and for a common one whose
  // words meet in fewer than RECENT_ENOUGH of the newest questions (common words that rarely meet: the newest questions
  // would hide the older ones that hold them all). Meeting is having them all, in any order: a phrase of words that
  // often meet ("red light") stays with the newest questions, where the phrase itself is checked. The index path
  // numbers the rows it reads and keeps its last one even when it does not match, to know it was cut there; a common
  // query's matches among the newest are always cut (older questions hold more of them).
  return `WITH query AS (
           SELECT ${TSQUERY} AS tsq
         ),
         common AS MATERIALIZED (
           ${COMMON_QUERY}
         ),
         recent AS MATERIALIZED (
           SELECT ${columns}, false AS cut, ${exact} AS matching
             FROM (SELECT ${columns}, q.moderation_state, q.tags FROM questions q WHERE ${dated.join(' AND ')} AND (SELECT common FROM common)
                    ORDER BY q.created_at DESC, q.id DESC LIMIT ${RECENT_WINDOW}) q
            WHERE ${[...others, `q.search_vector @@ ${LOOSE_TSQUERY}`].join(' AND ')}
            LIMIT ${MATCH_CAP + 1}
         ),
         indexed_path AS MATERIALIZED (
           SELECT NOT (SELECT common FROM common) OR (SELECT count(*) FROM recent) < ${RECENT_ENOUGH} AS taken
         ),
         matches AS MATERIALIZED (
           SELECT q.id, q.category_id, q.status, q.created_at, q.score, ${sort === 'RELEVANCE' ? RELEVANCE : '0'} AS rank, q.cut, q.matching
             FROM ((SELECT ${columns}, q.scanned = ${SCAN_CAP} AS cut, q.scanned < ${SCAN_CAP} OR ${exact} AS matching
                      FROM (SELECT ${columns}, row_number() OVER () AS scanned FROM questions q
                             WHERE ${where} AND (SELECT taken FROM indexed_path) LIMIT ${SCAN_CAP}) q
                     WHERE q.scanned = ${SCAN_CAP} OR ${exact})
                   UNION ALL
                   (SELECT * FROM recent WHERE NOT (SELECT taken FROM indexed_path))) q
            LIMIT ${MATCH_CAP + 1}
         ),
         counted AS (SELECT * FROM matches WHERE matching LIMIT ${MATCH_CAP}),
         page AS (
           SELECT id, row_number() OVER (ORDER BY ${order}) AS ordinal FROM (${page}) page
         )
         SELECT
           (SELECT count(*)::int FROM matches WHERE matching) AS matched,
           (SELECT coalesce(bool_or(cut), false) FROM matches) OR NOT (SELECT taken FROM indexed_path) AS cut,
           (SELECT json_agg(json_build_object('categoryId', category_id::text, 'count', n) ORDER BY n DESC, category_id)
              FROM (SELECT category_id, count(*)::int AS n FROM counted GROUP BY category_id) c) AS categories,
           (SELECT json_agg(json_build_object('status', status, 'count', n) ORDER BY n DESC, status)
              FROM (SELECT status, count(*)::int AS n FROM counted GROUP BY status) s) AS statuses,
           (SELECT json_agg(json_build_object('id', m.id::text, 'snippet', ${SNIPPET}) ORDER BY m.ordinal)
              FROM page m
              JOIN questions q ON q.id = m.id
              LEFT JOIN answers acc ON acc.id = q.accepted_answer_id AND acc.deleted_at IS NULL AND acc.moderation_state = 'VISIBLE'
              CROSS JOIN query) AS page`;
}

/**
 * The typed words (:words), each replaced by the nearest title word (`search_words`, trigram similarity ≥ 0.4:
 * "anwer" is 0.44 from "answer"). Among near-equal candidates the one whose stem is frequent in titles (the planner's
 * statistics of `title_vector`) wins: a typo is most likely of a common word. A word that is itself a title word stays.
 */
const CORRECTED_WORDS = `WITH stats AS (
         SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS frequencies
           FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'title_vector'
       ),
       typed AS (
         SELECT word, at FROM unnest(string_to_array(search_unaccent(:words), ' ')) WITH ORDINALITY AS typed(word, at)
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
                       (SELECT lexeme FROM unnest(to_tsvector(:language::regconfig, nearest.word)) LIMIT 1))], 0) DESC,
                     nearest.similarity DESC, nearest.word
            LIMIT 1
         ) best ON true`;

/**
 * The words `similar` looks for, from :title, as tsquery texts: `anyWord` (any one of them, what candidates are ranked
 * by), `twoWords` (any two) and `rareWord` (any one of those in under SIMILAR_COMMON of titles). The title's words are
 * weighed by the planner's statistics of `title_vector`: words in more than SIMILAR_COMMON of all titles match too many
 * questions to tell anything alone, so they are looked for only paired with another, and only when fewer than two
 * rarer words are left; the rarest SIMILAR_WORDS stay (`common` when one of them is common). Nulls when the title has
 * no word (`rareWord` when none is rare).
 */
const SIMILAR_WORDS_QUERY = `WITH typed AS (
         SELECT lexeme FROM unnest(to_tsvector(:language::regconfig, search_text(:title)))
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
         SELECT term, frequency < ${SIMILAR_COMMON} AS rare, row_number() OVER (ORDER BY frequency, term) AS n FROM rated
          ORDER BY frequency, term
          LIMIT least(${SIMILAR_WORDS}, greatest(2, (SELECT count(*) FROM rated WHERE frequency < ${SIMILAR_COMMON})))
       )
       SELECT (SELECT string_agg(term, ' | ') FROM chosen) AS "anyWord",
              coalesce((SELECT string_agg('(' || a.term || ' & ' || b.term || ')', ' | ') FROM chosen a JOIN chosen b ON a.n < b.n),
                       (SELECT string_agg(term, ' | ') FROM chosen)) AS "twoWords",
              (SELECT string_agg(term, ' | ') FROM chosen WHERE rare) AS "rareWord",
              coalesce((SELECT bool_or(NOT rare) FROM chosen), false) AS common`;

/**
 * Likely duplicates among the titles' own vectors (`title_vector`, GIN-indexed) sharing the words SIMILAR_WORDS_QUERY
 * chose (:anyWord, :twoWords, :rareWord), at most :limit, leaving out :excludeQuestionId. The words come as parameters,
 * not from a CTE, so that the planner sees them. Candidates share at least two of the words (GIN intersects their
 * posting lists), plus, when a rare word was chosen beside another, a few sharing any rare one (with one word, both
 * are the same query); a common word alone is never looked up: a GIN index collects every question holding it before
 * the first is returned. The best by shared title words are kept, solved ones first.
 */
function similarStatement(withRareWord: boolean, common: boolean): string {
  const live = `q.deleted_at IS NULL AND q.duplicate_of IS NULL -- a duplicate is never suggested: its original is
             AND q.moderation_state = 'VISIBLE' -- nor a held or hidden question
             AND q.id IS DISTINCT FROM :excludeQuestionId::bigint`;
  // Every candidate ranked by the title words it shares.
  const ranked = `SELECT q.id, q.accepted_answer_id, ts_rank(q.title_vector, :anyWord::tsquery) AS rank`;
  // The rare words are each in under SIMILAR_COMMON of titles, yet a word missing from the column's statistics is priced
  // at 0.5% of them: a scan that stops after :limit matches then looks cheap, and reads the whole table when few titles
  // hold the words. Stated twice, the condition makes the planner expect almost no match, so it reads the GIN index.
  const rareWord = `
         UNION
         (${ranked} FROM questions q
           WHERE q.title_vector @@ :rareWord::tsquery AND q.title_vector @@ :rareWord::tsquery AND ${live}
           LIMIT :limit)`;
  // A common word among them: the newest SIMILAR_WINDOW questions, newest first, rather than every one holding the pair.
  const searched = common
    ? `(SELECT q.* FROM questions q WHERE q.deleted_at IS NULL ORDER BY q.created_at DESC, q.id DESC LIMIT ${SIMILAR_WINDOW}) q`
    : `questions q`;
  const sharingTwo = `(${ranked} FROM ${searched}
           WHERE q.title_vector @@ :twoWords::tsquery AND ${live}
           LIMIT ${SIMILAR_CANDIDATES})`;
  return `WITH candidates AS (
         ${sharingTwo}${withRareWord ? rareWord : ''}
       ),
       best AS (
         SELECT id, accepted_answer_id, rank FROM candidates
          ORDER BY rank DESC, id DESC
          LIMIT :limit * 2
       )
       SELECT id::text AS id FROM best ORDER BY (accepted_answer_id IS NOT NULL) DESC, rank DESC, id DESC LIMIT :limit`;
}

/** The statements as written, with their named parameters: checked in under queries/ (npm run sql:snapshots). */
export const POSTGRES_SEARCH_STATEMENTS = {
  'search-relevance': searchStatement('RELEVANCE', {}),
  'search-newest-every-filter': searchStatement('NEWEST', { categoryId: '1', status: 'OPEN', tag: 'x', solvedOnly: true }),
  'common-words': COMMON_WORDS,
  'corrected-words': CORRECTED_WORDS,
  'similar-words': SIMILAR_WORDS_QUERY,
  'similar': similarStatement(true, false),
  'similar-recent': similarStatement(true, true),
};

export interface SearchRow {
  /** Matches among the rows read (at most MATCH_CAP + 1), and whether the read stopped at its cap (SCAN_CAP or RECENT_WINDOW). */
  matched: number;
  cut: boolean;
  categories: Array<{ categoryId: string; count: number }> | null;
  statuses: Array<{ status: ThreadStatus; count: number }> | null;
  page: Array<{ id: string; snippet: string }> | null;
}

/** Reads questions for search and owns the typo-correction vocabulary (search_words) and search_index_state. */
export class PostgresSearchRepository {
  constructor(private readonly db: DataSource) {}

  /** The text search configuration the stored vectors were built with. */
  async indexLanguage(): Promise<string | undefined> {
    const [state]: Array<{ language: string }> = await this.db.query(`SELECT language FROM search_index_state`);
    return state?.language;
  }

  async setIndexLanguage(language: string): Promise<void> {
    await this.db.query(`UPDATE search_index_state SET language = $1`, [language]);
  }

  /** New title words of these questions for typo correction, in one order so two writers cannot deadlock on them. */
  async addTitleWords(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    await em.query(
      `INSERT INTO search_words (word)
       SELECT DISTINCT search_title_words(q.title) AS word FROM questions q
        WHERE q.id = ANY($1::bigint[]) AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE'
        ORDER BY word
       ON CONFLICT DO NOTHING`,
      [questionIds],
    );
  }

  /** Forgets every title word (reindexing adds back those of the live titles). */
  async clearTitleWords(): Promise<void> {
    await this.db.query(`DELETE FROM search_words`);
  }

  /** `words` with typos corrected against the title words, or null when none changes. */
  async correctedWords(words: string, language: string): Promise<string | null> {
    const [row]: Array<{ corrected: string | null; changed: boolean | null }> = await this.db.query(...positional(CORRECTED_WORDS, { words, language }));
    return row?.changed ? row.corrected : null;
  }

  /** `commonWords` from `commonWords()`. */
  async search(request: { query: string; language: string; filter: SearchFilter; sort: SearchSort; limit: number; offset: number; commonWords: string[] }): Promise<SearchRow> {
    const { query, language, filter, sort, limit, offset, commonWords } = request;
    const [row]: SearchRow[] = await this.db.query(...positional(searchStatement(sort, filter), { query, language, limit, offset, commonWords, ...filter }));
    return row;
  }

  /** The words the planner's statistics find in more than INDEXED_MATCHES_MAX questions. */
  async commonWords(): Promise<string[]> {
    const [{ words }]: Array<{ words: string[] }> = await this.db.query(COMMON_WORDS);
    return words;
  }

  /** The words (SIMILAR_WORDS_QUERY), then the questions sharing them (similarStatement). */
  async similar(title: string, language: string, limit: number, excludeQuestionId: string | null): Promise<string[]> {
    const [{ anyWord, twoWords, rareWord, common }]: Array<{ anyWord: string | null; twoWords: string | null; rareWord: string | null; common: boolean }> =
      await this.db.query(...positional(SIMILAR_WORDS_QUERY, { title, language }));
    if (anyWord === null || twoWords === null) return [];
    // With one word, the pairs are that word: the rare-word lookup would repeat them.
    const statement = similarStatement(rareWord !== null && twoWords !== anyWord, common);
    const rows: Array<{ id: string }> = await this.db.query(...positional(statement, { anyWord, twoWords, rareWord, limit, excludeQuestionId }));
    return rows.map((row) => row.id);
  }

  async questionCount(): Promise<number> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM questions`);
    return total;
  }

  /** The next ids after `afterId`, in id order, deleted questions included (their vectors are cleared). */
  async questionIdsAfter(afterId: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT q.id::text AS id FROM questions q WHERE q.id > $1 ORDER BY q.id LIMIT $2`, [afterId, limit]);
    return rows.map((row) => row.id);
  }
}
