import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Asking, reading and editing questions.

const QUESTION_FIELDS = `id title body bodyHtml status tags score viewCount answerCount createdAt updatedAt lastActivityAt solvedAt
  author { id displayName isEmployee } category { id } answers { id } acceptedAnswer { id }`;
const ASK = `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { ${QUESTION_FIELDS} } }`;
const READ = `query ($id: ID!) { question(id: $id) { ${QUESTION_FIELDS} } }`;
const EDIT = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { ${QUESTION_FIELDS} } }`;

const TITLE = 'Router drops the connection every evening';
const BODY = 'Every evening around 8pm the connection drops for about a minute, then comes back.';

describe('questions', () => {
  let app: TestApp;
  let category: { id: string };
  let asker: TestUser;
  let other: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    category = await app.category();
    asker = await app.member('Asking Alice');
    other = await app.member();
    moderator = await app.userWithRole('MODERATOR');
  });
  afterAll(async () => { await app.close(); });

  const ask = (input: Record<string, unknown>, as: { token?: string } = asker) =>
    app.gql(ASK, { input: { categoryId: category.id, title: TITLE, body: BODY, tags: [], ...input } }, as);
  const read = async (id: string, as: { token?: string } = {}) => (await app.ok(READ, { id }, as)).question;
  const edit = (input: Record<string, unknown>, as: { token?: string }) => app.gql(EDIT, { input }, as);
  const revisions = (postId: string): Promise<Array<{ title: string; body: string; tags: string[]; editor_id: string }>> =>
    app.db.query(`SELECT title, body, tags, editor_id::text FROM post_revisions WHERE post_type = 'QUESTION' AND post_id = $1 ORDER BY id`, [postId]);

  describe('askQuestion', () => {
    it('creates an open question with lower-cased, de-duplicated tags', async () => {
      const before = app.clock.now().getTime();
      const response = await ask({ title: `  ${TITLE}  `, tags: [' WiFi ', 'Router', 'wifi', 'C++'] });

      expect(response.errors).toBeUndefined();
      const question = response.data!.askQuestion;
      expect(question).toEqual({
        id: expect.stringMatching(/^\d+$/),
        title: TITLE,
        body: BODY,
        bodyHtml: `<p>${BODY}</p>\n`,
        status: 'OPEN',
        tags: ['wifi', 'router', 'c++'],
        score: 0,
        viewCount: 0,
        answerCount: 0,
        createdAt: expect.any(String),
        updatedAt: question.createdAt,
        lastActivityAt: question.createdAt,
        solvedAt: null,
        author: { id: asker.id, displayName: 'Asking Alice', isEmployee: false },
        category: { id: category.id },
        answers: [],
        acceptedAnswer: null,
      });
      expect(Date.parse(question.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(question.createdAt)).toBeLessThanOrEqual(app.clock.now().getTime());
    });

    it('renders the body to HTML without scripts or javascript: links', async () => {
      const body = [
        'Here is what I tried:',
        '<script>alert(1)</script>',
        'See [x](javascript:alert(1)) and the [guide](https://example.com/guide) for details.',
      ].join('\n\n');

      const { bodyHtml } = (await ask({ body })).data!.askQuestion;

      expect(bodyHtml).toBe(
        '<p>Here is what I tried:</p>\n' +
          '<p>See <a rel="nofollow ugc noopener noreferrer">x</a> and the <a href="https://example.com/guide" rel="nofollow ugc noopener noreferrer">guide</a> for details.</p>\n',
      );
      expect(bodyHtml).not.toMatch(/script|javascript|alert/i);
    });

    it('reports every problem at once, field by field, and writes nothing', async () => {
      const questions = await app.count('questions');

      const response = await ask({ title: 'Help', body: 'It broke', tags: ['wifi', 'router', 'dsl', 'fibre', 'modem', 'Bad Tag!'] });

      expect(expectInvalid(response, ['title', 'body', 'tags', 'tags'])).toEqual([
        { field: 'title', message: 'Title must be between 10 and 200 characters (it has 4).' },
        { field: 'body', message: 'Question must be between 20 and 30000 characters (it has 8).' },
        { field: 'tags', message: 'Use at most 5 tags (there are 6).' },
        { field: 'tags', message: 'Tag "bad tag!" may only use lower-case letters, digits and + # . - and must start with a letter or digit.' },
      ]);
      expect(await app.count('questions')).toBe(questions);
    });

    it.each([
      [['x'], 'Tag "x" must be between 2 and 30 characters (it has 1).'],
      [['-dash'], 'Tag "-dash" may only use lower-case letters, digits and + # . - and must start with a letter or digit.'],
      [['a'.repeat(31)], `Tag "${'a'.repeat(31)}" must be between 2 and 30 characters (it has 31).`],
    ])('refuses the tags %p', async (tags, message) => {
      expect(expectInvalid(await ask({ tags }), ['tags'])).toEqual([{ field: 'tags', message }]);
    });

    it('counts the title after trimming and accepts five tags', async () => {
      expectInvalid(await ask({ title: `   ${'t'.repeat(9)}   ` }), ['title']);
      expect((await ask({ tags: ['a1', 'b2', 'c3', 'd4', 'e5'] })).data!.askQuestion.tags).toEqual(['a1', 'b2', 'c3', 'd4', 'e5']);
    });

    it('refuses a title of only emoji, which no search could find and no address could name', async () => {
      const questions = await app.count('questions');
      expect(expectInvalid(await ask({ title: '🔥'.repeat(12) }), ['title'])).toEqual([
        { field: 'title', message: 'Title must contain some words (letters or digits), not only symbols or emoji.' },
      ]);
      expect(await app.count('questions')).toBe(questions);
    });

    it('needs a session, and writes nothing without one', async () => {
      const questions = await app.count('questions');
      expectError(await ask({}, {}), 'UNAUTHENTICATED');
      expect(await app.count('questions')).toBe(questions);
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the category %p, writing nothing', async (categoryId) => {
      const questions = await app.count('questions');
      expectError(await ask({ categoryId }), 'NOT_FOUND');
      expect(await app.count('questions')).toBe(questions);
    });
  });

  describe('question', () => {
    it('counts a view by each reader once written, and shows the readers of this instance their views at once', async () => {
      const { id } = await app.ask(asker, category.id);
      await read(id);
      await read(id, other);
      expect((await read(id, asker)).viewCount).toBe(3); // the written count plus this instance's unwritten views
      expect(await app.viewCount(id)).toBe(0); // buffered: nothing is written by a read
      await app.flushViews();
      expect(await app.viewCount(id)).toBe(3);
      expect((await read(id, asker)).viewCount).toBe(4); // the three written and this one, not yet written
      expect(await app.count('question_views', 'question_id = $1', [id])).toBe(3);
      expect(await app.count('question_views', 'question_id = $1 AND by_asker', [id])).toBe(1);
    });

    it("gives a list row's and a search hit's text, and their accepted answer's, when asked: read apart from the row", async () => {
      const [first, second] = [await app.ask(asker, category.id, { title: 'Kestrel modem hums at night', body: 'It **hums** at night, every night.' }),
        await app.ask(asker, category.id, { title: 'Kestrel modem buzzes at night', body: 'It _buzzes_ too, every night.' })];
      const answer = await app.answer(other, first.id, 'Move it off the **shelf**, away from the TV.');
      expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();
      const text = `body bodyHtml acceptedAnswer { body bodyHtml }`;
      const { questions, search } = await app.ok<{
        questions: { edges: Array<{ node: Record<string, unknown> }> }; search: { edges: Array<{ node: { question: Record<string, unknown> } }> };
      }>(`query ($author: ID!) {
        questions(first: 2, orderBy: NEWEST, filter: { authorId: $author }) { edges { node { id ${text} } } }
        search(query: "kestrel modem", sort: NEWEST) { edges { node { question { id ${text} } } } }
      }`, { author: asker.id });
      const expected = [
        { id: second.id, body: 'It _buzzes_ too, every night.', bodyHtml: '<p>It <em>buzzes</em> too, every night.</p>\n', acceptedAnswer: null },
        { id: first.id, body: 'It **hums** at night, every night.', bodyHtml: '<p>It <strong>hums</strong> at night, every night.</p>\n',
          acceptedAnswer: { body: 'Move it off the **shelf**, away from the TV.', bodyHtml: '<p>Move it off the <strong>shelf</strong>, away from the TV.</p>\n' } },
      ];
      expect(questions.edges.map((edge) => edge.node)).toEqual(expected);
      expect(search.edges.map((edge) => edge.node.question)).toEqual(expected);
    });

    it.each(['999999', 'abc', '-1', '0'])('answers NOT_FOUND for the id %p', async (id) => {
      expectError(await app.gql(READ, { id }), 'NOT_FOUND');
    });
  });

  describe('editQuestion', () => {
    it("lets the author change title, body and tags, keeping the earlier version", async () => {
      const original = (await ask({ tags: ['wifi'] })).data!.askQuestion;
      app.clock.advance(60);

      const response = await edit({ id: original.id, title: 'Router drops Wi-Fi every evening at 8pm', body: 'It drops **every** evening.', tags: ['WiFi', 'evening'] }, asker);

      expect(response.errors).toBeUndefined();
      const edited = response.data!.editQuestion;
      expect(edited).toEqual({
        ...original,
        title: 'Router drops Wi-Fi every evening at 8pm',
        body: 'It drops **every** evening.',
        bodyHtml: '<p>It drops <strong>every</strong> evening.</p>\n',
        tags: ['wifi', 'evening'],
        updatedAt: expect.any(String),
        lastActivityAt: expect.any(String),
      });
      expect(Date.parse(edited.updatedAt) - Date.parse(original.updatedAt)).toBeGreaterThanOrEqual(60_000);
      expect(edited.lastActivityAt).toBe(edited.updatedAt);
      expect(await revisions(original.id)).toEqual([{ title: TITLE, body: BODY, tags: ['wifi'], editor_id: asker.id }]);
    });

    it('keeps the fields not given', async () => {
      const original = (await ask({ tags: ['dsl'] })).data!.askQuestion;
      const edited = (await edit({ id: original.id, body: `${BODY} Still happening.` }, asker)).data!.editQuestion;
      expect([edited.title, edited.body, edited.tags]).toEqual([TITLE, `${BODY} Still happening.`, ['dsl']]);
    });

    it('lets a moderator edit anyone\'s question, recording the moderator as editor', async () => {
      const { id } = await app.ask(asker, category.id);
      const response = await edit({ id, title: 'Moderator clarified the title', reason: 'Clearer title' }, moderator);
      expect(response.data!.editQuestion.title).toBe('Moderator clarified the title');
      expect((await revisions(id)).map((r) => r.editor_id)).toEqual([moderator.id]);
    });

    it.each(['MEMBER', 'STAFF', 'MANAGER'] as const)('is FORBIDDEN for a %s who did not ask, changing nothing', async (role) => {
      const intruder = role === 'MEMBER' ? other : await app.userWithRole(role);
      const original = (await ask({})).data!.askQuestion;

      expectError(await edit({ id: original.id, title: 'Hijacked title for sure' }, intruder), 'FORBIDDEN');

      expect((await read(original.id)).title).toBe(TITLE);
      expect(await revisions(original.id)).toEqual([]);
    });

    it('validates the result, keeping no revision of a refused edit', async () => {
      const { id } = await app.ask(asker, category.id);
      expectInvalid(await edit({ id, title: 'Short', tags: ['ok', 'no way'] }, asker), ['title', 'tags']);
      expect(await revisions(id)).toEqual([]);
    });

    it('refuses a title of only emoji, keeping the old title', async () => {
      const { id } = await app.ask(asker, category.id);
      expectInvalid(await edit({ id, title: '🔥'.repeat(12) }, asker), ['title']);
      expect((await read(id)).title).not.toBe('🔥'.repeat(12));
    });

    it('needs a session', async () => {
      const { id } = await app.ask(asker, category.id);
      expectError(await edit({ id, title: 'Anonymous edit attempt' }, {}), 'UNAUTHENTICATED');
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the id %p', async (id) => {
      expectError(await edit({ id, title: 'Editing nothing at all' }, moderator), 'NOT_FOUND');
    });
  });
});
