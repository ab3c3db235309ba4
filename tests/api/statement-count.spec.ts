import type { StatementCounter } from '../../apps/api/src/database/statement-counter';
import { drainBatches } from '../../apps/api/src/common/jobs/batches';
import { EscalationService } from '../../apps/api/src/escalation/escalation.service';
import { EscalationSweep } from '../../apps/api/src/escalation/escalation.sweep';
import { TestApp, type TestUser } from '../support/test-app';
import { webOperation, withWebFragments } from '../support/web-operations';

// A page's SQL statements must not grow with its size: every field a list shows is batched per request.
// The counts come from the API's own connections (COUNT_SQL_STATEMENTS=on), for the web's query shapes.

/** The web's question list (its QuestionRow fragment), each row with its escalation and the escalation's assignee. */
const QUESTION_LIST = withWebFragments(`query ($first: Int!) {
  questions(first: $first, orderBy: NEWEST) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...QuestionRow escalation { state staffDueAt needsInfo { note askedBy { displayName } } closedAt assignee { id displayName } } } }
  }
}`);

const QUESTION_PAGE = webOperation('QuestionPage');
const CATEGORY_PAGE = webOperation('CategoryPage');
/** The staff page's query, from its own document (it spreads no fragment). */
const STAFF_QUEUE_PAGE = webOperation('StaffQueuePage');

