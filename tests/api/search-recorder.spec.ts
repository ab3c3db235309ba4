import { POOR_RESULT_THRESHOLD } from '@peerdesk/domain';
import type { DataSource } from 'typeorm';
import { AdjustableClock } from '../../apps/api/src/common/clock';
import { loadConfig } from '../../apps/api/src/config/config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { createApi } from '../../apps/api/src/main';
import { SearchInsightsRepository } from '../../apps/api/src/search-insights/search-insights.repository';
import { SearchInsightsService } from '../../apps/api/src/search-insights/search-insights.service';
import { SearchRecorder } from '../../apps/api/src/search-insights/search-recorder';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Searches are counted in memory and written to search_query_days in one statement per flush.

/** The per-search upsert searches were written with before they were buffered: the figures a flush must match. */
const ONE_SEARCH_UPSERT = `
  INSERT INTO search_query_days_one_by_one AS d (day, query, searches, zero_results, poor_results, last_total, first_seen_at, last_seen_at)
  VALUES (($3::timestamptz AT TIME ZONE 'UTC')::date, $1, 1, ($2 = 0)::int, ($2 <= $4)::int, $2, $3, $3)
  ON CONFLICT (day, query) DO UPDATE SET
    searches     = d.searches + 1,
    zero_results = d.zero_results + EXCLUDED.zero_results,
    poor_results = d.poor_results + EXCLUDED.poor_results,
    last_total   = CASE WHEN EXCLUDED.last_seen_at >= d.last_seen_at THEN EXCLUDED.last_total ELSE d.last_total END,
    last_seen_at = GREATEST(d.last_seen_at, EXCLUDED.last_seen_at),
    first_seen_at = LEAST(d.first_seen_at, EXCLUDED.first_seen_at)`;

const ROWS = (table: string) => `
  SELECT day::text, query, searches, zero_results, poor_results, last_total, first_seen_at, last_seen_at
    FROM ${table} ORDER BY day, query`;

interface Search { query: string; total: number; at: Date }

