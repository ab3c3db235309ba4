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

/** Questions per facts refresh: a statement of bounded size, and a progress step. */
const FACTS_CHUNK = 20_000;

/** Moves each table's id sequence past the ids the seed gave. */
export async function advanceSequences(dataSource: DataSource, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await dataSource.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), greatest(1, (SELECT coalesce(max(id), 0) FROM ${table})), (SELECT count(*) > 0 FROM ${table}))`,
      [table],
    );
  }
}

/** The search vectors and title words of every question, in the language the index was built with. */
export async function rebuildSearch(dataSource: DataSource, onProgress: (done: number, total: number) => void): Promise<void> {
  const language = (await new PostgresSearchRepository(dataSource).indexLanguage()) ?? 'english';
  await new PostgresSearchEngine(dataSource, language).reindexAll(({ done, total }) => onProgress(done, total));
}

/** Every question's report facts and, through the facts table's triggers, the day and month rollups. */
export async function rebuildReportFacts(dataSource: DataSource, onProgress: (done: number, total: number) => void): Promise<void> {
  const [{ last }]: Array<{ last: string | null }> = await dataSource.query('SELECT max(id)::text AS last FROM questions');
  const total = Number(last ?? 0);
  for (let from = 0; from < total; from += FACTS_CHUNK) {
    await dataSource.query(
      'SELECT refresh_report_question_facts(ARRAY(SELECT id FROM questions WHERE id > $1 AND id <= $2 ORDER BY id))',
      [from, from + FACTS_CHUNK],
    );
    onProgress(Math.min(total, from + FACTS_CHUNK), total);
  }
}

/** users.reputation: the sum of each member's ledger rows, as the API keeps it. */
export async function rebuildReputation(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `UPDATE users u SET reputation = r.total
       FROM (SELECT user_id, sum(delta)::int AS total FROM reputation_events GROUP BY user_id) r
      WHERE u.id = r.user_id`,
  );
}

/** Fresh planner statistics for the loaded tables. */
export async function analyze(dataSource: DataSource, tables: readonly string[]): Promise<void> {
  for (const table of tables) await dataSource.query(`VACUUM ANALYZE ${table}`);
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
