import { MODERATION_STATES, THREAD_STATUSES, WAITING_STATUSES } from '@peerdesk/domain';
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

    it("keeps the unanswered, solved and total counts as the lists filter, over every status, answer count, moderation state, deletion and pin", async () => {
      // The rule "waiting for a first answer" is written twice: WAITING_STATUSES (the lists' filter) and
      // category_counts_part (categories/sql/category-counts.sql, which a trigger runs). Every combination goes in
      // one category as inserted and into another as changed from a new question (the update trigger's path), and
      // each list's own rows must number what the kept count says, and what the domain's rule says.
      const combinations = THREAD_STATUSES.flatMap((status) => [0, 1].flatMap((answerCount) => MODERATION_STATES.flatMap((moderationState) =>
        [false, true].flatMap((deleted) => [false, true].map((pinned) => ({ status, answerCount, moderationState, deleted, pinned }))))));
      const inserted = await app.category({ slug: slug('every-insert') });
      const updated = await app.category({ slug: slug('every-update') });
      const rows = combinations.map((c) => ({ status: c.status, answer_count: c.answerCount, moderation_state: c.moderationState, deleted: c.deleted, pinned: c.pinned }));
      const combination = `c(status text, answer_count int, moderation_state text, deleted boolean, pinned boolean, id bigint)`;
      await app.db.query(
        `INSERT INTO questions (category_id, author_id, title, body, body_html, created_at, updated_at, last_activity_at,
                                status, answer_count, moderation_state, deleted_at, pinned_at)
         SELECT $1, $2, 'Every status', 'A body', '<p>A body</p>', now(), now(), now(),
                c.status, c.answer_count, c.moderation_state, CASE WHEN c.deleted THEN now() END, CASE WHEN c.pinned THEN now() END
           FROM json_to_recordset($3::json) AS ${combination}`,
        [inserted.id, member.id, JSON.stringify(rows)]);
      const added: Array<{ id: string }> = await app.db.query(
        `INSERT INTO questions (category_id, author_id, title, body, body_html, created_at, updated_at, last_activity_at)
         SELECT $1, $2, 'Every status', 'A body', '<p>A body</p>', now(), now(), now() FROM generate_series(1, $3) RETURNING id::text`,
        [updated.id, member.id, rows.length]);
      await app.db.query(
        `UPDATE questions q SET status = c.status, answer_count = c.answer_count, moderation_state = c.moderation_state,
                                deleted_at = CASE WHEN c.deleted THEN now() END, pinned_at = CASE WHEN c.pinned THEN now() END
           FROM json_to_recordset($1::json) AS ${combination} WHERE q.id = c.id`,
        [JSON.stringify(rows.map((row, i) => ({ ...row, id: added[i].id })))]);

      const live = combinations.filter((c) => c.moderationState === 'VISIBLE' && !c.deleted);
      const waiting = (c: typeof live[number]) => c.answerCount === 0 && WAITING_STATUSES.includes(c.status);
      const filters: Array<[Record<string, unknown>, (c: typeof live[number]) => boolean]> = [
        [{}, () => true],
        [{ pinned: false }, (c) => !c.pinned],
        [{ status: 'SOLVED' }, (c) => c.status === 'SOLVED'],
        [{ status: 'SOLVED', pinned: false }, (c) => c.status === 'SOLVED' && !c.pinned],
        [{ unanswered: true }, waiting],
        [{ unanswered: true, pinned: false }, (c) => waiting(c) && !c.pinned],
      ];
      const { categories } = await app.ok<{ categories: Array<{ id: string; questionCount: number; solvedCount: number; unansweredCount: number }> }>(LIST);
      for (const category of [inserted, updated]) {
        for (const [filter, expected] of filters) {
          const { category: page } = await app.ok<{ category: { questions: { totalCount: number; edges: unknown[] } } }>(
            `query ($slug: String!, $filter: CategoryQuestionFilter!) {
               category(slug: $slug) { questions(filter: $filter, orderBy: NEWEST, first: 100) { totalCount edges { node { id } } } }
             }`, { slug: category.slug, filter });
          expect({ filter, listed: page.questions.edges.length, counted: page.questions.totalCount })
            .toEqual({ filter, listed: live.filter(expected).length, counted: live.filter(expected).length });
        }
        const counts = categories.find((c) => c.id === category.id)!;
        expect([counts.questionCount, counts.solvedCount, counts.unansweredCount])
          .toEqual([live.length, live.filter((c) => c.status === 'SOLVED').length, live.filter(waiting).length]);
      }
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
