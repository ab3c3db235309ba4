import { MATCH_CAP } from '../../apps/api/src/search/postgres-search.engine';
import { PostgresSearchRepository, RECENT_WINDOW } from '../../apps/api/src/search/postgres-search.repository';
import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { SearchOutboxWorker } from '../../apps/api/src/search/search-outbox.worker';
import { TestApp } from '../support/test-app';
import { describeSearchContract } from './search-contract';

// The search contract on the PostgreSQL engine: vectors are written in the posting transaction, except after an
// answer is posted, edited or removed, when the thread's vector is rebuilt by the outbox's drain.
describeSearchContract('postgres', {
  // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
  start: () => TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres' }),
  settle: async (app) => {
    await app.provider(SearchOutboxWorker).runOnce();
    expect(await app.count('search_outbox')).toBe(0);
  },
});

describe('PostgreSQL search vectors of a busy thread', () => {
  let app: TestApp;
  beforeAll(async () => {
    // RATE_LIMITS=off: one address posts the answers.
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres' });
  });
  afterAll(() => app?.close());

  it('rebuilds a thread once for several answers posted before a drain, and then finds each of them', async () => {
    const question = await app.ask(await app.member(), (await app.category()).id, { title: 'Set-top box loses the guide', body: 'The programme guide goes blank after midnight.' });
    const search = async (query: string) =>
      (await app.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(
        `query ($q: String!) { search(query: $q) { edges { node { question { id } } } } }`, { q: query },
      )).search.edges.map((edge) => edge.node.question.id);
    const words = ['quetzalcoatl', 'ouroboros', 'xylophonist'];
    for (const word of words) await app.answer(await app.member(), question.id, `Unplug it for a minute, then rescan: the ${word} trick.`);
    // One outbox row for the thread, whatever its answers: the posting transactions did not rebuild its vector.
    expect(await app.count('search_outbox', 'question_id = $1', [question.id])).toBe(1);
    expect(await app.provider<SearchEngine>(SEARCH_ENGINE).backlog()).toBe(1);
    expect(await app.provider(SearchOutboxWorker).runOnce()).toEqual({ pushed: 1, failed: 0 });
    for (const word of words) expect(await search(word)).toEqual([question.id]);
    expect(await app.count('search_outbox')).toBe(0);
  });
});

