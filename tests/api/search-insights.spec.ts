import { MAX_ASK_SESSION_EVENTS } from '@peerdesk/domain';
import { SearchRecorder } from '../../apps/api/src/search-insights/search-recorder';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Search insights: what people search for and fail to find, and asks avoided on the ask form.
const SEARCH = `query ($q: String!) { search(query: $q) { totalCount } }`;
const GAPS = `query ($from: DateTime!, $to: DateTime!, $first: Int) { searchGaps(from: $from, to: $to, first: $first) { query searches zeroResults lastTotal lastSeenAt } }`;
const ASK_EVENT = `mutation ($input: RecordAskEventInput!) { recordAskEvent(input: $input) }`;
const PRE_ASK = `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) {
  cohortSize peerDeflectionRate { numerator denominator }
  preAskDeflection { sessionsShownSuggestions sessionsOpenedSuggestion sessionsOpenedSolvedSuggestion sessionsPosted asksAvoided } } }`;

interface Gap { query: string; searches: number; zeroResults: number; lastTotal: number; lastSeenAt: string }

let sessionCounter = 0;
/** What the ask page makes per attempt: an opaque random id. */
const newSessionId = () => `ask-session-${Date.now()}-${++sessionCounter}`.padEnd(20, 'x');

describe('search insights', () => {
  let app: TestApp;
  let manager: TestUser;
  let categoryId: string;
  // Searches are counted in memory and written by a flush (searchGaps flushes by itself); reading the table directly needs one.
  const flushSearches = () => app.provider(SearchRecorder).flush();
  const period = () => ({ from: new Date(app.clock.now().getTime() - 86_400_000).toISOString(), to: new Date(app.clock.now().getTime() + 86_400_000).toISOString() });

  beforeAll(async () => {
    app = await TestApp.start({ SEARCH_ENGINE: 'postgres' });
    manager = await app.userWithRole('MANAGER');
    categoryId = (await app.category()).id;
  });
  afterAll(() => app?.close());

  it('records every search by its normalized text, with no user attached, in one row per day', async () => {
    const asker = await app.member();
    await app.ask(asker, categoryId, { title: 'Bluetooth headset pairing fails', body: 'The headset never shows up in the list of devices.' });
    await app.ok(SEARCH, { q: 'Bluetooth HEADSET' });
    await app.ok(SEARCH, { q: '  bluetooth   headset ' }, asker);
    await app.ok(SEARCH, { q: 'fax machine' });
    await flushSearches();
    const rows = await app.db.query(`SELECT query, searches, zero_results, poor_results, last_total FROM search_query_days ORDER BY query`);
    expect(rows).toEqual([
      { query: 'bluetooth headset', searches: 2, zero_results: 0, poor_results: 2, last_total: 1 },
      { query: 'fax machine', searches: 1, zero_results: 1, poor_results: 1, last_total: 0 },
    ]);
    const columns: Array<{ column_name: string }> = await app.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'search_query_days'`);
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ['day', 'first_seen_at', 'last_seen_at', 'last_total', 'poor_results', 'query', 'searches', 'zero_results']);
  });

  it('concurrent searches for the same text add up', async () => {
    await Promise.all(Array.from({ length: 8 }, () => app.ok(SEARCH, { q: 'Printer Offline' })));
    await flushSearches();
    expect(await app.db.query(`SELECT searches, zero_results FROM search_query_days WHERE query = 'printer offline'`)).toEqual([{ searches: 8, zero_results: 8 }]);
  });

  it('searchGaps lists poor queries of the period, most frequent first, and drops a gap once content fills it', async () => {
    for (let i = 0; i < 3; i++) await app.ok(SEARCH, { q: 'esim activation' });
    const gaps = (await app.ok<{ searchGaps: Gap[] }>(GAPS, { ...period(), first: 3 }, manager)).searchGaps;
    expect(gaps.map((g) => [g.query, g.searches, g.zeroResults, g.lastTotal])).toEqual([
      ['printer offline', 8, 8, 0],
      ['esim activation', 3, 3, 0],
      ['bluetooth headset', 2, 0, 1],
    ]);

    // A period that ended before today has no gaps; one starting tomorrow neither.
    const dayMs = 86_400_000;
    const now = app.clock.now().getTime();
    const past = { from: new Date(now - 10 * dayMs).toISOString(), to: new Date(now - 2 * dayMs).toISOString() };
    expect((await app.ok<{ searchGaps: Gap[] }>(GAPS, past, manager)).searchGaps).toEqual([]);

    // Three printer questions later, the latest search finds enough: no longer a gap.
    const asker = await app.member();
    for (let i = 0; i < 3; i++) await app.ask(asker, categoryId, { title: `Printer offline after update ${i}`, body: 'The printer shows offline although it is connected.' });
    await app.ok(SEARCH, { q: 'printer offline' });
    const after = (await app.ok<{ searchGaps: Gap[] }>(GAPS, period(), manager)).searchGaps;
    expect(after.map((g) => g.query)).not.toContain('printer offline');

    // A search on another day lands in that day's row and counts for a period covering both.
    app.clock.advance(86_400);
    await app.ok(SEARCH, { q: 'esim activation' });
    await flushSearches();
    expect(await app.count('search_query_days', `query = 'esim activation'`)).toBe(2);
    const twoDays = { from: new Date(now - dayMs).toISOString(), to: new Date(app.clock.now().getTime() + dayMs).toISOString() };
    const esim = (await app.ok<{ searchGaps: Gap[] }>(GAPS, twoDays, manager)).searchGaps.find((g) => g.query === 'esim activation');
    expect(esim?.searches).toBe(4);
  });

  it('searchGaps is for managers and admins only', async () => {
    for (const role of ['MEMBER', 'STAFF', 'MODERATOR'] as const) {
      expectError(await app.gql(GAPS, period(), await app.userWithRole(role)), 'FORBIDDEN');
    }
    expectError(await app.gql(GAPS, period()), 'UNAUTHENTICATED');
    await app.ok(GAPS, period(), await app.admin());
    expectInvalid(await app.gql(GAPS, { from: period().to, to: period().from }, manager), ['to']);
  });
});

describe('pre-ask deflection', () => {
  let app: TestApp;
  let manager: TestUser;
  let categoryId: string;
  let solvedId: string;
  let unsolvedId: string;

  const record = (input: Record<string, unknown>, auth = {}) => app.gql(ASK_EVENT, { input }, auth);
  const shownAndOpened = async (sessionId: string, questionId: string, auth = {}) => {
    await app.ok(ASK_EVENT, { input: { askSessionId: sessionId, kind: 'SUGGESTIONS_SHOWN', suggestionCount: 2 } }, auth);
    await app.ok(ASK_EVENT, { input: { askSessionId: sessionId, kind: 'SUGGESTION_OPENED', questionId } }, auth);
  };
  const report = async (from: Date) => (await app.ok<{ deflectionReport: { cohortSize: number; peerDeflectionRate: { numerator: number }; preAskDeflection: Record<string, number> } }>(
    PRE_ASK, { input: { from: from.toISOString(), to: new Date(app.clock.now().getTime() + 3_600_000).toISOString() } }, manager)).deflectionReport;

  beforeAll(async () => {
    app = await TestApp.start({ SEARCH_ENGINE: 'postgres' });
    manager = await app.userWithRole('MANAGER');
    categoryId = (await app.category()).id;
    const asker = await app.member();
    const helper = await app.member();
    const solved = await app.ask(asker, categoryId, { title: 'Voicemail PIN reset does not work' });
    const answer = await app.answer(helper, solved.id);
    expect((await app.acceptAnswer(asker, answer.id)).data?.acceptAnswer.status).toBe('SOLVED');
    solvedId = solved.id;
    unsolvedId = (await app.ask(asker, categoryId, { title: 'Voicemail greeting is silent' })).id;
  });
  afterAll(() => app?.close());

  it('counts an ask avoided only when a solved suggestion was opened and no question followed within 30 minutes', async () => {
    const start = app.clock.now();
    const customer = await app.member();

    const avoided = newSessionId();          // opened a solved suggestion, never posted (signed out)
    await shownAndOpened(avoided, solvedId);
    const posted = newSessionId();           // opened a solved suggestion, then posted anyway
    await shownAndOpened(posted, solvedId, customer);
    await app.ok(`mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
      input: { categoryId, title: 'Voicemail PIN reset still fails', body: 'I tried the steps from the other thread without luck.', askSessionId: posted },
    }, customer);
    const unsolved = newSessionId();         // opened an unsolved question only
    await shownAndOpened(unsolved, unsolvedId);
    const shownOnly = newSessionId();        // saw suggestions, opened none
    await app.ok(ASK_EVENT, { input: { askSessionId: shownOnly, kind: 'SUGGESTIONS_SHOWN', suggestionCount: 1 } });

    app.clock.advance(25 * 60);
    const late = newSessionId();             // opens 25 minutes in: its 30 minutes are still running at the report
    await shownAndOpened(late, solvedId);
    app.clock.advance(6 * 60);

    const figures = (await report(start)).preAskDeflection;
    expect(figures).toEqual({
      sessionsShownSuggestions: 5,
      sessionsOpenedSuggestion: 4,
      sessionsOpenedSolvedSuggestion: 3,
      sessionsPosted: 1,
      asksAvoided: 1,
    });

    // Once the late session's 30 minutes pass without a post, it counts too.
    app.clock.advance(30 * 60);
    const later = await report(start);
    expect(later.preAskDeflection.asksAvoided).toBe(2);
    // Apart from peer deflection: the period's one question (the posted ask) is unsolved, and asks avoided add nothing.
    expect(later.peerDeflectionRate).toEqual({ numerator: 0, denominator: 1 });

    // The CSV download carries the same figures, one row each in its `count` column.
    const to = new Date(app.clock.now().getTime() + 3_600_000).toISOString();
    const csv = await fetch(`${app.baseUrl}/reports/deflection.csv?from=${start.toISOString()}&to=${to}`, { headers: { authorization: `Bearer ${manager.token}` } });
    const preAskRows = (await csv.text()).trim().split('\r\n').map((line) => line.split(',')).filter((cells) => cells[0] === 'pre_ask');
    expect(preAskRows.map((cells) => [cells[1], cells[cells.length - 1]])).toEqual([
      ['sessions_shown_suggestions', '5'], ['sessions_opened_suggestion', '4'], ['sessions_opened_solved_suggestion', '3'], ['sessions_posted', '1'], ['asks_avoided', '2'],
    ]);
  });

  it('refuses malformed session ids, unknown questions and floods from one session', async () => {
    expectInvalid(await record({ askSessionId: 'short', kind: 'SUGGESTIONS_SHOWN' }), ['askSessionId']);
    expectInvalid(await record({ askSessionId: 'not a valid id with spaces', kind: 'SUGGESTIONS_SHOWN' }), ['askSessionId']);
    expectInvalid(await record({ askSessionId: newSessionId(), kind: 'SUGGESTIONS_SHOWN', suggestionCount: 50 }), ['suggestionCount']);
    expectInvalid(await record({ askSessionId: newSessionId(), kind: 'SUGGESTION_OPENED' }), ['questionId']);
    expectInvalid(await record({ askSessionId: newSessionId(), kind: 'SUGGESTION_OPENED', questionId: '999999' }), ['questionId']);

    const flood = newSessionId();
    await app.db.query(`INSERT INTO ask_sessions (id, started_at, events) VALUES ($1, now(), $2)`, [flood, MAX_ASK_SESSION_EVENTS - 1]);
    await app.ok(ASK_EVENT, { input: { askSessionId: flood, kind: 'SUGGESTIONS_SHOWN' } });
    expectError(await record({ askSessionId: flood, kind: 'SUGGESTIONS_SHOWN' }), 'RATE_LIMITED');
    expect(await app.db.query(`SELECT events FROM ask_sessions WHERE id = $1`, [flood])).toEqual([{ events: MAX_ASK_SESSION_EVENTS }]);
  });

  it('refuses a malformed askSessionId on askQuestion before anything is written', async () => {
    const customer = await app.member();
    const before = await app.count('questions');
    expectInvalid(await app.gql(`mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
      input: { categoryId, title: 'Voicemail greeting is silent again', body: 'Callers hear nothing before the beep.', askSessionId: 'bad id' },
    }, customer), ['askSessionId']);
    expect(await app.count('questions')).toBe(before);
  });
});
