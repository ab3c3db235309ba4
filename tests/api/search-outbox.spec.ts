import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { importStackExchange } from '../../apps/api/src/importer/stackexchange-importer';
import { type MeilisearchEngine, SEARCH_OUTBOX_RETRY } from '../../apps/api/src/search/meilisearch.engine';
import { leaseUntil } from '../../apps/api/src/common/jobs/retry';
import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { SearchOutboxRepository } from '../../apps/api/src/search/search-outbox.repository';
import { SearchOutboxWorker } from '../../apps/api/src/search/search-outbox.worker';
import { BundledMeilisearch } from '../support/meilisearch-server';
import { TestApp, type TestUser } from '../support/test-app';

const FRENCH_META = fileURLToPath(new URL('../../data/samples/stackexchange/french-meta/', import.meta.url));
const SEARCH = `query ($query: String!, $first: Int) { search(query: $query, first: $first) { edges { node { question { id } } } totalCount } }`;

interface Found {
  search: { edges: Array<{ node: { question: { id: string } } }>; totalCount: number };
}

interface Health {
  status: string;
  search: { engine: string; backlog: number; oldestPendingSeconds: number | null };
}

// The Meilisearch outbox against a real server of this file's own, which the test stops and starts.
describe('search outbox (Meilisearch)', () => {
  let meili: BundledMeilisearch;
  let app: TestApp;
  let asker: TestUser;
  let categoryId: string;
  let indexName: string;

  beforeAll(async () => {
    meili = await BundledMeilisearch.start();
    const env = meili.env();
    indexName = env.MEILI_INDEX;
    app = await TestApp.start({ ...env });
    asker = await app.member('Asker');
    // The asker asks many questions within the hour, more than a NEW member's limit (tests/api/trust-rate-limits.spec.ts).
    await app.setTrustLevel(asker, 'MEMBER');
    categoryId = (await app.category()).id;
  });
  afterAll(async () => {
    await app?.close();
    await meili?.dispose();
  });

  const found = async (query: string) => (await app.ok<Found>(SEARCH, { query, first: 50 })).search.edges.map((e) => e.node.question.id);
  const health = async () => (await app.get('/healthz')) as { status: number; body: Health };

  it('keeps every write during a Meilisearch outage and catches up by itself once it is back', async () => {
    const worker = app.provider(SearchOutboxWorker);
    const before = await app.ask(asker, categoryId, { title: 'Gecko backup never finishes', body: 'The gecko backup stops at 99 percent.' });
    expect(await worker.runOnce()).toEqual({ pushed: 1, failed: 0 });
    expect(await found('gecko')).toEqual([before.id]);

    await meili.halt();
    // Writes go on: questions and answers commit, their outbox rows pile up.
    const outageWritesFrom = app.clock.now().getTime();
    const during = [];
    for (const animal of ['heron', 'lynx', 'marten']) {
      during.push(await app.ask(asker, categoryId, { title: `Gecko ${animal} export fails`, body: `The ${animal} export fails with an error.` }));
    }
    const answer = await app.answer(await app.member('Helper'), before.id, 'Zebrafish mode finishes the backup.');
    expect(await app.count('answers', `id = ${Number(answer.id)} AND question_id = ${Number(before.id)}`)).toBe(1);
    expect(await app.count('search_outbox')).toBe(4);

    // A push attempt fails; nothing is lost, each row records the error and waits its back-off.
    expect(await worker.runOnce()).toMatchObject({ pushed: 0 });
    expect(await app.count('search_outbox', `last_error IS NOT NULL AND next_attempt_at > now()`)).toBeGreaterThan(0);
    expect(await app.count('search_outbox')).toBe(4);

    // Readiness stays green (the forum works) and reports the backlog.
    const readiness = await health();
    expect(readiness.status).toBe(200);
    expect(readiness.body.search).toMatchObject({ engine: 'meilisearch', backlog: 4 });
    // The backlog's age is that of the first write of the outage: a minute later by the clock, a minute older.
    const ageNow = (app.clock.now().getTime() - outageWritesFrom) / 1000;
    expect(readiness.body.search.oldestPendingSeconds).toBeLessThanOrEqual(Math.ceil(ageNow) + 1);
    app.clock.advance(60);
    const aMinuteLater = (await health()).body.search.oldestPendingSeconds!;
    const ageThen = (app.clock.now().getTime() - outageWritesFrom) / 1000;
    expect(aMinuteLater).toBeGreaterThanOrEqual(60 + Math.floor(ageNow) - 1);
    expect(aMinuteLater).toBeLessThanOrEqual(Math.ceil(ageThen) + 1);

    // Back on the same port and data; the worker's own timer (as in production) drains the backlog after the back-off.
    await meili.resume();
    worker.startTimer(1);
    const deadline = Date.now() + 60_000;
    while ((await app.count('search_outbox')) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await worker.stopTimer();
    expect(await app.count('search_outbox')).toBe(0);

    expect((await found('gecko')).sort()).toEqual([before.id, ...during.map((q) => q.id)].sort());
    for (const [at, animal] of ['heron', 'lynx', 'marten'].entries()) expect(await found(animal)).toEqual([during[at].id]);
    expect(await found('zebrafish')).toEqual([before.id]);
    expect((await health()).body.search).toEqual({ engine: 'meilisearch', backlog: 0, oldestPendingSeconds: null });
  }, 120_000);

  it('never drops a change made while its question was being pushed', async () => {
    const question = await app.ask(asker, categoryId, { title: 'Okapi printer queue is stuck' });
    const outbox = app.provider(SearchOutboxRepository);
    const claim = (now: Date) => outbox.claimDue(now, 100, leaseUntil(SEARCH_OUTBOX_RETRY, now));
    const claimedAt = app.clock.now();
    const claimed = await claim(claimedAt);
    expect(claimed.map((row) => row.questionId)).toEqual([question.id]);
    // Claimed rows are leased: another worker sees nothing due.
    expect(await claim(claimedAt)).toEqual([]);

    // The question changes again while the first push is in flight…
    await outbox.enqueue(app.db.manager, [question.id], app.clock.now());
    await outbox.complete(claimed, claimedAt, app.clock.now());
    // …so its row stays, due at once, for the next push.
    const [again] = await claim(app.clock.now());
    expect(again?.questionId).toBe(question.id);
    await outbox.complete([again], claimedAt, app.clock.now());
    expect(await app.count('search_outbox')).toBe(0);
  });

  it('indexes an imported Stack Exchange community through the outbox', async () => {
    const report = await importStackExchange(app.db, {
      dir: FRENCH_META, category: 'french-meta', searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE),
    });
    expect(report.imported.questions).toBe(274);
    expect(await app.count('search_outbox')).toBeGreaterThanOrEqual(274);
    expect(await app.provider(SearchOutboxWorker).runOnce()).toMatchObject({ failed: 0 });
    expect(await app.count('search_outbox')).toBe(0);

    const sample: Array<{ id: string; title: string }> = await app.db.query(
      `SELECT id::text, title FROM questions WHERE category_id = $1 ORDER BY id`, [report.categoryId],
    );
    for (const question of sample.filter((_, at) => at % 40 === 0)) {
      // The title's words, without the characters the query syntax reads ("…", -word, or).
      const query = question.title.replace(/["«»]/g, ' ').replace(/(^|\s)-/g, ' ').replace(/(^|\s)or(?=\s|$)/gi, ' ');
      expect(await found(query)).toContain(question.id);
    }
  });

  it('rebuilds the whole index with several batches in flight, counting only what Meilisearch confirmed', async () => {
    const engine = app.provider<SearchEngine>(SEARCH_ENGINE) as MeilisearchEngine;
    const client = new Meilisearch({ host: meili.host, apiKey: meili.masterKey });
    const index = client.index(indexName);
    await index.deleteAllDocuments().waitTask();
    expect(await found('gecko')).toEqual([]);
    const questions = await app.count('questions');
    const live = await app.count('questions', 'deleted_at IS NULL');
    expect(questions).toBeGreaterThan(274);

    // After each report, the questions out of the outbox (Meilisearch confirmed them) are at least what it says.
    const reports: Array<{ done: number; total: number; confirmed: Promise<number> }> = [];
    const count = await engine.reindexAll(({ done, total }) => {
      reports.push({ done, total, confirmed: app.count('search_outbox').then((left) => questions - left) });
    }, { batchSize: 50, inFlight: 3 });

    expect(count).toBe(questions);
    expect(reports[0]).toMatchObject({ done: 0, total: questions });
    expect(reports.at(-1)).toMatchObject({ done: questions, total: questions });
    expect(reports.length).toBeGreaterThanOrEqual(questions / 50);
    for (const [at, report] of reports.entries()) {
      expect(report.done).toBeLessThanOrEqual(await report.confirmed);
      if (at > 0) expect(report.done).toBeGreaterThanOrEqual(reports[at - 1].done);
    }
    expect(await app.count('search_outbox')).toBe(0);
    expect((await index.getStats()).numberOfDocuments).toBe(live);
    expect((await found('gecko')).length).toBe(4);
  });
});