describe('PostgreSQL search index rebuild', () => {
  let app: TestApp;
  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres', SEARCH_LANGUAGE: 'french' });
  });
  afterAll(() => app?.close());

  it('reindexAll rebuilds every vector in batches with the configured language and records it', async () => {
    const asker = await app.member();
    const categoryId = (await app.category()).id;
    const question = await app.ask(asker, categoryId, { title: 'Les imprimantes refusent de démarrer', body: 'Depuis la mise à jour, les pilotes échouent au démarrage.' });
    await app.db.query(`UPDATE questions SET search_vector = NULL`);
    // A word left by a title since edited away: the rebuild forgets it.
    await app.db.query(`INSERT INTO search_words (word) VALUES ('imprimanteries')`);
    const search = async (query: string) =>
      (await app.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(
        `query ($q: String!) { search(query: $q) { edges { node { question { id } } } } }`, { q: query },
      )).search.edges.map((edge) => edge.node.question.id);
    // Words of the body only: the typo fallback on titles cannot find them.
    expect(await search('pilote')).toEqual([]);

    const progress: number[] = [];
    const count = await app.provider<SearchEngine>(SEARCH_ENGINE).reindexAll(({ done }) => progress.push(done));
    expect(count).toBe(1);
    expect(progress).toEqual([1]);
    // French stemming: the singular finds the plural; unaccent: "echouent" finds "échouent".
    expect(await search('pilote')).toEqual([question.id]);
    expect(await search('echouent')).toEqual([question.id]);
    expect(await app.db.query(`SELECT language FROM search_index_state`)).toEqual([{ language: 'french' }]);
    expect((await app.db.query(`SELECT word FROM search_words ORDER BY word`)).map((row: { word: string }) => row.word))
      .toEqual(['demarrer', 'imprimantes', 'les', 'refusent']);
    expect(await app.provider<SearchEngine>(SEARCH_ENGINE).backlog()).toBe(0);
  });

  it('keeps search vectors in the table row, where every search reads them (migration SearchVectorInline)', async () => {
    const [{ storage, toast }] = await app.db.query(
      `SELECT string_agg(a.attname || ' ' || a.attstorage::text, ', ' ORDER BY a.attname) AS storage, c.reltoastrelid::regclass::text AS toast
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE a.attrelid = 'questions'::regclass AND a.attname IN ('search_vector', 'title', 'title_vector')
        GROUP BY c.reltoastrelid`,
    );
    expect(storage).toBe('search_vector m, title m, title_vector m');
    const toastChunks = async () => Number((await app.db.query(`SELECT count(*) AS n FROM ${toast}`))[0].n);
    const before = await toastChunks();
    // 400 distinct words: a vector of several KB, which the default storage would move to the TOAST table.
    const words = Array.from({ length: 400 }, (_, n) => `mot${n.toString(36)}x`).join(' ');
    const question = await app.ask(await app.member(), (await app.category()).id, { title: 'Un long message sur les pilotes', body: words });
    const [{ size }] = await app.db.query(`SELECT pg_column_size(search_vector) AS size FROM questions WHERE id = $1`, [question.id]);
    expect(size).toBeGreaterThan(2000);
    // With the body made short and the old row version vacuumed away, whatever the TOAST table still holds
    // for this row can only be the vector, the title or its vector (a row this wide once pushed those out).
    await app.db.query(`UPDATE questions SET body = 'Court.', body_html = '<p>Court.</p>' WHERE id = $1`, [question.id]);
    await app.db.query(`VACUUM questions`);
    expect(await toastChunks()).toBe(before);
  });
});

describe('PostgreSQL search past the counting cap', () => {
  let app: TestApp;
  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres' });
  });
  afterAll(() => app?.close());

  const SEARCH = `query ($q: String!, $sort: SearchSort) {
    search(query: $q, sort: $sort, first: 3) {
      edges { node { question { id } snippet } } pageInfo { hasNextPage } totalCount totalCountIsExact
      facets { statuses { status count } }
    }
  }`;
  interface Page {
    edges: Array<{ node: { question: { id: string }; snippet: string } }>;
    pageInfo: { hasNextPage: boolean };
    totalCount: number;
    totalCountIsExact: boolean;
    facets: { statuses: Array<{ status: string; count: number }> };
  }

  it('counts and facets the first MATCH_CAP matches, says so, still pages NEWEST from every match, and corrects a frequent word\'s typo', async () => {
    const asker = await app.member();
    const categoryId = (await app.category()).id;
    // More matches than the cap, written in one statement (newest last), plus one question of its own word.
    const made: Array<{ id: string }> = await app.db.query(
      `INSERT INTO questions (category_id, author_id, title, body, body_html, created_at, updated_at, last_activity_at)
       SELECT $1, $2, 'Lemur dashboard number ' || g, 'Body', '<p>Body</p>', now() - make_interval(mins => $3 - g), now(), now()
         FROM generate_series(1, $3::int) g
       RETURNING id::text AS id`,
      [categoryId, asker.id, MATCH_CAP + 5],
    );
    const [single] = await app.db.query(
      `INSERT INTO questions (category_id, author_id, title, body, body_html, created_at, updated_at, last_activity_at)
       VALUES ($1, $2, 'Lemur vanishing toolbar', 'Body', '<p>Body</p>', now(), now(), now()) RETURNING id::text AS id`,
      [categoryId, asker.id],
    );
    await app.db.transaction((em) => app.provider<SearchEngine>(SEARCH_ENGINE).documentsChanged(em, [...made.map((q) => q.id), single.id]));
    const search = async (q: string, sort = 'RELEVANCE') => (await app.ok<{ search: Page }>(SEARCH, { q, sort })).search;

    const broad = await search('lemur dashboard');
    expect(broad.totalCount).toBe(MATCH_CAP);
    expect(broad.totalCountIsExact).toBe(false);
    expect(broad.edges).toHaveLength(3);
    expect(broad.pageInfo.hasNextPage).toBe(true);
    expect(broad.facets.statuses).toEqual([{ status: 'OPEN', count: MATCH_CAP }]);

    const newest = await search('lemur dashboard', 'NEWEST');
    expect(newest.edges.map((edge) => edge.node.question.id)).toEqual(made.slice(-3).reverse().map((q) => q.id));

    // A typo of a frequent title word is corrected from the column's statistics, then searched as words.
    await app.db.query('ANALYZE questions');
    const typo = await search('dashbord');
    expect(typo.totalCount).toBe(MATCH_CAP);
    expect(typo.totalCountIsExact).toBe(false);
    // Highlighted as the corrected word (the trigram fallback highlights nothing).
    expect(typo.edges[0].node.snippet).toMatch(/<mark>dashboard<\/mark>/i);

    const narrow = await search('lemur toolbar');
    expect(narrow.totalCount).toBe(1);
    expect(narrow.totalCountIsExact).toBe(true);
    expect(narrow.edges.map((edge) => edge.node.question.id)).toEqual([single.id]);
  });
});