describe('SQL statements per page', () => {
  let app: TestApp;
  let members: TestUser[];
  let viewer: TestUser;

  /**
   * The statements the API sent while `request` ran (nothing else runs: no sweeps, no outbox polling in
   * tests): how many, and how often the most repeated text was sent. DataLoader batches what resolvers ask
   * for in the same tick, and two database replies arriving together or apart may merge or split one batch,
   * so a page's count may differ by a statement from run to run; a per-row statement instead repeats its
   * text once per row.
   */
  async function statementsOf(request: () => Promise<unknown>): Promise<{ total: number; mostRepeated: number }> {
    const counter = app.db.logger as StatementCounter;
    const from = counter.statements.length;
    await request();
    const repeats = new Map<string, number>();
    for (const { text } of counter.statements.slice(from)) repeats.set(text, (repeats.get(text) ?? 0) + 1);
    return { total: counter.statements.length - from, mostRepeated: Math.max(0, ...repeats.values()) };
  }

  /** A page of `large` rows costs what a page of `small` rows costs: no statement per row. */
  function expectNoStatementPerRow(small: { total: number; mostRepeated: number }, large: { total: number; mostRepeated: number }) {
    expect(large.mostRepeated).toBeLessThanOrEqual(small.mostRepeated + 1);
    expect(large.mostRepeated).toBeLessThan(4);
    // Batches may split differently between runs (one statement more or fewer), never by a row's worth.
    expect(Math.abs(large.total - small.total)).toBeLessThanOrEqual(2);
  }

  beforeAll(async () => {
    // RATE_LIMITS=off: one address makes many posts; ESCALATION_SWEEP_SECONDS=0: no sweep adds statements of its own.
    app = await TestApp.start({ COUNT_SQL_STATEMENTS: 'on', RATE_LIMITS: 'off', ESCALATION_SWEEP_SECONDS: '0' });
    members = [];
    for (let i = 0; i < 6; i++) members.push(await app.member());
    viewer = await app.member();
  });
  afterAll(async () => { await app.close(); });

  it('lists 10 or 30 questions, with their authors, categories and escalations, in as many statements', async () => {
    const categories = [await app.category(), await app.category(), await app.category()];
    const moderator = await app.userWithRole('MODERATOR');
    const staff = await app.userWithRole('STAFF', 'EMPLOYEE');
    for (let i = 0; i < 31; i++) {
      const question = await app.ask(members[i % members.length], categories[i % categories.length].id);
      if (i % 3 === 0) await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "check") { id } }`, { q: question.id }, moderator);
      if (i % 6 === 0) await app.ok(`mutation ($q: ID!) { claimEscalation(questionId: $q) { id } }`, { q: question.id }, staff);
    }
    const list = (first: number) => app.ok<{ questions: { edges: unknown[] } }>(QUESTION_LIST, { first }, viewer);
    await list(5);

    const small = await statementsOf(async () => expect((await list(10)).questions.edges).toHaveLength(10));
    const large = await statementsOf(async () => expect((await list(30)).questions.edges).toHaveLength(30));
    expectNoStatementPerRow(small, large);
  });

  it("reads a category's first page, anonymously, in at most 5 statements: the category with its kept counts, its announcement, the list with its pinned questions' count, the pinned list with its count and the authors (and the accepted answers, where one is)", async () => {
    const category = await app.category();
    for (let i = 0; i < 5; i++) await app.ask(members[i], category.id);
    const page = () => app.ok<{ category: { questions: { edges: unknown[] } } }>(CATEGORY_PAGE, {
      slug: category.slug, filter: { pinned: false }, pinnedFilter: { pinned: true }, orderBy: 'ACTIVITY', after: null, first: 20, firstPage: true,
    });
    await page();
    const { total } = await statementsOf(async () => expect((await page()).category.questions.edges).toHaveLength(5));
    // The page's questions name the category it was read by: no second read of it (the loader is primed).
    expect(total).toBeLessThanOrEqual(5);
  });

  it("reads a category's deep page, anonymously, in at most 4 statements: the category with its kept counts, its announcement, the list with its pinned questions' count and the authors", async () => {
    const category = await app.category();
    for (let i = 0; i < 5; i++) await app.ask(members[i], category.id);
    const page = (after: string | null) => app.ok<{ category: { questions: { totalCount: number; edges: unknown[]; pageInfo: { endCursor: string } } } }>(CATEGORY_PAGE, {
      slug: category.slug, filter: { pinned: false }, pinnedFilter: { pinned: true }, orderBy: 'ACTIVITY', after, first: 2, firstPage: after === null,
    });
    const { endCursor } = (await page(null)).category.questions.pageInfo;
    const { total } = await statementsOf(async () => {
      const { questions } = (await page(endCursor)).category;
      expect([questions.edges.length, questions.totalCount]).toEqual([2, 5]);
    });
    expect(total).toBeLessThanOrEqual(4);
  });

  it('reads the home page, anonymously, with no statement counting questions: its lists show no total', async () => {
    const category = await app.category();
    for (let i = 0; i < 5; i++) await app.ask(members[i], category.id);
    const home = () => app.ok<{ recent: { edges: unknown[] } }>(webOperation('Home'));
    await home();
    const counter = app.db.logger as StatementCounter;
    const from = counter.statements.length;
    expect((await home()).recent.edges.length).toBeGreaterThan(0);
    const sent = counter.statements.slice(from).map(({ text }) => text);
    // The categories' counts come from category_counts with the categories (one statement, however many lists).
    expect(sent.filter((text) => /count\(|category_counts/.test(text))).toHaveLength(1);
    expect(sent.length).toBeLessThanOrEqual(10);
  });

  it('lists the categories, then 6 more, with their question, solved and unanswered counts and latest activity, in as many statements', async () => {
    const categories = webOperation('Categories');
    const list = () => app.ok<{ categories: unknown[] }>(categories, {}, viewer);
    for (let i = 0; i < 3; i++) await app.ask(members[i], (await app.category()).id);
    await list();
    const small = await statementsOf(list);
    for (let i = 0; i < 6; i++) await app.ask(members[i % members.length], (await app.category()).id);
    const large = await statementsOf(list);
    expectNoStatementPerRow(small, large);
  });

  it('shows the staff queue with 10 or 30 items, their needs-info requests, staff responses and suggested assignees, in as many statements', async () => {
    const admin = await app.admin();
    const moderator = await app.userWithRole('MODERATOR');
    const team = [await app.userWithRole('STAFF', 'EMPLOYEE'), await app.userWithRole('STAFF', 'EMPLOYEE')];
    async function queueOf(size: number): Promise<string> {
      const category = await app.category();
      await app.ok(`mutation ($c: ID!, $u: [ID!]!) { setCategoryStaffTeam(categoryId: $c, userIds: $u) { id } }`, { c: category.id, u: team.map((u) => u.id) }, admin);
      for (let i = 0; i < size; i++) {
        const question = await app.ask(members[i % members.length], category.id);
        await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "check") { id } }`, { q: question.id }, moderator);
        const staff = team[i % team.length];
        if (i % 2 === 0) await app.ok(`mutation ($q: ID!) { markNeedsInfo(questionId: $q, note: "Which router model?") { id } }`, { q: question.id }, staff);
        if (i % 3 === 0) await app.answer(staff, question.id, 'Staff here: we are checking your line now.');
      }
      return category.id;
    }
    const [fewer, more] = [await queueOf(10), await queueOf(30)];
    const page = (categoryId: string) =>
      app.ok<{ staffQueue: { edges: unknown[] } }>(STAFF_QUEUE_PAGE, { filter: { categoryId, mine: true } }, team[0]);
    await page(fewer);

    const small = await statementsOf(async () => expect((await page(fewer)).staffQueue.edges).toHaveLength(10));
    const large = await statementsOf(async () => expect((await page(more)).staffQueue.edges).toHaveLength(30));
    expectNoStatementPerRow(small, large);
  });

  it('shows a question with 5 or 20 answers, their authors, comments and the viewer fields, in as many statements', async () => {
    const category = await app.category();
    const employee = await app.userWithRole('STAFF', 'EMPLOYEE');
    async function thread(answerCount: number): Promise<string> {
      const question = await app.ask(members[0], category.id);
      const comment = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
      await app.ok(comment, { input: { targetType: 'QUESTION', targetId: question.id, body: 'Which router model is it?' } }, members[1]);
      for (let i = 0; i < answerCount; i++) {
        const answer = await app.answer(members[(i % (members.length - 1)) + 1], question.id, `Answer ${i}: try channel ${i + 1} on the 5 GHz band.`);
        await app.ok(comment, { input: { targetType: 'ANSWER', targetId: answer.id, body: `Did channel ${i + 1} help?` } }, members[i % members.length]);
        if (i % 2 === 0) expect((await app.vote(viewer, 'ANSWER', answer.id, 1)).errors).toBeUndefined();
        if (i % 4 === 0) await app.ok(`mutation ($id: ID!) { endorseAnswer(answerId: $id) { id } }`, { id: answer.id }, employee);
      }
      await app.ok(`mutation ($q: ID!) { watchQuestion(questionId: $q, watching: true) { id } }`, { q: question.id }, viewer);
      return question.id;
    }
    const fewer = await thread(5);
    const more = await thread(20);
    const page = (id: string) => app.ok<{ question: { answers: unknown[] } }>(QUESTION_PAGE, { id }, viewer);
    await page(fewer);

    const small = await statementsOf(async () => expect((await page(fewer)).question.answers).toHaveLength(5));
    const large = await statementsOf(async () => expect((await page(more)).question.answers).toHaveLength(20));
    expectNoStatementPerRow(small, large);
  });

  it("reads the rows of the home and category pages, search hits and similar questions, and their accepted answers, without any post's text", async () => {
    const category = await app.category();
    const [asker, helper] = members;
    for (let i = 0; i < 4; i++) {
      const question = await app.ask(asker, category.id, { title: `Fibre router ${i} drops the line at night`, body: `Line drops ${i}: ${'the lights blink, then it reconnects. '.repeat(20)}` });
      const answer = await app.answer(helper, question.id, `Answer ${i}: ${'swap the cable to the other port. '.repeat(20)}`);
      if (i % 2 === 0) expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();
    }
    const pages: Array<[string, Record<string, unknown>]> = [
      ['Home', {}],
      ['CategoryPage', { slug: category.slug, filter: { pinned: false }, pinnedFilter: { pinned: true }, orderBy: 'ACTIVITY', after: null, first: 20, firstPage: true }],
      ['Search', { query: 'fibre router', sort: 'RELEVANCE' }],
      ['SimilarQuestions', { title: 'Fibre router drops the line' }],
    ];
    const counter = app.db.logger as StatementCounter;
    const textRead: string[] = [];
    for (const [name, variables] of pages) {
      const from = counter.statements.length;
      const data = await app.ok<Record<string, unknown>>(webOperation(name), variables);
      // Each page shows rows of these questions, accepted answers among them.
      expect(JSON.stringify(data)).toMatch(/"authorKind":"PEER"/);
      for (const { text, parameters } of counter.statements.slice(from)) {
        // What the statement sends back (a search's snippets are made from the text inside PostgreSQL, and only they come back).
        const [{ 'QUERY PLAN': [{ Plan: plan }] }] = await app.db.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${text}`, parameters);
        const output = plan.Output?.join(' ') ?? '';
        if (/\b(body|body_html|bodyHtml)\b/.test(output)) textRead.push(`${name}: ${output}`);
      }
    }
    expect(textRead).toEqual([]);
  });

  it("posts a peer answer, with the asker's, a watcher's and a mentioned member's notifications, in 12 statements from BEGIN to COMMIT", async () => {
    const [asker, first, answerer, watcher, mentioned] = members;
    const question = await app.ask(asker, (await app.category()).id);
    await app.ok(`mutation ($q: ID!) { watchQuestion(questionId: $q, watching: true) { id } }`, { q: question.id }, watcher);
    // The first peer answer schedules the accept reminder; the one measured finds it scheduled.
    await app.answer(first, question.id);
    const counter = app.db.logger as StatementCounter;
    const from = counter.statements.length;
    const answer = await app.answer(answerer, question.id, `Channel 6 worked for me, @Member#${mentioned.id} says the same.`);
    const texts = counter.statements.slice(from).map((s) => s.text);
    const transaction = texts.slice(texts.indexOf('START TRANSACTION'), texts.indexOf('COMMIT') + 1);
    // BEGIN; report facts after commit; lock the question; insert the answer (returning its row); count it on the
    // question; read what the notifications say; check the mentioned member's account; write the notifications (returning
    // who gets an e-mail at once); the peer-answer flag; the search outbox; the reminder's facts; COMMIT.
    expect(transaction).toHaveLength(12);
    const told: Array<{ user_id: string; kind: string }> = await app.db.query(
      `SELECT user_id::text, kind FROM notifications WHERE payload->>'answerId' = $1 ORDER BY user_id`, [answer.id]);
    expect(told).toEqual(expect.arrayContaining([
      { user_id: asker.id, kind: 'ANSWER_POSTED' }, { user_id: watcher.id, kind: 'ANSWER_POSTED' }, { user_id: mentioned.id, kind: 'MENTIONED' },
    ]));
    expect(told).toHaveLength(3);
  });

  describe('the escalation sweep', () => {
    // Every kind of row a sweep batch writes is written here: escalations and their events, notifications to the asker
    // and the category's staff team, e-mails to those who chose them at once, webhook deliveries, report facts.
    let categoryId: string;
    let asker: TestUser;
    let team: TestUser[];
    let manager: TestUser;
    const sweep = () => app.provider(EscalationSweep).runOnce();
    /**
     * The sweep's batches one at a time: its two workers claim with SKIP LOCKED, and one may take part of a batch the
     * other is still locking, so the sweep's own statement count depends on timing; a batch's does not.
     */
    const escalation = () => app.provider(EscalationService);
    const escalateOneWorker = () => drainBatches(() => escalation().escalateDueBatch(1000));
    const breachOneWorker = () => drainBatches(() => escalation().breachDueBatch(1000));

    beforeAll(async () => {
      const admin = await app.admin();
      categoryId = (await app.category({ staffResponseHours: 4 })).id;
      asker = await app.member('Sweep asker');
      team = [await app.userWithRole('STAFF', 'EMPLOYEE'), await app.userWithRole('STAFF', 'EMPLOYEE'), await app.userWithRole('STAFF', 'EMPLOYEE')];
      manager = await app.userWithRole('MANAGER');
      await app.ok(`mutation ($c: ID!, $u: [ID!]!) { setCategoryStaffTeam(categoryId: $c, userIds: $u) { id } }`, { c: categoryId, u: team.map((u) => u.id) }, admin);
      await app.db.query(`UPDATE users SET notification_email = 'IMMEDIATE' WHERE id = ANY($1::bigint[])`, [[team[0].id, manager.id]]);
      await app.ok(
        `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`,
        { input: { url: 'https://hooks.example.com/peerdesk', secret: 'a-webhook-secret-long-enough', events: ['question.escalated', 'escalation.breached'] } },
        admin,
      );
    });

    /** `count` questions of the asker's whose peer window has passed. */
    async function dueQuestions(count: number): Promise<string[]> {
      const rows: Array<{ id: string }> = await app.db.query(
        `INSERT INTO questions (category_id, author_id, title, body, body_html, status, created_at, updated_at, last_activity_at,
                                community_due_at, community_due_trigger)
         SELECT $1, $2, 'Due question ' || g, 'Nobody answered in time.', '<p>Nobody answered in time.</p>', 'OPEN',
                $3::timestamptz - interval '2 days', $3, $3, $3::timestamptz - interval '1 hour', 'UNANSWERED_TIMEOUT'
           FROM generate_series(1, $4::int) g RETURNING id::text`,
        [categoryId, asker.id, app.clock.now(), count],
      );
      return rows.map((r) => r.id);
    }

    /** Rows of `table` about these questions. */
    const rowsAbout = async (table: string, ids: string[]) => app.count(table, 'question_id = ANY($1::bigint[])', [ids]);
    const deliveriesAbout = async (event: string, ids: string[]) =>
      app.count('webhook_deliveries', `event = $1 AND (payload::jsonb #>> '{question,id}') = ANY($2::text[])`, [event, ids]);

    it('escalates a batch of 5 or 100 due questions, with all they notify, in the same statements', async () => {
      const fewer = await dueQuestions(5);
      const small = await statementsOf(async () => expect(await escalateOneWorker()).toHaveLength(5));
      const more = await dueQuestions(100);
      const large = await statementsOf(async () => expect(await escalateOneWorker()).toHaveLength(100));
      // A background job's statements do not depend on reply timing: the same count exactly.
      expect(large).toEqual(small);

      for (const [ids, n] of [[fewer, 5], [more, 100]] as const) {
        expect(await rowsAbout('escalations', [...ids])).toBe(n);
        expect(await rowsAbout('escalation_events', [...ids])).toBe(n);
        expect(await rowsAbout('notifications', [...ids])).toBe(n * (1 + team.length));
        expect(await app.count('report_question_facts', 'question_id = ANY($1::bigint[]) AND escalations = 1', [[...ids]])).toBe(n);
      }
      expect(await app.count('email_outbox', `user_id = $1 AND subject LIKE 'Escalated to staff:%'`, [team[0].id])).toBe(105);
      expect(await deliveriesAbout('question.escalated', [...fewer, ...more])).toBe(105);
    });

    it("sends the batch's notification ids nowhere: their insert returns only those mailed at once", async () => {
      const ids = await dueQuestions(100);
      const counter = app.db.logger as StatementCounter;
      const from = counter.statements.length;
      expect(await escalateOneWorker()).toHaveLength(100);
      // 400 notifications (the asker and a team of three): 6,000 ids a batch of 1,000 went to the API and back to find
      // whom to mail, which cost the API more than writing them.
      const longestList = Math.max(...counter.statements.slice(from).flatMap(({ parameters }) => parameters.map((p) => (Array.isArray(p) ? p.length : 0))));
      expect(longestList).toBe(100);
      expect(await app.count('email_outbox', `user_id = $1 AND notification_id IN (SELECT id FROM notifications WHERE question_id = ANY($2::bigint[]))`,
        [team[0].id, ids])).toBe(100);
    });

    it('claims due questions with only what escalating them reads: no text, no vectors', async () => {
      await dueQuestions(3);
      const counter = app.db.logger as StatementCounter;
      const from = counter.statements.length;
      expect((await sweep()).escalated).toHaveLength(3);
      const claims = counter.statements.slice(from).filter(({ text }) => /SKIP LOCKED/i.test(text) && text.includes('community_due_at'));
      expect(claims.length).toBeGreaterThan(0);
      for (const claim of claims) {
        // Whole rows (a body, its HTML, two search vectors) cost the sweep more to send and parse than the claim costs to run.
        const [{ 'QUERY PLAN': [{ Plan: plan }] }] = await app.db.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${claim.text}`, claim.parameters);
        expect(plan.Output.join(' ')).not.toMatch(/\b(title|body|body_html|tags|search_vector|title_vector)\b/);
      }
    });

    it('reads back from the escalations it writes only what escalating tells: no whole rows', async () => {
      await dueQuestions(3);
      const counter = app.db.logger as StatementCounter;
      const from = counter.statements.length;
      expect(await escalateOneWorker()).toHaveLength(3);
      const inserts = counter.statements.slice(from).filter(({ text }) => /INSERT INTO escalations\b/.test(text));
      expect(inserts).toHaveLength(1);
      // EXPLAIN without ANALYZE: planned, not run. A batch's 1,000 whole rows (20 columns, their instants parsed into
      // dates) cost the API about 4 ms more than the four columns escalating uses.
      const [{ 'QUERY PLAN': [{ Plan: plan }] }] = await app.db.query(`EXPLAIN (VERBOSE, FORMAT JSON) ${inserts[0].text}`, inserts[0].parameters);
      expect(plan.Output).toHaveLength(4);
    });

    it('records a batch of 5 or 100 breaches, with all they notify, in the same statements', async () => {
      const fewer = await dueQuestions(5);
      const more = await dueQuestions(100);
      expect((await sweep()).escalated).toHaveLength(105);
      const missDeadlines = (ids: string[]) => app.db.query(
        `UPDATE escalations SET staff_due_at = $2::timestamptz - interval '1 hour' WHERE question_id = ANY($1::bigint[])`, [ids, app.clock.now()]);

      await missDeadlines(fewer);
      const small = await statementsOf(async () => expect(await breachOneWorker()).toHaveLength(5));
      await missDeadlines(more);
      const large = await statementsOf(async () => expect(await breachOneWorker()).toHaveLength(100));
      expect(large).toEqual(small);

      const all = [...fewer, ...more];
      const managers = await app.count('users', `role = 'MANAGER'`);
      expect(await app.count('escalations', 'question_id = ANY($1::bigint[]) AND breached_at IS NOT NULL', [all])).toBe(105);
      expect(await app.count('escalation_events', `question_id = ANY($1::bigint[]) AND type = 'BREACHED'`, [all])).toBe(105);
      expect(await app.count('notifications', `question_id = ANY($1::bigint[]) AND kind = 'ESCALATION_BREACHED'`, [all])).toBe(105 * managers);
      expect(await app.count('email_outbox', `user_id = $1 AND subject LIKE 'Staff response deadline missed:%'`, [manager.id])).toBe(105);
      expect(await app.count('report_question_facts', 'question_id = ANY($1::bigint[]) AND breached_escalations = 1', [all])).toBe(105);
      expect(await deliveriesAbout('escalation.breached', all)).toBe(105);
    });
  });
});
