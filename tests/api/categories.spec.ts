import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Categories: admin-only creation and changes, their validation, and the home-page listing with counts.

const CATEGORY_FIELDS = `id name slug description peerWindowHours staffResponseHours createdAt`;
const CREATE = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { ${CATEGORY_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateCategoryInput!) { updateCategory(input: $input) { ${CATEGORY_FIELDS} } }`;
const BY_SLUG = `query ($slug: String!) { category(slug: $slug) { ${CATEGORY_FIELDS} } }`;
const LIST = `{ categories { id name slug questionCount solvedCount unansweredCount lastActivityAt } }`;

describe('categories', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let n = 0;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.admin();
    member = await app.member();
  });
  afterAll(async () => { await app.close(); });

  const slug = (base = 'topic') => `${base}-${++n}`;
  const create = (input: Record<string, unknown>, as: TestUser = admin) => app.gql(CREATE, { input }, as);

  describe('createCategory', () => {
    it('creates a category with the default windows (24 peer hours, 4 staff hours)', async () => {
      const s = slug('home-broadband');
      const before = app.clock.now().getTime();
      const response = await create({ name: '  Home Broadband ', slug: s });

      expect(response.errors).toBeUndefined();
      const category = response.data!.createCategory;
      expect(category).toEqual({
        id: expect.stringMatching(/^\d+$/), name: 'Home Broadband', slug: s, description: '',
        peerWindowHours: 24, staffResponseHours: 4, createdAt: expect.any(String),
      });
      expect(Date.parse(category.createdAt)).toBeGreaterThanOrEqual(before);
      expect((await app.ok(BY_SLUG, { slug: s })).category).toEqual(category);
    });

    it('accepts windows at the limits, 1 and 720 hours', async () => {
      const response = await create({ name: 'Limits', slug: slug(), description: 'Edge cases', peerWindowHours: 1, staffResponseHours: 720 });
      expect(response.data!.createCategory).toMatchObject({ description: 'Edge cases', peerWindowHours: 1, staffResponseHours: 720 });
    });

    it('refuses windows of 0 and 721 hours, naming both fields, and writes nothing', async () => {
      const categories = await app.count('categories');

      const response = await create({ name: 'Bad windows', slug: slug(), peerWindowHours: 0, staffResponseHours: 721 });

      expect(expectInvalid(response, ['peerWindowHours', 'staffResponseHours'])).toEqual([
        { field: 'peerWindowHours', message: 'Peer window must be a whole number of hours from 1 to 720 (it is 0).' },
        { field: 'staffResponseHours', message: 'Staff response time must be a whole number of hours from 1 to 720 (it is 721).' },
      ]);
      expect(await app.count('categories')).toBe(categories);
    });

    it('refuses a slug that is not lower-case words joined by hyphens', async () => {
      expectInvalid(await create({ name: 'Bad slug', slug: 'Home Broadband' }), ['slug']);
      expectInvalid(await create({ name: 'Bad slug', slug: 'home--broadband' }), ['slug']);
    });

    it('refuses a slug already in use with CONFLICT, writing nothing', async () => {
      const s = slug('mobile');
      await create({ name: 'Mobile', slug: s });
      const categories = await app.count('categories');

      const response = await create({ name: 'Mobile again', slug: s });

      expect(expectError(response, 'CONFLICT').message).toBe(`The slug "${s}" is already used by another category.`);
      expect(await app.count('categories')).toBe(categories);
    });

    it('is FORBIDDEN for a member, writing nothing', async () => {
      const categories = await app.count('categories');
      expectError(await create({ name: 'Members corner', slug: slug() }, member), 'FORBIDDEN');
      expect(await app.count('categories')).toBe(categories);
    });
  });

  describe('updateCategory', () => {
    it('changes only the fields given', async () => {
      const original = (await create({ name: 'TV', slug: slug('tv'), description: 'Television' })).data!.createCategory;

      const response = await app.gql(UPDATE, { input: { id: original.id, name: ' Television ', peerWindowHours: 48 } }, admin);

      expect(response.data!.updateCategory).toEqual({ ...original, name: 'Television', peerWindowHours: 48 });
    });

    it('validates like createCategory and refuses a slug in use', async () => {
      const taken = (await create({ name: 'Taken', slug: slug('taken') })).data!.createCategory;
      const other = (await create({ name: 'Other', slug: slug('other') })).data!.createCategory;

      expectInvalid(await app.gql(UPDATE, { input: { id: other.id, staffResponseHours: 0 } }, admin), ['staffResponseHours']);
      expectError(await app.gql(UPDATE, { input: { id: other.id, slug: taken.slug } }, admin), 'CONFLICT');
      expect((await app.ok(BY_SLUG, { slug: other.slug })).category).toEqual(other);
    });

    it('is FORBIDDEN for a member', async () => {
      const category = await app.category();
      expectError(await app.gql(UPDATE, { input: { id: category.id, name: 'Hijacked' } }, member), 'FORBIDDEN');
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the category id %p', async (id) => {
      expectError(await app.gql(UPDATE, { input: { id, name: 'Nowhere' } }, admin), 'NOT_FOUND');
    });
  });

  describe('category', () => {
    it('answers NOT_FOUND for an unknown slug', async () => {
      expectError(await app.gql(BY_SLUG, { slug: 'no-such-category' }), 'NOT_FOUND');
    });
  });

  describe('categories', () => {
    it('lists every category by name with how many questions each has, how many are solved and waiting, and its latest activity', async () => {
      const zebra = await app.category({ name: 'Zz Zebra devices', slug: slug('zebra') });
      const aardvark = await app.category({ name: 'Aa Aardvark devices', slug: slug('aardvark') });
      const empty = await app.category({ name: 'Mm Empty', slug: slug('empty') });
      const asker = await app.member();
      const helper = await app.member();
      await app.setTrustLevel(asker, 'MEMBER'); // four questions at once: more than a NEW member's limit
      const solved = await app.ask(asker, zebra.id);
      await app.ask(asker, zebra.id);
      await app.ask(asker, zebra.id);
      await app.ask(asker, aardvark.id);
      const answer = await app.answer(helper, solved.id);
      expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();

      const { categories } = await app.ok<{ categories: Array<{ id: string; name: string; questionCount: number; solvedCount: number; lastActivityAt: string | null }> }>(LIST);

      // Other tests' categories are listed too; these three come in name order among them.
      const mine = categories.filter((c) => [zebra.id, aardvark.id, empty.id].includes(c.id));
      expect(mine).toEqual([
        { id: aardvark.id, name: 'Aa Aardvark devices', slug: aardvark.slug, questionCount: 1, solvedCount: 0, unansweredCount: 1, lastActivityAt: expect.any(String) },
        { id: empty.id, name: 'Mm Empty', slug: empty.slug, questionCount: 0, solvedCount: 0, unansweredCount: 0, lastActivityAt: null },
        { id: zebra.id, name: 'Zz Zebra devices', slug: zebra.slug, questionCount: 3, solvedCount: 1, unansweredCount: 2, lastActivityAt: expect.any(String) },
      ]);
      // The latest activity is the acceptance, the last thing that happened in the category.
      expect(Date.parse(mine[2].lastActivityAt!)).toBeGreaterThanOrEqual(Date.parse(mine[0].lastActivityAt!));
    });

    it("counts a category page's list as it lists it, from the kept counts: all, solved or unanswered, pinned ones apart", async () => {
      const category = await app.category({ slug: slug('counted') });
      const asker = await app.member();
      const helper = await app.member();
      const moderator = await app.userWithRole('MODERATOR');
      await app.setTrustLevel(asker, 'MEMBER');
      const solved = await app.ask(asker, category.id);
      const answered = await app.ask(asker, category.id);
      await app.ask(asker, category.id);
      const pinned = await app.ask(asker, category.id);
      expect((await app.acceptAnswer(asker, (await app.answer(helper, solved.id)).id)).errors).toBeUndefined();
      await app.answer(helper, answered.id);
      await app.ok(`mutation ($id: ID!) { pinQuestion(id: $id) { id } }`, { id: pinned.id }, moderator);

      const listed = async (filter: Record<string, unknown>) => {
        const { category: page } = await app.ok<{ category: { questions: { totalCount: number; totalCountIsExact: boolean; edges: unknown[] } } }>(
          `query ($slug: String!, $filter: CategoryQuestionFilter!) {
             category(slug: $slug) { questions(filter: $filter, orderBy: ACTIVITY, first: 20) { totalCount totalCountIsExact edges { node { id } } } }
           }`, { slug: category.slug, filter });
        expect(page.questions.totalCount).toBe(page.questions.edges.length);
        expect(page.questions.totalCountIsExact).toBe(true);
        return page.questions.totalCount;
      };
      expect(await listed({})).toBe(4);
      expect(await listed({ pinned: false })).toBe(3);
      expect(await listed({ pinned: true })).toBe(1);
      expect(await listed({ status: 'SOLVED' })).toBe(1);
      expect(await listed({ unanswered: true })).toBe(2);
      expect(await listed({ pinned: false, unanswered: true })).toBe(1);
    });

    it('keeps the counts as a question is escalated, closed, reopened and solved (only SOLVED and CLOSED move them)', async () => {
      const category = await app.category({ slug: slug('lifecycle') });
      const [asker, helper, moderator] = [await app.member(), await app.member(), await app.userWithRole('MODERATOR')];
      const { id } = await app.ask(asker, category.id);
      const counts = async () => {
        const { categories } = await app.ok<{ categories: Array<{ id: string; questionCount: number; solvedCount: number; unansweredCount: number }> }>(LIST);
        const { questionCount, solvedCount, unansweredCount } = categories.find((c) => c.id === category.id)!;
        return [questionCount, solvedCount, unansweredCount];
      };

      await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Only billing can see it") { id } }`, { q: id }, moderator);
      expect(await counts()).toEqual([1, 0, 1]);
      await app.ok(`mutation ($id: ID!) { closeQuestion(id: $id, reason: OFF_TOPIC) { id } }`, { id }, moderator);
      expect(await counts()).toEqual([1, 0, 0]);
      await app.ok(`mutation ($id: ID!) { reopenQuestion(id: $id) { id } }`, { id }, moderator);
      expect(await counts()).toEqual([1, 0, 1]);
      const answer = await app.answer(helper, id);
      expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();
      expect(await counts()).toEqual([1, 1, 0]);
    });
  });
});
