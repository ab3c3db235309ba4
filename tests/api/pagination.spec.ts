import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// The questions connection: filters, orderings, totalCount, and keyset pages that hold still while questions arrive.

const LIST = `query ($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {
  questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string } }>;
}

type Order = 'NEWEST' | 'ACTIVITY' | 'SCORE';

/** A cursor made by hand, in the API's format (base64url JSON of [key, id]), as a tampering client would. */
const forgedCursor = (key: unknown, id: unknown) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

describe('questions connection', () => {
  let app: TestApp;
  let asker: TestUser;
  let helper: TestUser;

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    asker = await app.member();
    helper = await app.member();
  });
  afterAll(async () => { await app.close(); });

  const list = (variables: Record<string, unknown>) => app.gql<{ questions: Page }>(LIST, variables);
  async function page(variables: Record<string, unknown>): Promise<Page> {
    return (await app.ok<{ questions: Page }>(LIST, variables)).questions;
  }
  const ids = (p: Page) => p.edges.map((e) => e.node.id);

  /** Questions in a category of their own, one clock second apart so creation order is the time order. */
  async function questionsIn(categoryId: string, count: number, by = asker): Promise<string[]> {
    const created: string[] = [];
    for (let i = 0; i < count; i++) {
      app.clock.advance(1);
      created.push((await app.ask(by, categoryId)).id);
    }
    return created;
  }

  /** Gives questions the very same created_at, as two asked in one millisecond would have. */
  async function sameCreatedAt(questionIds: string[], asOf: string): Promise<void> {
    await app.db.query(`UPDATE questions SET created_at = (SELECT created_at FROM questions WHERE id = $1) WHERE id = ANY($2::bigint[])`, [asOf, questionIds]);
  }

  /** Walks every page, calling `between` after each page but the last. */
  async function walk(variables: Record<string, unknown>, between: (pageNumber: number, page: Page) => Promise<void> = async () => undefined) {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const current: Page = await page({ ...variables, after });
      pages.push(current);
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
      if (after) await between(pages.length, current);
    } while (after);
    return pages;
  }

  describe('paging', () => {
    it('neither skips nor repeats a question while new ones arrive between pages', async () => {
      const { id: categoryId } = await app.category();
      const q = await questionsIn(categoryId, 25);
      // Two runs of questions share a timestamp, each straddling a page boundary (pages of 7, newest first:
      // q24..q18 | q17..q11 | q10..q4 | q3..q0), so only the id tie-break keeps them apart.
      await sameCreatedAt([q[19], q[18], q[17], q[16]], q[19]);
      await sameCreatedAt([q[12], q[11], q[10], q[9]], q[12]);
      const existing = [...q].reverse();

      const arrivals: string[] = [];
      const pages = await walk({ filter: { categoryId }, first: 7 }, async (pageNumber, current) => {
        app.clock.advance(1);
        arrivals.push((await app.ask(asker, categoryId)).id, (await app.ask(helper, categoryId)).id);
        // One arrives in the very millisecond of the row the cursor points at: it sorts before it, by id.
        const newcomer = (await app.ask(asker, categoryId)).id;
        arrivals.push(newcomer);
        await sameCreatedAt([newcomer], ids(current).at(-1)!);
      });

      const seen = pages.flatMap(ids);
      expect(seen).toEqual(existing);
      expect(new Set(seen).size).toBe(25);
      expect(seen.filter((id) => arrivals.includes(id))).toEqual([]);
      expect(pages.map((p) => p.edges.length)).toEqual([7, 7, 7, 4]);
      expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
      expect(pages.map((p) => p.pageInfo.endCursor)).toEqual(pages.map((p) => p.edges.at(-1)!.cursor));
      // totalCount is the filter's count at the time of each request, arrivals included.
      expect(pages.map((p) => p.totalCount)).toEqual([25, 28, 31, 34]);

      // A fresh walk sees everything once, the earlier questions still in the same order.
      const fresh = (await walk({ filter: { categoryId }, first: 100 })).flatMap(ids);
      expect(new Set(fresh)).toEqual(new Set([...existing, ...arrivals]));
      expect(fresh).toHaveLength(34);
      expect(fresh.filter((id) => !arrivals.includes(id))).toEqual(existing);
    });

    it('pages by SCORE, highest first, ties newest id first', async () => {
      const { id: categoryId } = await app.category();
      const q = await questionsIn(categoryId, 8);
      for (const [questionId, value] of [[q[2], 1], [q[5], 1], [q[6], -1]] as const) {
        expect((await app.vote(helper, 'QUESTION', questionId, value)).errors).toBeUndefined();
      }
      expect((await app.vote(await app.member(), 'QUESTION', q[2], 1)).errors).toBeUndefined();

      const pages = await walk({ filter: { categoryId }, orderBy: 'SCORE', first: 3 });

      expect(pages.map(ids)).toEqual([[q[2], q[5], q[7]], [q[4], q[3], q[1]], [q[0], q[6]]]);
    });

    it('orders by ACTIVITY: an answered question moves to the front, NEWEST stays put', async () => {
      const { id: categoryId } = await app.category();
      const [first, second, third] = await questionsIn(categoryId, 3);
      app.clock.advance(1);
      await app.answer(helper, first);

      expect(ids(await page({ filter: { categoryId }, orderBy: 'ACTIVITY' }))).toEqual([first, third, second]);
      expect(ids(await page({ filter: { categoryId }, orderBy: 'NEWEST' }))).toEqual([third, second, first]);
      expect(ids(await page({ filter: { categoryId } }))).toEqual([third, second, first]);
    });

    it('returns 20 per page unless asked, and at most 100', async () => {
      const { id: categoryId } = await app.category();
      await questionsIn(categoryId, 21);
      const firstPage = await page({ filter: { categoryId } });
      expect([firstPage.edges.length, firstPage.totalCount, firstPage.pageInfo.hasNextPage]).toEqual([20, 21, true]);
      expect((await page({ filter: { categoryId }, first: 100 })).edges).toHaveLength(21);
    });

    it('has an empty last page shape when nothing matches', async () => {
      const { id: categoryId } = await app.category();
      expect(await page({ filter: { categoryId } })).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });
  });

  describe('refusals', () => {
    it.each([0, 101, -5])('refuses first: %p', async (first) => {
      expect(expectInvalid(await list({ first }), ['first'])).toEqual([{ field: 'first', message: 'Page size must be between 1 and 100.' }]);
    });

    it.each([
      ['not base64 JSON', 'abc'],
      ['a non-numeric id', forgedCursor('2026-01-01T00:00:00.000Z', 'abc')],
      ['an id beyond bigint', forgedCursor('2026-01-01T00:00:00.000Z', '99999999999999999999')],
      ['a date PostgreSQL cannot read', forgedCursor('2024', '1')],
      ['year zero', forgedCursor('0000-01-01T00:00:00.000Z', '1')],
    ])('refuses a bad NEWEST cursor (%s) with VALIDATION_FAILED', async (_what, after) => {
      expectInvalid(await list({ after }), ['after']);
    });

    it.each([
      ['a fractional score', forgedCursor(1.5, '1')],
      ['a score beyond integer', forgedCursor(1e20, '1')],
      ['a NEWEST cursor', forgedCursor('2026-01-01T00:00:00.000Z', '1')],
    ])('refuses a bad SCORE cursor (%s) with VALIDATION_FAILED', async (_what, after) => {
      expectInvalid(await list({ orderBy: 'SCORE', after }), ['after']);
    });

    it('refuses a SCORE cursor for NEWEST', async () => {
      const { id: categoryId } = await app.category();
      await questionsIn(categoryId, 2);
      const { endCursor } = (await page({ filter: { categoryId }, orderBy: 'SCORE', first: 1 })).pageInfo;
      expectInvalid(await list({ filter: { categoryId }, orderBy: 'NEWEST', after: endCursor }), ['after']);
    });
  });

  describe('filters', () => {
    let home: string;
    let mobile: string;
    let alice: TestUser;
    let bob: TestUser;
    let q: Record<'solved' | 'answered' | 'open' | 'elsewhere', string>;

    beforeAll(async () => {
      [home, mobile] = [(await app.category()).id, (await app.category()).id];
      [alice, bob] = [await app.member(), await app.member()];
      app.clock.advance(1);
      const solved = (await app.ask(alice, home, { tags: ['wifi', 'router'] })).id;
      app.clock.advance(1);
      const answered = (await app.ask(bob, home, { tags: ['WiFi'] })).id;
      app.clock.advance(1);
      const open = (await app.ask(alice, home, { tags: ['dsl'] })).id;
      app.clock.advance(1);
      const elsewhere = (await app.ask(bob, mobile, { tags: ['wifi'] })).id;
      const accepted = await app.answer(helper, solved);
      expect((await app.acceptAnswer(alice, accepted.id)).errors).toBeUndefined();
      await app.answer(helper, answered);
      q = { solved, answered, open, elsewhere };
    });

    /** Each filter's ids and totalCount. */
    async function matching(filter: Record<string, unknown>) {
      const result = await page({ filter });
      expect(result.totalCount).toBe(result.edges.length);
      return ids(result);
    }

    it('by category', async () => {
      expect(await matching({ categoryId: home })).toEqual([q.open, q.answered, q.solved]);
      expect(await matching({ categoryId: mobile })).toEqual([q.elsewhere]);
      expect(await matching({ categoryId: '999999' })).toEqual([]);
    });

    it('by status', async () => {
      expect(await matching({ categoryId: home, status: 'SOLVED' })).toEqual([q.solved]);
      expect(await matching({ categoryId: home, status: 'ANSWERED' })).toEqual([q.answered]);
      expect(await matching({ categoryId: home, status: 'OPEN' })).toEqual([q.open]);
      expect(await matching({ categoryId: home, status: 'ESCALATED' })).toEqual([]);
    });

    it('by tag, in any letter case', async () => {
      expect(await matching({ categoryId: home, tag: 'wifi' })).toEqual([q.answered, q.solved]);
      expect(await matching({ categoryId: home, tag: ' WiFi ' })).toEqual([q.answered, q.solved]);
      expect(await matching({ categoryId: home, tag: 'router' })).toEqual([q.solved]);
      expect(await matching({ categoryId: home, tag: 'wif' })).toEqual([]);
    });

    it('by author', async () => {
      expect(await matching({ authorId: alice.id })).toEqual([q.open, q.solved]);
      expect(await matching({ authorId: bob.id })).toEqual([q.elsewhere, q.answered]);
    });

    it('unanswered only, including a question whose only answer was deleted', async () => {
      expect(await matching({ categoryId: home, unanswered: true })).toEqual([q.open]);

      const { id: categoryId } = await app.category();
      const [question] = await questionsIn(categoryId, 1);
      const answer = await app.answer(helper, question);
      expect(await matching({ categoryId, unanswered: true })).toEqual([]);
      await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answer.id }, helper);
      expect(await matching({ categoryId, unanswered: true })).toEqual([question]);
    });

    it('unanswered only leaves out closed questions, which wait for nobody', async () => {
      const { id: categoryId } = await app.category();
      const [original, duplicate] = await questionsIn(categoryId, 2);
      const moderator = await app.userWithRole('MODERATOR');
      const marked = await app.gql(`mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { status } }`, { q: duplicate, o: original }, moderator);
      expect(marked.data).toEqual({ markDuplicate: { status: 'CLOSED' } });
      expect(await matching({ categoryId, unanswered: true })).toEqual([original]);
    });

    it('combined', async () => {
      expect(await matching({ authorId: bob.id, tag: 'wifi', categoryId: home, status: 'ANSWERED' })).toEqual([q.answered]);
      expect(await matching({ authorId: bob.id, tag: 'wifi', unanswered: true })).toEqual([q.elsewhere]);
      expect(await matching({ authorId: alice.id, categoryId: mobile })).toEqual([]);
    });

    it.each([['categoryId', 'abc'], ['authorId', 'abc']])('answers NOT_FOUND for %s %p', async (field, value) => {
      expectError(await list({ filter: { [field]: value } }), 'NOT_FOUND');
    });
  });
});
