import { PageCache } from '../../apps/api/src/page-cache/page-cache';
import { SearchRecorder } from '../../apps/api/src/search-insights/search-recorder';
import { SearchOutboxWorker } from '../../apps/api/src/search/search-outbox.worker';
import { testMeilisearch } from '../support/meilisearch-server';
import { type Auth, expectError, TestApp, type TestUser } from '../support/test-app';
import { webOperation } from '../support/web-operations';

// Anonymous searches from the API's page cache, as the web's /search page asks them: a repeated search sends
// no SQL and is still recorded for the search insights (within the search limits), a change of the index
// empties the cache (the PostgreSQL engine's vectors at their commit, Meilisearch's once the outbox worker's
// push is applied), a signed-in viewer is never served from it, and a refused search is never held.

const SEARCH = webOperation('Search');

interface Found { search: { totalCount: number; edges: Array<{ node: { question: { id: string } } }> } }

let lastIp = 0;
const newIp = () => `198.51.100.${++lastIp}`;
// The asker and helper post more than a new member may in an hour; one address may search 3 times a minute.
const ENV = {
  TRUST_PROXY: 'loopback', PAGE_CACHE_SECONDS: '60', COUNT_SQL_STATEMENTS: 'on',
  RATE_LIMIT_RULES: 'ask.new=100/1h,post.new=100/1h,answer.new=100/1h,search.ip=3/1m',
};

const search = (app: TestApp, query: string, auth: Auth = { forwardedFor: newIp() }) => app.gql<Found>(SEARCH, { query, sort: 'RELEVANCE' }, auth);
const foundIds = (response: { data: Found | null }) => response.data!.search.edges.map((edge) => edge.node.question.id);

