import type { DataSource } from 'typeorm';
import { PostgresSearchEngine } from '../../search/postgres-search.engine';
import { PostgresSearchRepository } from '../../search/postgres-search.repository';

/**
 * What the API's triggers and handlers would have written beside the rows, rebuilt set-based once the rows are
 * in, by the same rules: the report facts (refresh_report_question_facts, whose rows' triggers sum the rollups),
 * the search vectors and title words (the PostgreSQL engine's own reindex), each member's reputation (the sum of
 * their ledger) and the id sequences. The counters on questions (answers, score, views, status) are written by the
 * generator, which played each thread through the API's rules.
 */

/**
 * Questions per facts refresh. Small on purpose: the planner takes `unnest(ids)` for 10 rows and joins the private
 * conversations by a nested loop over all the ids, so a refresh costs (ids × conversations among them); 20,000 ids
 * took 40 times longer per question than 1,000.
 */
const FACTS_CHUNK = 1_000;

/** Moves each table's id sequence past the ids the seed gave. */
export async function advanceSequences(dataSource: DataSource, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await dataSource.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), greatest(1, (SELECT coalesce(max(id), 0) FROM ${table})), (SELECT count(*) > 0 FROM ${table}))`,
      [table],
    );
  }
}

/** Questions per search transaction, as the engine's own reindex takes them. */
const SEARCH_BATCH = 2_000;
/** Connections working at once: one per core of the machine the seed targets. */
const WORKERS = 2;

/** Runs `work` over the ids 1..last in ranges of `batch`, on WORKERS connections at once. */
async function overIdRanges(last: number, batch: number, work: (from: number, to: number) => Promise<void>, onProgress: (done: number, total: number) => void) {
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: WORKERS }, async () => {
    while (next < last) {
      const from = next;
      next += batch;
      const to = Math.min(last, from + batch);
      await work(from, to);
      done += to - from;
      onProgress(done, last);
    }
  }));
}

async function lastQuestionId(dataSource: DataSource): Promise<number> {
  const [{ last }]: Array<{ last: string | null }> = await dataSource.query('SELECT max(id)::text AS last FROM questions');
  return Number(last ?? 0);
}

/**
 * The search vectors and title words of every question, in the language the index was built with, through the
 * PostgreSQL engine's own write (what the API does in each writing transaction).
 */
export async function rebuildSearch(dataSource: DataSource, onProgress: (done: number, total: number) => void): Promise<void> {
  const language = (await new PostgresSearchRepository(dataSource).indexLanguage()) ?? 'english';
  const engine = new PostgresSearchEngine(dataSource, language);
  await overIdRanges(await lastQuestionId(dataSource), SEARCH_BATCH, async (from, to) => {
    const ids = Array.from({ length: to - from }, (_, k) => String(from + k + 1));
    await dataSource.transaction((em) => engine.documentsChanged(em, ids));
  }, onProgress);
}

/** Every question's report facts and, through the facts table's triggers, the day and month rollups. */
export async function rebuildReportFacts(dataSource: DataSource, onProgress: (done: number, total: number) => void): Promise<void> {
  let analyzed = false;
  await overIdRanges(await lastQuestionId(dataSource), FACTS_CHUNK, async (from, to) => {
    await dataSource.query('SELECT refresh_report_question_facts(ARRAY(SELECT id FROM questions WHERE id > $1 AND id <= $2 ORDER BY id))', [from, to]);
    // The refresh keeps one plan per connection, made on its first call, here with the facts table empty: its lock
    // read then scans the whole table, each chunk a longer scan (at 1M the phase slowed from 5,400 to 1,100 questions a
    // second). Statistics of a table with rows in it make every connection plan again, for index lookups.
    if (!analyzed) {
      analyzed = true;
      await dataSource.query('ANALYZE report_question_facts');
    }
  }, onProgress);
  // The rollup triggers append deltas, as the API's writers do; folded at once here rather than by the API's job.
  await dataSource.query('SELECT report_fold_rollup_deltas()');
}

/** The categories' question counters (category_counts), which their triggers on questions keep while the API writes. */
export async function rebuildCategoryCounts(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT category_counts_recount()');
}

/** users.reputation: the sum of each member's ledger rows, as the API keeps it. */
export async function rebuildReputation(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `UPDATE users u SET reputation = r.total
       FROM (SELECT user_id, sum(delta)::int AS total FROM reputation_events GROUP BY user_id) r
      WHERE u.id = r.user_id`,
  );
}

/** Fresh planner statistics for the tables; with `vacuum`, their visibility maps too (index-only scans). */
export async function analyze(dataSource: DataSource, tables: readonly string[], { vacuum }: { vacuum: boolean }): Promise<void> {
  for (const table of tables) await dataSource.query(`${vacuum ? 'VACUUM ' : ''}ANALYZE ${table}`);
}

/** Rows already in the community, by the tables that make one: the seed writes only into an empty database. */
export async function existingRows(dataSource: DataSource): Promise<{ users: number; categories: number; questions: number }> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM categories)::int AS categories,
            (SELECT count(*) FROM questions)::int AS questions`,
  );
  return row;
}

/** Exact row counts of the tables. */
export async function countRows(dataSource: DataSource, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = n;
  }
  return counts;
}
