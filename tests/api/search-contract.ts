import { expectInvalid, type TestApp, type TestUser } from '../support/test-app';

/**
 * The search contract every engine passes, over the public GraphQL API only. Assertions are
 * engine-neutral: which questions come back, in which order where the contract fixes it, facet
 * counts, and snippets holding <mark>word</mark> and no other markup (never their exact text).
 *
 * Each test writes questions around a word no other test uses, so one app serves the whole suite.
 */
export interface SearchContractHooks {
  /** Boots the API configured for the engine under test. */
  start: () => Promise<TestApp>;
  /** Waits until every committed write is searchable (drains the search outbox). */
  settle: (app: TestApp) => Promise<void>;
}

const SEARCH = `query ($query: String!, $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  search(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    edges { node { question { id title status } snippet } cursor }
    pageInfo { hasNextPage endCursor }
    totalCount
    facets { categories { category { id name } count } statuses { status count } }
  }
}`;
const SIMILAR = `query ($title: String!, $body: String, $limit: Int) { similarQuestions(title: $title, body: $body, limit: $limit) { id title } }`;

interface SearchPage {
  edges: Array<{ node: { question: { id: string; title: string; status: string }; snippet: string }; cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  facets: { categories: Array<{ category: { id: string; name: string }; count: number }>; statuses: Array<{ status: string; count: number }> };
}

const BODY = 'Some words so the body is long enough to be a question.';

export function describeSearchContract(engineName: string, hooks: SearchContractHooks): void {
  describe(`search contract: ${engineName}`, () => {
    let app: TestApp;
    let categoryId: string;
    let otherCategoryId: string;
    let asker: TestUser;
    let helper: TestUser;

    beforeAll(async () => {
      app = await hooks.start();
      categoryId = (await app.category()).id;
      otherCategoryId = (await app.category()).id;
      asker = await app.member('Asker');
      helper = await app.member('Helper');
    });
    afterAll(() => app?.close());

    /** Anonymous, like any visitor. */
    async function search(query: string, variables: Record<string, unknown> = {}): Promise<SearchPage> {
      return (await app.ok<{ search: SearchPage }>(SEARCH, { query, ...variables })).search;
    }
    const ids = (page: SearchPage) => page.edges.map((edge) => edge.node.question.id);
    const ask = (title: string, body = BODY, overrides: Record<string, unknown> = {}) =>
      app.ask(asker, categoryId, { title, body, ...overrides });
    async function solve(questionId: string, answerBody = 'Here is what fixed it for me.'): Promise<void> {
      const answer = await app.answer(helper, questionId, answerBody);
      const accepted = await app.acceptAnswer(asker, answer.id);
      expect(accepted.errors).toBeUndefined();
    }

    it('finds a quoted phrase only where its words stand together', async () => {
      const together = await ask('Quokka shows a blue widget on start', `The blue widget appears. ${BODY}`);
      const apart = await ask('Quokka widget turns blue sometimes', `A widget that is blue. ${BODY}`);
      await hooks.settle(app);
      expect(ids(await search('quokka "blue widget"'))).toEqual([together.id]);
      expect(ids(await search('quokka')).sort()).toEqual([together.id, apart.id].sort());
    });

    it('leaves out questions with an excluded word', async () => {
      const printer = await ask('Marmoset printer will not connect');
      const scanner = await ask('Marmoset scanner will not connect');
      await hooks.settle(app);
      expect(ids(await search('marmoset -printer'))).toEqual([scanner.id]);
      expect(ids(await search('marmoset -scanner'))).toEqual([printer.id]);
    });

    it('reads a dash standing between words as punctuation, not as excluding the next word', async () => {
      const question = await ask('Quetzal export — Export fails overnight');
      await hooks.settle(app);
      expect(ids(await search('Quetzal export — Export fails overnight'))).toEqual([question.id]);
      expect(ids(await search('quetzal - export'))).toEqual([question.id]);
      expect(ids(await search('quetzal -export'))).toEqual([]);
    });

    it('matches either word with or', async () => {
      const ocelot = await ask('Ocelot firmware download link');
      const capybara = await ask('Capybara firmware download link');
      await ask('Walrus firmware download link');
      await hooks.settle(app);
      expect(ids(await search('ocelot or capybara')).sort()).toEqual([ocelot.id, capybara.id].sort());
    });

    it('filters by category, status, tag and solved, and counts facets over every match', async () => {
      const tagged = await ask('Narwhal billing export is empty', BODY, { tags: ['billing'] });
      const solved = await ask('Narwhal invoice shows twice');
      await solve(solved.id);
      const elsewhere = await app.ask(asker, otherCategoryId, { title: 'Narwhal login loops forever', body: BODY, tags: [] });
      await hooks.settle(app);

      const all = await search('narwhal', { first: 1 });
      expect(all.totalCount).toBe(3);
      expect(all.edges).toHaveLength(1);
      expect(all.facets.categories.map((f) => [f.category.id, f.count]).sort()).toEqual([[categoryId, 2], [otherCategoryId, 1]].sort());
      expect(all.facets.categories.every((f) => f.category.name.length > 0)).toBe(true);
      expect(Object.fromEntries(all.facets.statuses.map((f) => [f.status, f.count]))).toEqual({ OPEN: 2, SOLVED: 1 });

      expect(ids(await search('narwhal', { filter: { categoryId: otherCategoryId } }))).toEqual([elsewhere.id]);
      expect(ids(await search('narwhal', { filter: { status: 'SOLVED' } }))).toEqual([solved.id]);
      expect(ids(await search('narwhal', { filter: { tag: 'billing' } }))).toEqual([tagged.id]);
      expect(ids(await search('narwhal', { filter: { solvedOnly: true } }))).toEqual([solved.id]);
      const inCategory = await search('narwhal', { filter: { categoryId } });
      expect(inCategory.totalCount).toBe(2);
      expect(inCategory.facets.categories.map((f) => [f.category.id, f.count])).toEqual([[categoryId, 2]]);
    });

    it('follows status changes made by escalation and the return to the community', async () => {
      const question = await ask('Ibex kiosk screen stays black');
      const moderator = await app.userWithRole('MODERATOR');
      const staff = await app.userWithRole('STAFF');
      await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Hardware") { id } }`, { q: question.id }, moderator);
      await hooks.settle(app);
      expect(ids(await search('ibex', { filter: { status: 'ESCALATED' } }))).toEqual([question.id]);
      await app.ok(`mutation ($q: ID!) { returnToCommunity(questionId: $q, reason: "Peers know this") { id } }`, { q: question.id }, staff);
      await hooks.settle(app);
      expect(ids(await search('ibex', { filter: { status: 'ESCALATED' } }))).toEqual([]);
      expect(ids(await search('ibex', { filter: { status: 'OPEN' } }))).toEqual([question.id]);
    });

    it('forgives a typo in a title word', async () => {
      const question = await ask('How do I reset the password of the lobby terminal');
      await hooks.settle(app);
      expect(ids(await search('pasword'))).toContain(question.id);
    });

    it('ranks a solved question above an otherwise equal unsolved one', async () => {
      const solved = await ask('Axolotl aquarium heater clicks loudly');
      const unsolved = await ask('Axolotl aquarium heater clicks loudly');
      await solve(solved.id, 'Replace the relay.');
      await app.answer(helper, unsolved.id, 'Replace the relay.');
      await hooks.settle(app);
      expect(ids(await search('axolotl heater'))).toEqual([solved.id, unsolved.id]);
    });

    it('forgets a removed answer and sees an edit', async () => {
      const question = await ask('Tapir sync stops after an hour');
      const answer = await app.answer(helper, question.id, 'Wombat mode fixes it: turn it on in settings.');
      await hooks.settle(app);
      expect(ids(await search('wombat'))).toEqual([question.id]);

      await app.ok(`mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`,
        { input: { id: answer.id, body: 'Dingo mode fixes it: turn it on in settings.' } }, helper);
      await hooks.settle(app);
      expect(ids(await search('wombat'))).toEqual([]);
      expect(ids(await search('dingo'))).toEqual([question.id]);

      await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answer.id }, helper);
      await hooks.settle(app);
      expect(ids(await search('dingo'))).toEqual([]);

      await app.ok(`mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
        { input: { id: question.id, title: 'Okapi sync stops after an hour' } }, asker);
      await hooks.settle(app);
      expect(ids(await search('okapi'))).toEqual([question.id]);
      expect(ids(await search('tapir'))).toEqual([]);
    });

    it('escapes HTML in snippets: only <mark> is ever markup', async () => {
      await ask('Jaguarundi page shows raw tags', `My page has <script>alert(1)</script> and <b>jaguarundi</b> & "quotes" in it. ${BODY}`);
      await hooks.settle(app);
      for (const query of ['jaguarundi', '<script>jaguarundi</script>', '<b>jaguarundi']) {
        const page = await search(query);
        expect(page.edges).toHaveLength(1);
        const snippet = page.edges[0].node.snippet;
        expect(snippet).toMatch(/<mark>jaguarundi<\/mark>/i);
        expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }
    });

    it('pages through results with cursors', async () => {
      const asked = [];
      for (let n = 1; n <= 5; n++) asked.push(await ask(`Pangolin question number ${n} about exports`));
      await hooks.settle(app);
      const seen: string[] = [];
      let after: string | null = null;
      const pages: number[] = [];
      for (;;) {
        const page: SearchPage = await search('pangolin', { first: 2, after });
        expect(page.totalCount).toBe(5);
        seen.push(...ids(page));
        pages.push(page.edges.length);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toEqual([2, 2, 1]);
      expect(seen.sort()).toEqual(asked.map((q) => q.id).sort());
    });

    it('suggests similar questions while asking, solved first, nothing unrelated', async () => {
      const unsolved = await ask('Duplex tray rattles on the office copier');
      const solved = await ask('Copier duplex tray keeps rattling');
      await solve(solved.id);
      const unrelated = await ask('Holiday opening hours of the support desk');
      await hooks.settle(app);
      const similar = (await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { title: 'copier duplex tray rattle' })).similarQuestions;
      const found = similar.map((q) => q.id);
      expect(found[0]).toBe(solved.id);
      expect(found).toContain(unsolved.id);
      expect(found).not.toContain(unrelated.id);
      const one = (await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { title: 'copier duplex tray', limit: 1 })).similarQuestions;
      expect(one.map((q) => q.id)).toEqual([solved.id]);
    });

    it('never suggests a question marked as a duplicate, and suggests it again once unmarked', async () => {
      const original = await ask('Gecko modem drops the line at night');
      const duplicate = await ask('Gecko modem loses the line every night');
      await hooks.settle(app);
      const suggested = async () =>
        (await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { title: 'gecko modem line night' })).similarQuestions.map((q) => q.id);
      expect((await suggested()).sort()).toEqual([original.id, duplicate.id].sort());

      const moderator = await app.userWithRole('MODERATOR');
      const markDuplicate = `mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { id } }`;
      await app.ok(markDuplicate, { q: duplicate.id, o: original.id }, moderator);
      await hooks.settle(app);
      expect(await suggested()).toEqual([original.id]);

      await app.ok(`mutation ($q: ID!) { unmarkDuplicate(questionId: $q) { id } }`, { q: duplicate.id }, moderator);
      await hooks.settle(app);
      expect((await suggested()).sort()).toEqual([original.id, duplicate.id].sort());
    });

    it('leaves out a question or answer hidden by flags or a moderator, and finds it again once restored', async () => {
      const question = await ask('Manatee router reboots at dawn');
      const answer = await app.answer(helper, question.id, 'Flamingo firmware fixes it.');
      await hooks.settle(app);
      const suggested = async () =>
        (await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { title: 'manatee router reboots' })).similarQuestions.map((q) => q.id);
      expect(ids(await search('manatee'))).toEqual([question.id]);
      expect(await suggested()).toEqual([question.id]);

      // One REGULAR member's flag (weight 3) reaches the default threshold: hidden pending review.
      const flagger = await app.member('Flagger');
      await app.db.query(`UPDATE users SET trust_level = 'REGULAR' WHERE id = $1`, [flagger.id]);
      const flag = `mutation ($input: FlagInput!) { flag(input: $input) { id } }`;
      await app.ok(flag, { input: { targetType: 'ANSWER', targetId: answer.id, reason: 'SPAM' } }, flagger);
      await hooks.settle(app);
      expect((await search('flamingo')).totalCount).toBe(0);
      expect(ids(await search('manatee'))).toEqual([question.id]);

      await app.ok(flag, { input: { targetType: 'QUESTION', targetId: question.id, reason: 'SPAM' } }, flagger);
      await hooks.settle(app);
      const hidden = await search('manatee');
      expect([hidden.totalCount, ids(hidden)]).toEqual([0, []]);
      expect(await suggested()).toEqual([]);

      const moderator = await app.userWithRole('MODERATOR');
      const queue = await app.ok<{ reviewQueue: { edges: Array<{ node: { id: string; targetId: string } }> } }>(
        `{ reviewQueue(first: 50) { edges { node { id targetId } } } }`, {}, moderator);
      for (const { node } of queue.reviewQueue.edges.filter(({ node }) => [question.id, answer.id].includes(node.targetId))) {
        await app.ok(`mutation ($id: ID!) { resolveReview(id: $id, action: APPROVE) { id } }`, { id: node.id }, moderator);
      }
      await hooks.settle(app);
      expect(ids(await search('manatee'))).toEqual([question.id]);
      expect(ids(await search('flamingo'))).toEqual([question.id]);
      expect(await suggested()).toEqual([question.id]);
    });

    it('refuses an empty or overlong query, a bad page size and too many suggestions', async () => {
      expectInvalid(await app.gql(SEARCH, { query: '   ' }), ['query']);
      expectInvalid(await app.gql(SEARCH, { query: 'x'.repeat(201) }), ['query']);
      expectInvalid(await app.gql(SEARCH, { query: 'router', first: 0 }), ['first']);
      expectInvalid(await app.gql(SEARCH, { query: 'router', first: 101 }), ['first']);
      expectInvalid(await app.gql(SEARCH, { query: 'router', after: 'not-a-cursor' }), ['after']);
      expectInvalid(await app.gql(SIMILAR, { title: 'router', limit: 6 }), ['limit']);
      expectInvalid(await app.gql(SIMILAR, { title: '' }), ['title']);
    });
  });
}
