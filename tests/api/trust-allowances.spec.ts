import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

/**
 * What a trust level unlocks (TRUST_ALLOWANCES beside the capability table), enforced where the action is
 * taken: images (not for NEW members), retagging others' questions (REGULAR, LEADER), marking duplicates
 * (LEADER). Moderators keep what their role gives them.
 */
const ASK = `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id bodyHtml } }`;
const ANSWER = `mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id bodyHtml } }`;
const EDIT_QUESTION = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id title tags } }`;
const EDIT_ANSWER = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`;
const REVISIONS = `query ($id: ID!) { question(id: $id) { title tags revisions { editor { id } previousTags reason } } }`;
const MARK = `mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { id status duplicateOf { id } } }`;
const UNMARK = `mutation ($q: ID!) { unmarkDuplicate(questionId: $q) { id status duplicateOf { id } } }`;

const IMAGE = '![the status lights](https://images.example.com/lights.png)';
const NO_IMAGES = "New members can't show images yet: link to the picture instead.";

describe('trust level allowances', () => {
  let app: TestApp;
  let categoryId: string;
  let asker: TestUser;

  beforeAll(async () => {
    // RATE_LIMITS=off: one address makes this file's accounts; NEW_MEMBER_REVIEW_POSTS=0: a NEW member's posts are not held here (review.spec.ts).
    app = await TestApp.start({ RATE_LIMITS: 'off', NEW_MEMBER_REVIEW_POSTS: '0', IMAGE_HOSTS: 'images.example.com' });
    categoryId = (await app.category()).id;
    asker = await app.member();
  });
  afterAll(() => app?.close());

  const memberAt = async (level: 'NEW' | 'BASIC' | 'MEMBER' | 'REGULAR' | 'LEADER') => {
    const user = await app.member();
    if (level !== 'NEW') await app.setTrustLevel(user, level);
    return user;
  };
  const questionsBy = (user: TestUser) => app.count('questions', 'author_id = $1', [user.id]);
  const answersBy = (user: TestUser) => app.count('answers', 'author_id = $1', [user.id]);

  describe('images', () => {
    it('refuses a NEW member a question or answer that shows an image, on body, and writes nothing', async () => {
      const newcomer = await memberAt('NEW');
      const asked = await app.gql(ASK, { input: { categoryId, title: 'Which light means no signal on the hub?', body: `Mine looks like this: ${IMAGE}`, tags: [] } }, newcomer);
      expect(expectInvalid(asked, ['body'])).toEqual([{ field: 'body', message: NO_IMAGES }]);
      expect(await questionsBy(newcomer)).toBe(0);

      const question = (await app.ask(asker, categoryId)).id;
      expect(expectInvalid(await app.gql(ANSWER, { input: { questionId: question, body: `Yours should look like ${IMAGE}` } }, newcomer), ['body'])[0].message).toBe(NO_IMAGES);
      expect(await answersBy(newcomer)).toBe(0);

      // A link to the picture is fine, and so is an image from a host the deployment does not show (kept as a link).
      await app.ok(ANSWER, { input: { questionId: question, body: 'Mine looks like [this picture](https://images.example.com/lights.png).' } }, newcomer);
      await app.ok(ANSWER, { input: { questionId: question, body: 'Or ![this one](https://elsewhere.example.org/lights.png).' } }, newcomer);
      expect(await answersBy(newcomer)).toBe(2);
    });

    it('refuses a NEW member an edit that adds an image, and keeps the old body', async () => {
      const newcomer = await memberAt('NEW');
      const question = (await app.ask(newcomer, categoryId)).id;
      const edited = await app.gql(EDIT_QUESTION, { input: { id: question, body: `Now with a picture: ${IMAGE}` } }, newcomer);
      expect(expectInvalid(edited, ['body'])[0].message).toBe(NO_IMAGES);
      const answer = (await app.answer(newcomer, (await app.ask(asker, categoryId)).id)).id;
      expect(expectInvalid(await app.gql(EDIT_ANSWER, { input: { id: answer, body: `See ${IMAGE}` } }, newcomer), ['body'])[0].message).toBe(NO_IMAGES);
      expect(await app.db.query(`SELECT body_html LIKE '%<img%' AS image FROM questions WHERE id = $1`, [question])).toEqual([{ image: false }]);
      expect(await app.count('post_revisions', `post_type = 'QUESTION' AND post_id = $1`, [question])).toBe(0);
    });

    it('lets a BASIC member and a NEW employee (staff) show an image', async () => {
      const basic = await memberAt('BASIC');
      const asked = await app.ok<{ askQuestion: { bodyHtml: string } }>(ASK, { input: { categoryId, title: 'Which light means no signal on the hub?', body: `Mine looks like this: ${IMAGE}`, tags: [] } }, basic);
      expect(asked.askQuestion.bodyHtml).toContain('<img src="https://images.example.com/lights.png"');

      const employee = await app.userWithRole('STAFF');
      const answered = await app.ok<{ postAnswer: { bodyHtml: string } }>(ANSWER, { input: { questionId: (await app.ask(asker, categoryId)).id, body: `It should look like ${IMAGE}` } }, employee);
      expect(answered.postAnswer.bodyHtml).toContain('<img');
    });
  });

  describe("editing others' tags", () => {
    it('lets a REGULAR member retag someone else\'s question with a reason, kept in the revision, not in the audit log', async () => {
      const regular = await memberAt('REGULAR');
      const question = (await app.ask(asker, categoryId, { tags: ['router'] })).id;
      expectInvalid(await app.gql(EDIT_QUESTION, { input: { id: question, tags: ['broadband', 'router'] } }, regular), ['reason']);

      const edited = await app.ok<{ editQuestion: { tags: string[] } }>(EDIT_QUESTION, { input: { id: question, tags: ['broadband', 'router'], reason: 'It is about the broadband line' } }, regular);
      expect(edited.editQuestion.tags).toEqual(['broadband', 'router']);
      const read = (await app.ok<{ question: { tags: string[]; revisions: unknown[] } }>(REVISIONS, { id: question })).question;
      expect(read.revisions).toEqual([{ editor: { id: regular.id }, previousTags: ['router'], reason: 'It is about the broadband line' }]);
      // As on Discourse, a member's retagging shows in the post's history only; the audit log is the moderators' and admins' actions.
      expect(await app.count('audit_log', `target_type = 'QUESTION' AND target_id = $1`, [question])).toBe(0);

      // The same title sent back with the tags is no change to the title.
      const title = (await app.ok<{ question: { title: string } }>(REVISIONS, { id: question })).question.title;
      await app.ok(EDIT_QUESTION, { input: { id: question, title, tags: ['broadband'], reason: 'One tag is enough' } }, regular);
    });

    it('refuses a REGULAR member the title or body of someone else\'s question, and a MEMBER even the tags', async () => {
      const regular = await memberAt('REGULAR');
      const member = await memberAt('MEMBER');
      const question = (await app.ask(asker, categoryId, { tags: ['router'] })).id;
      const retitled = expectError(await app.gql(EDIT_QUESTION, { input: { id: question, title: 'Router drops every evening at 8pm', reason: 'Clearer' } }, regular), 'FORBIDDEN');
      expect(retitled.message).toContain('only the tags');
      expectError(await app.gql(EDIT_QUESTION, { input: { id: question, body: 'Something else entirely, written by someone else.', tags: ['wifi'], reason: 'Clearer' } }, regular), 'FORBIDDEN');
      const retagged = expectError(await app.gql(EDIT_QUESTION, { input: { id: question, tags: ['wifi'], reason: 'Wifi' } }, member), 'FORBIDDEN');
      expect(retagged.message).toBe('Only the author, or a moderator, can edit this post.');
      expect((await app.ok<{ question: { tags: string[]; revisions: unknown[] } }>(REVISIONS, { id: question })).question).toMatchObject({ tags: ['router'], revisions: [] });
    });

    it('still audits a moderator\'s edit of someone else\'s question', async () => {
      const moderator = await app.userWithRole('MODERATOR');
      const question = (await app.ask(asker, categoryId, { tags: ['router'] })).id;
      await app.ok(EDIT_QUESTION, { input: { id: question, tags: ['wifi'], reason: 'Wifi' } }, moderator);
      expect(await app.db.query(`SELECT actor_id::text, action FROM audit_log WHERE target_type = 'QUESTION' AND target_id = $1`, [question]))
        .toEqual([{ actor_id: moderator.id, action: 'QUESTION_EDITED' }]);
    });
  });

  describe('closing duplicates', () => {
    it('refuses a MEMBER and a REGULAR member, and changes nothing', async () => {
      const original = (await app.ask(asker, categoryId)).id;
      const duplicate = (await app.ask(asker, categoryId)).id;
      for (const level of ['MEMBER', 'REGULAR'] as const) {
        const refused = expectError(await app.gql(MARK, { q: duplicate, o: original }, await memberAt(level)), 'FORBIDDEN');
        expect(refused.message).toContain('leaders');
      }
      expectError(await app.gql(MARK, { q: duplicate, o: original }), 'UNAUTHENTICATED');
      expect(await app.db.query(`SELECT status, duplicate_of FROM questions WHERE id = $1`, [duplicate])).toEqual([{ status: 'OPEN', duplicate_of: null }]);
      expect(await app.count('audit_log', `target_type = 'QUESTION' AND target_id = $1`, [duplicate])).toBe(0);
    });

    it('lets a LEADER member mark a duplicate and take the mark off, each audited; a REGULAR may not unmark', async () => {
      const leader = await memberAt('LEADER');
      const original = (await app.ask(asker, categoryId)).id;
      const duplicate = (await app.ask(asker, categoryId)).id;
      const marked = (await app.ok<{ markDuplicate: unknown }>(MARK, { q: duplicate, o: original }, leader)).markDuplicate;
      expect(marked).toEqual({ id: duplicate, status: 'CLOSED', duplicateOf: { id: original } });
      expectError(await app.gql(UNMARK, { q: duplicate }, await memberAt('REGULAR')), 'FORBIDDEN');

      expect((await app.ok<{ unmarkDuplicate: unknown }>(UNMARK, { q: duplicate }, leader)).unmarkDuplicate).toEqual({ id: duplicate, status: 'OPEN', duplicateOf: null });
      expect(await app.db.query(`SELECT actor_id::text, action FROM audit_log WHERE target_type = 'QUESTION' AND target_id = $1 ORDER BY id`, [duplicate])).toEqual([
        { actor_id: leader.id, action: 'QUESTION_MARKED_DUPLICATE' },
        { actor_id: leader.id, action: 'QUESTION_UNMARKED_DUPLICATE' },
      ]);
    });

    it('keeps merging a duplicate\'s answers for moderators', async () => {
      const leader = await memberAt('LEADER');
      const original = (await app.ask(asker, categoryId)).id;
      const duplicate = (await app.ask(asker, categoryId)).id;
      await app.answer(await app.member(), duplicate);
      await app.ok(MARK, { q: duplicate, o: original }, leader);
      expectError(await app.gql(`mutation ($q: ID!) { mergeDuplicateAnswers(questionId: $q) { id } }`, { q: duplicate }, leader), 'FORBIDDEN');
    });
  });

  it('tells each viewer what the question page may offer them: retagging and marking a duplicate', async () => {
    const VIEWER_CAN = `query ($id: ID!) { question(id: $id) { viewerCanEdit viewerCanRetag viewerCanMarkDuplicate } }`;
    const questionId = (await app.ask(asker, categoryId)).id;
    const offered = async (viewer?: TestUser) => (await app.ok<{ question: object }>(VIEWER_CAN, { id: questionId }, viewer ?? {})).question;
    const suspendedLeader = await memberAt('LEADER');
    await app.db.query(`UPDATE users SET suspended_until = $2, suspension_reason = 'Testing.' WHERE id = $1`,
      [suspendedLeader.id, new Date(app.clock.now().getTime() + 86_400_000)]);

    expect(await offered()).toEqual({ viewerCanEdit: false, viewerCanRetag: false, viewerCanMarkDuplicate: false });
    expect(await offered(await memberAt('MEMBER'))).toEqual({ viewerCanEdit: false, viewerCanRetag: false, viewerCanMarkDuplicate: false });
    expect(await offered(await memberAt('REGULAR'))).toEqual({ viewerCanEdit: false, viewerCanRetag: true, viewerCanMarkDuplicate: false });
    expect(await offered(await memberAt('LEADER'))).toEqual({ viewerCanEdit: false, viewerCanRetag: true, viewerCanMarkDuplicate: true });
    expect(await offered(suspendedLeader)).toEqual({ viewerCanEdit: false, viewerCanRetag: false, viewerCanMarkDuplicate: false });
    expect(await offered(asker)).toEqual({ viewerCanEdit: true, viewerCanRetag: true, viewerCanMarkDuplicate: false });
    expect(await offered(await app.userWithRole('MODERATOR'))).toEqual({ viewerCanEdit: true, viewerCanRetag: true, viewerCanMarkDuplicate: true });
  });
});