describe('search recorder', () => {
  let database: TestDatabase;
  let db: DataSource;
  const config = loadConfig({ NODE_ENV: 'test' });
  const recorderOn = (dataSource: DataSource) => new SearchRecorder(new SearchInsightsRepository(dataSource), config);
  const searchesOf = async (query: string) =>
    (await db.query(`SELECT coalesce(sum(searches), 0)::int AS n FROM search_query_days WHERE query = $1`, [query]))[0].n as number;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 4);
    await db.initialize();
  });
  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.drop();
  });
  beforeEach(() => db.query(`TRUNCATE search_query_days`));

  it('writes many searches in one statement per flush, with the figures one upsert per search gave', async () => {
    await db.query(`CREATE TABLE search_query_days_one_by_one (LIKE search_query_days INCLUDING ALL)`);
    // Texts an array literal must quote, over two UTC days, with searches in the same millisecond (ties on last_seen_at).
    const queries = ['printer offline', 'say "hello"', 'c:\\temp\\x', '{a,b}', 'naïve café', 'null', 'esim, activation', "o'brien"];
    const totals = [0, 1, 2, 3, 7];
    const start = Date.parse('2025-03-09T23:59:50Z');
    const searches: Search[] = Array.from({ length: 600 }, (_, i) => ({
      query: queries[(i * 7 + (i >> 3)) % queries.length],
      total: totals[(i * 3 + (i >> 2)) % totals.length],
      at: new Date(start + Math.floor(i / 3) * 100),
    }));
    // Searched last in the first flush and again in the same millisecond in the second: the later total wins the tie.
    searches.splice(250, 0, { query: 'tie', total: 0, at: searches[249].at }, { query: 'tie', total: 7, at: searches[249].at });
    for (const search of searches) await db.query(ONE_SEARCH_UPSERT, [search.query, search.total, search.at, POOR_RESULT_THRESHOLD]);

    const statements: string[] = [];
    const counting = Object.create(db, {
      query: { value: (sql: string, params?: unknown[]) => { statements.push(sql); return db.query(sql, params); } },
    }) as DataSource;
    const recorder = recorderOn(counting);
    // Two flushes: the second adds onto rows the first wrote.
    for (const half of [searches.slice(0, 251), searches.slice(251)]) {
      for (const search of half) recorder.record(search.query, search.total, search.at);
      await recorder.flush();
    }

    expect(statements).toHaveLength(2);
    const written = await db.query(ROWS('search_query_days'));
    expect(written).toHaveLength(queries.length * 2 + 1);
    expect(written).toEqual(await db.query(ROWS('search_query_days_one_by_one')));
    await db.query(`DROP TABLE search_query_days_one_by_one`);
  });

  it('two instances flushing the same rows at once add up, without a deadlock', async () => {
    const [one, two] = [recorderOn(db), recorderOn(db)];
    // The same 900 rows (under the size that starts a flush by itself), recorded in opposite orders.
    const queries = Array.from({ length: 900 }, (_, i) => `query ${String(i).padStart(3, '0')}`);
    const at = new Date('2025-03-10T12:00:00Z');
    const recordRound = () => {
      for (const query of queries) one.record(query, 0, at);
      for (const query of [...queries].reverse()) {
        two.record(query, 1, at);
        two.record(query, 1, at);
      }
    };
    // No flush again before looking: a failed one would keep its counts, and the table would fall short.
    const totals = () => db.query(`SELECT count(*)::int AS n, min(searches) AS min, max(searches) AS max, sum(zero_results)::int AS zero FROM search_query_days`);

    recordRound();
    await Promise.all([one.flush(), two.flush()]);
    expect(await totals()).toEqual([{ n: 900, min: 3, max: 3, zero: 900 }]);

    // A row in the middle held locked makes both flushes wait there with the rows before it locked: rows
    // written in each instance's own order would now deadlock, one (day, query) order cannot.
    const blocker = db.createQueryRunner();
    await blocker.startTransaction();
    try {
      await blocker.query(`SELECT 1 FROM search_query_days WHERE query = 'query 450' FOR UPDATE`);
      recordRound();
      const flushes = Promise.all([one.flush(), two.flush()]);
      const waiting = async () => (await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO search_query_days%'`))[0].n;
      for (let waited = 0; waited < 5000 && (await waiting()) < 2; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await waiting()).toBe(2);
      await blocker.commitTransaction();
      await flushes;
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(await totals()).toEqual([{ n: 900, min: 6, max: 6, zero: 1800 }]);
  });

  it('keeps the counts of a failed flush, and of searches made meanwhile, for the next flush', async () => {
    const recorder = recorderOn(db);
    const earlier = new Date('2025-03-10T08:00:00Z');
    const later = new Date('2025-03-10T08:00:01Z');
    recorder.record('printer offline', 0, earlier);
    recorder.record('printer offline', 0, later);
    await db.query(`ALTER TABLE search_query_days RENAME TO search_query_days_away`);
    try {
      const failing = recorder.flush();
      // Recorded while the failing write is in flight: later searches, whose latest total must win.
      recorder.record('printer offline', 5, later);
      recorder.record('fax machine', 1, later);
      await expect(failing).resolves.toBeUndefined();
    } finally {
      await db.query(`ALTER TABLE search_query_days_away RENAME TO search_query_days`);
    }
    expect(await db.query(ROWS('search_query_days'))).toEqual([]);

    await recorder.flush();
    expect(await db.query(`SELECT query, searches, zero_results, poor_results, last_total, first_seen_at, last_seen_at FROM search_query_days ORDER BY query`)).toEqual([
      { query: 'fax machine', searches: 1, zero_results: 0, poor_results: 1, last_total: 1, first_seen_at: later, last_seen_at: later },
      { query: 'printer offline', searches: 3, zero_results: 2, poor_results: 2, last_total: 5, first_seen_at: earlier, last_seen_at: later },
    ]);
  });

  it('holds at most 10,000 rows while flushes fail, and writes them once the database is back', async () => {
    const recorder = recorderOn(db);
    const at = new Date('2025-03-10T08:00:00Z');
    await db.query(`ALTER TABLE search_query_days RENAME TO search_query_days_away`);
    try {
      // The 1,000th row starts a flush by itself; it fails, and its rows are held again.
      for (let i = 0; i < 10_005; i++) recorder.record(`query ${i}`, 0, at);
      await recorder.flush();
    } finally {
      await db.query(`ALTER TABLE search_query_days_away RENAME TO search_query_days`);
    }
    await recorder.flush();
    expect(await db.query(`SELECT count(*)::int AS n, sum(searches)::int AS searches FROM search_query_days`)).toEqual([{ n: 10_000, searches: 10_000 }]);
    expect(await searchesOf('query 9999')).toBe(1);
    expect(await searchesOf('query 10000')).toBe(0);
  });

  it('flushes by itself on its timer', async () => {
    const recorder = recorderOn(db);
    recorder.startFlushing(0.05);
    try {
      recorder.record('esim activation', 0, new Date());
      for (let waited = 0; waited < 5000 && (await searchesOf('esim activation')) === 0; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await searchesOf('esim activation')).toBe(1);
    } finally {
      await recorder.onApplicationShutdown();
    }
  });

  it('writes what is buffered when the API shuts down', async () => {
    const api = await createApi({ config: loadConfig({ NODE_ENV: 'test', SEARCH_ENGINE: 'postgres' }), dataSource: db, clock: new AdjustableClock() });
    await api.init();
    api.get(SearchInsightsService).recordSearch('  Bluetooth   HEADSET ', 0);
    expect(await searchesOf('bluetooth headset')).toBe(0);
    await api.close();
    expect(await searchesOf('bluetooth headset')).toBe(1);
  });
});
