import { PageCache } from '../../apps/api/src/page-cache/page-cache';
import { type Auth, expectError, TestApp, type TestUser } from '../support/test-app';
import { webOperation } from '../support/web-operations';

// Anonymous pages from the API's cache and views without a write per page view, on two API instances
// sharing one database (as behind a load balancer): a hit sends no SQL and still counts its view, a write
// through one instance empties the other's cache at commit (its NOTIFY; `caughtUp` waits until the instance
// has handled every notification committed before it), a signed-in viewer is never served from it, a hidden
// post leaves it, and views are exact once flushed, once per reader and window across both instances.

const QUESTION_PAGE = webOperation('QuestionPage');
const HOME = webOperation('Home');

interface Page { question: { id: string; title: string; answerCount: number; viewCount: number; answers: Array<{ id: string }> } }

let lastIp = 0;
const newIp = () => `198.51.100.${++lastIp}`;
// The asker and helper post more than a new member may in an hour.
const ENV = { TRUST_PROXY: 'loopback', PAGE_CACHE_SECONDS: '60', COUNT_SQL_STATEMENTS: 'on', RATE_LIMIT_RULES: 'ask.new=100/1h,post.new=100/1h,answer.new=100/1h' };

describe('anonymous pages from the cache, views from a buffer', () => {
  let one: TestApp;
  let two: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let moderator: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    one = await TestApp.start(ENV);
    two = await TestApp.start(ENV, { sameDatabaseAs: one });
    asker = await one.member(undefined, newIp());
    helper = await one.member(undefined, newIp());
    moderator = await one.userWithRole('MODERATOR');
    categoryId = (await one.category()).id;
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  const read = (app: TestApp, id: string, auth: Auth = { forwardedFor: newIp() }) => app.gql<Page>(QUESTION_PAGE, { id }, auth);
  const caughtUp = () => Promise.all([one, two].map((app) => app.provider(PageCache).caughtUp()));

  it('answers a repeated anonymous question page without SQL, and counts each reader once', async () => {
    const { id } = await one.ask(asker, categoryId);
    await caughtUp(); // the ask's own notification, before anything is cached
    const first = await read(one, id);
    expect(first.data?.question.id).toBe(id);
    let again: Awaited<ReturnType<typeof read>> | undefined;
    expect(await one.statementsDuring(async () => { again = await read(one, id); })).toBe(0);
    expect(again!.data).toEqual(first.data);
    expect(await one.statementsDuring(() => one.gql(HOME, {}, { forwardedFor: newIp() }))).toBeGreaterThan(0);
    expect(await one.statementsDuring(() => one.gql(HOME, {}, { forwardedFor: newIp() }))).toBe(0);
    // Two readers, one of them twice (a hit each time): two views once written.
    const reader = newIp();
    await read(one, id, { forwardedFor: reader });
    await read(one, id, { forwardedFor: reader });
    await one.flushViews();
    expect(await one.viewCount(id)).toBe(3); // three addresses, the last one twice
  });

  it('never serves or stores a signed-in viewer’s page', async () => {
    const { id } = await one.ask(asker, categoryId);
    await caughtUp(); // the ask's own notification, before anything is cached
    await read(one, id, { token: helper.token, forwardedFor: newIp() });
    expect(await one.statementsDuring(() => read(one, id, { token: helper.token, forwardedFor: newIp() }))).toBeGreaterThan(0);
    // Nor did the signed-in reads fill it for anyone: the first anonymous read goes to the database.
    expect(await one.statementsDuring(() => read(one, id))).toBeGreaterThan(0);
    const mine = await read(one, id, { token: asker.token, forwardedFor: newIp() });
    expect(mine.data?.question).toMatchObject({ id });
    expect(await one.statementsDuring(() => read(one, id))).toBe(0);
  });

  it('shows a write through one instance on an anonymous read through the other once committed', async () => {
    const { id } = await one.ask(asker, categoryId);
    await caughtUp(); // the ask's own notification, before anything is cached
    expect((await read(two, id)).data?.question.answerCount).toBe(0);
    expect(await two.statementsDuring(() => read(two, id))).toBe(0);
    const answer = await one.answer(helper, id);
    await caughtUp();
    const after = await read(two, id);
    expect(after.data?.question.answerCount).toBe(1);
    expect(after.data?.question.answers.map((a) => a.id)).toEqual([answer.id]);
    await one.ok(`mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`, { input: { id, title: 'My router drops every evening at eight' } }, asker);
    await caughtUp();
    expect((await read(two, id)).data?.question.title).toBe('My router drops every evening at eight');
  });

  it('drops a hidden question and a hidden answer from every cache once hidden', async () => {
    const { id } = await one.ask(asker, categoryId);
    await caughtUp(); // the ask's own notification, before anything is cached
    const answer = await one.answer(helper, id);
    await caughtUp();
    for (const app of [one, two]) expect((await read(app, id)).data?.question.answers).toHaveLength(1);
    await two.ok(`mutation ($id: ID!) { hidePost(targetType: ANSWER, id: $id, reason: "Spam") { state } }`, { id: answer.id }, moderator);
    await caughtUp();
    for (const app of [one, two]) expect((await read(app, id)).data?.question.answers).toEqual([]);
    await two.ok(`mutation ($id: ID!) { hidePost(targetType: QUESTION, id: $id, reason: "Spam") { state } }`, { id }, moderator);
    await caughtUp();
    for (const app of [one, two]) expectError(await read(app, id), 'NOT_FOUND');
  });

  it('counts views exactly once written, once per reader and window, across both instances', async () => {
    const { id } = await one.ask(asker, categoryId);
    await caughtUp(); // the ask's own notification, before anything is cached
    const readers = [newIp(), newIp(), newIp()];
    // Each reader through both instances, twice (hits and misses alike), and a signed-in reader on both.
    for (const ip of readers) for (const app of [one, two, one, two]) await read(app, id, { forwardedFor: ip });
    for (const app of [one, two]) await read(app, id, { token: helper.token, forwardedFor: newIp() });
    expect(await one.viewCount(id)).toBe(0); // nothing written by a read
    await Promise.all([one.flushViews(), two.flushViews()]);
    expect(await one.viewCount(id)).toBe(4);
    expect(await one.count('question_views', 'question_id = $1', [id])).toBe(4);
    expect(await one.count('question_views', 'question_id = $1 AND viewer_id = $2', [id, helper.id])).toBe(1);
    // An hour later each counts again.
    one.clock.advance(3600);
    for (const app of [two, one]) await read(app, id, { forwardedFor: readers[0] });
    await Promise.all([one.flushViews(), two.flushViews()]);
    expect(await one.viewCount(id)).toBe(5);
  });

  it('empties the cache and stops serving from it while its LISTEN connection is lost, then serves again', async () => {
    const { id } = await one.ask(asker, categoryId);
    await caughtUp(); // the ask's own notification, before anything is cached
    await read(two, id);
    const cache = two.provider(PageCache);
    expect(cache.size).toBeGreaterThan(0);
    await one.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'peerdesk listen page_cache'`);
    while (cache.listening) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cache.size).toBe(0);
    expect(await two.statementsDuring(() => read(two, id))).toBeGreaterThan(0);
    expect(cache.size).toBe(0);
    while (!cache.listening) await new Promise((resolve) => setTimeout(resolve, 50));
    await read(two, id);
    expect(await two.statementsDuring(() => read(two, id))).toBe(0);
  });
});