describe('anonymous searches from the page cache (PostgreSQL engine)', () => {
  let app: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    app = await TestApp.start(ENV);
    asker = await app.member(undefined, newIp());
    helper = await app.member(undefined, newIp());
    categoryId = (await app.category()).id;
  });
  afterAll(() => app?.close());

  const caughtUp = () => app.provider(PageCache).caughtUp();
  const recorded = async (query: string) => {
    await app.provider(SearchRecorder).flush();
    return app.db.query(`SELECT searches, last_total AS "lastTotal" FROM search_query_days WHERE query = $1`, [query]);
  };

  it('answers a repeated anonymous search without SQL, and records each one for the insights', async () => {
    const { id } = await app.ask(asker, categoryId, { title: 'The zeppelin printer will not wake from sleep' });
    await caughtUp(); // the ask's own notification, before anything is cached
    const first = await search(app, 'zeppelin');
    expect(foundIds(first)).toEqual([id]);
    let again: Awaited<ReturnType<typeof search>> | undefined;
    expect(await app.statementsDuring(async () => { again = await search(app, 'zeppelin'); })).toBe(0);
    expect(again!.data).toEqual(first.data);
    expect(await recorded('zeppelin')).toEqual([{ searches: 2, lastTotal: 1 }]);
  });

  it('serves a cached search past the search limit, but records it only within the limit', async () => {
    await caughtUp();
    const ip = newIp();
    // search.ip=3/1m: one search asked of the engine, then four hits from the same address, all answered.
    for (let i = 0; i < 5; i++) expect((await search(app, 'lighthouse', { forwardedFor: ip })).data?.search.totalCount).toBe(0);
    // The miss and the first three hits (the limit, counted in this instance's memory) are recorded; the fourth hit is not.
    expect(await recorded('lighthouse')).toEqual([{ searches: 4, lastTotal: 0 }]);
    // The limit still refuses a search the engine would have to answer, and the refusal is not held.
    for (const query of ['quasar one', 'quasar two']) expect((await search(app, query, { forwardedFor: ip })).errors).toBeUndefined();
    expectError(await search(app, 'quasar three', { forwardedFor: ip }), 'RATE_LIMITED');
    expect(await app.statementsDuring(() => search(app, 'quasar three'))).toBeGreaterThan(0);
  });

  it('shows a new question, and a thread whose answers changed, once the index has them', async () => {
    await caughtUp();
    expect((await search(app, 'quokka')).data?.search.totalCount).toBe(0);
    expect(await app.statementsDuring(() => search(app, 'quokka'))).toBe(0);
    // Asked: its vector is written in the asking transaction, whose commit empties the cache.
    const { id } = await app.ask(asker, categoryId, { title: 'Where did the quokka sticker on my modem go' });
    await caughtUp();
    expect(foundIds(await search(app, 'quokka'))).toEqual([id]);
    // An answer's words reach the thread's vector through the outbox, after the answer's commit: the search made
    // between the two is cached, and the rebuild's commit (an update of the question's vector) empties it.
    await app.answer(helper, id, 'Peel the wombat label off the back panel, then reset.');
    await caughtUp();
    expect((await search(app, 'wombat')).data?.search.totalCount).toBe(0);
    expect(await app.statementsDuring(() => search(app, 'wombat'))).toBe(0);
    expect((await app.provider(SearchOutboxWorker).runOnce()).pushed).toBe(1);
    await caughtUp();
    expect(foundIds(await search(app, 'wombat'))).toEqual([id]);
  });

  it('never serves or stores a signed-in viewer’s search', async () => {
    await caughtUp();
    await search(app, 'router', { token: helper.token, forwardedFor: newIp() });
    expect(await app.statementsDuring(() => search(app, 'router', { token: helper.token, forwardedFor: newIp() }))).toBeGreaterThan(0);
    // Nor did the signed-in searches fill it for anyone; and an anonymous one cached is not served to them.
    expect(await app.statementsDuring(() => search(app, 'router'))).toBeGreaterThan(0);
    expect(await app.statementsDuring(() => search(app, 'router'))).toBe(0);
    expect(await app.statementsDuring(() => search(app, 'router', { token: asker.token, forwardedFor: newIp() }))).toBeGreaterThan(0);
  });

  it('never holds a refused search: blank, hostile, or one part of a query failing', async () => {
    await caughtUp();
    const cache = app.provider(PageCache);
    const held = cache.size;
    for (let i = 0; i < 2; i++) {
      expectError(await search(app, '   '), 'VALIDATION_FAILED');
      expectError(await search(app, 'printer\u0000offline'), 'VALIDATION_FAILED');
    }
    const partly = `query Partly { found: search(query: "router", sort: RELEVANCE) { totalCount } blank: search(query: " ", sort: RELEVANCE) { totalCount } }`;
    const first = await app.gql(partly, {}, { forwardedFor: newIp() });
    expect(first.data).toBeNull(); // `blank` is non-null, so its error nulls the whole answer
    expectError(first, 'VALIDATION_FAILED');
    expect(await app.statementsDuring(async () => expectError(await app.gql(partly, {}, { forwardedFor: newIp() }), 'VALIDATION_FAILED'))).toBeGreaterThan(0);
    expect(cache.size).toBe(held);
  });
});

describe('anonymous searches from the page cache (Meilisearch)', () => {
  let meili: Awaited<ReturnType<typeof testMeilisearch>>;
  let app: TestApp;

  beforeAll(async () => {
    meili = await testMeilisearch();
    app = await TestApp.start({ ...ENV, ...meili.env });
  });
  afterAll(async () => {
    await app?.close();
    await meili?.stop();
  });

  it('empties the cache once the outbox worker has pushed a change to Meilisearch', async () => {
    const worker = app.provider(SearchOutboxWorker);
    const cache = app.provider(PageCache);
    const asker = await app.member(undefined, newIp());
    const { id: categoryId } = await app.category();
    await worker.runOnce();
    await cache.caughtUp();
    // Asked: committed (the cache emptied), but not in Meilisearch until the worker pushes it.
    const { id } = await app.ask(asker, categoryId, { title: 'The narwhal adapter blinks amber all night' });
    await cache.caughtUp();
    expect((await search(app, 'narwhal')).data?.search.totalCount).toBe(0);
    expect(await app.statementsDuring(() => search(app, 'narwhal'))).toBe(0);
    expect((await worker.runOnce()).pushed).toBe(1);
    await cache.caughtUp();
    expect(foundIds(await search(app, 'narwhal'))).toEqual([id]);
  });
});