describe('PostgreSQL search of common words', () => {
  let app: TestApp;
  let repository: PostgresSearchRepository;
  let older: string[];
  const search = (query: string, commonWords: string[]) =>
    repository.search({ query, language: 'english', filter: {}, sort: 'RELEVANCE', limit: 10, offset: 0, commonWords });

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres' });
    repository = new PostgresSearchRepository(app.db);
    const asker = await app.member();
    const categoryId = (await app.category()).id;
    older = [];
    for (const title of ['Modem firmware rollback bricked it', 'Modem firmware update stuck at 40%', 'Which modem firmware fixes the wifi drops']) {
      older.push((await app.ask(asker, categoryId, { title, body: 'Since the last firmware the modem misbehaves.' })).id);
    }
    // More newer questions than a common query reads (RECENT_WINDOW), each holding "modem" but not "firmware": copies of
    // one asked question, a second apart, with their own titles and vectors.
    const template = (await app.ask(asker, categoryId, { title: 'Modem lights blink orange', body: 'The modem blinks all evening.' })).id;
    const columns: Array<{ name: string }> = await app.db.query(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'questions' AND table_schema = current_schema()
          AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position`);
    const overridden: Record<string, string> = { title: `'Modem filler ' || n`, created_at: `created_at + n * interval '1 second'` };
    await app.db.query(
      `INSERT INTO questions (${columns.map((c) => c.name).join(', ')})
       SELECT ${columns.map((c) => overridden[c.name] ?? c.name).join(', ')} FROM questions, generate_series(1, $2::int) AS n WHERE id = $1`,
      [template, RECENT_WINDOW + 50],
    );
    await app.db.query(`UPDATE questions q SET search_vector = question_search_vector(q, 'english'), title_vector = question_title_vector(q, 'english') WHERE q.title LIKE 'Modem filler %'`);
  });
  afterAll(() => app?.close());

  it('ranks a common query among the newest questions, and finds common words that rarely meet in the older ones', async () => {
    // "modem" alone: its matches among the newest questions, cut there (the older threads are not read).
    const modem = await search('modem', ['modem']);
    expect(modem.cut).toBe(true);
    expect(modem.page).toHaveLength(10);
    expect(modem.page!.map((hit) => hit.id)).not.toEqual(expect.arrayContaining([older[0]]));
    // "modem firmware": both common, together only in the three older threads, which the newest questions would hide.
    const both = await search('modem firmware', ['modem', 'firmwar']);
    expect(both.page!.map((hit) => hit.id).sort()).toEqual([...older].sort());
    expect(both.matched).toBe(3);
  });
});
