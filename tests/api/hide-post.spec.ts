import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// A moderator hides a post by hand and restores it (hidePost / restorePost): out of lists and search for others,
// the author told why, an open review item decided with it, audited; and a member's moderation record.

const QUESTION = `query ($id: ID!) { question(id: $id) {
  id answerCount moderation { state reason }
  answers { id moderation { state reason } }
  comments { id moderation { state } }
} }`;
const LIST = `query ($c: ID!) { questions(filter: { categoryId: $c }, first: 50) { edges { node { id } } } }`;
const SEARCH = `query ($q: String!) { search(query: $q) { edges { node { question { id } } } } }`;
const HIDE = `mutation ($t: FlagTargetType!, $id: ID!, $r: String!) { hidePost(targetType: $t, id: $id, reason: $r) { targetType targetId questionId state } }`;
const RESTORE = `mutation ($t: FlagTargetType!, $id: ID!) { restorePost(targetType: $t, id: $id) { targetType targetId questionId state } }`;
const FLAG = `mutation ($input: FlagInput!) { flag(input: $input) { id } }`;
const RECORD = `query ($id: ID!) { user(id: $id) { id moderationRecord { questions answers comments flagsReceived flagsUpheld flagsDeclined postsHeld postsRemoved } } }`;

describe('hiding and restoring a post by hand', () => {
  let app: TestApp;
  let moderator: TestUser;
  let author: TestUser;
  let reader: TestUser;
  let categoryId: string;

  const listed = async () => (await app.ok<{ questions: { edges: Array<{ node: { id: string } }> } }>(LIST, { c: categoryId }, reader)).questions.edges.map((e) => e.node.id);
  const searched = async (q: string) => (await app.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(SEARCH, { q }, reader)).search.edges.map((e) => e.node.question.id);
  const told = (user: TestUser) => app.db.query(
    `SELECT payload->>'message' AS message, payload->>'outcome' AS outcome FROM notifications WHERE user_id = $1 AND kind = 'POST_MODERATED' ORDER BY id`, [user.id]);
  const audit = (targetType: string, targetId: string) => app.db.query(
    `SELECT actor_id::text AS actor, action, before, after, reason FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY id`, [targetType, targetId]);

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres', NEW_MEMBER_REVIEW_POSTS: '0', FLAG_HIDE_THRESHOLD: '100' });
    moderator = await app.userWithRole('MODERATOR');
    author = await app.member('Author');
    reader = await app.member('Reader');
    categoryId = (await app.category()).id;
  });
  afterAll(() => app?.close());

  it('hides a question from everyone but its author and the moderators, tells the author why, and restores it', async () => {
    const id = (await app.ask(author, categoryId, { title: 'Porting my number keeps failing' })).id;
    expect(await listed()).toContain(id);
    expect(await searched('porting number')).toEqual([id]);

    const hidden = await app.ok<{ hidePost: unknown }>(HIDE, { t: 'QUESTION', id, r: 'Advertises a porting service.' }, moderator);
    expect(hidden.hidePost).toEqual({ targetType: 'QUESTION', targetId: id, questionId: id, state: 'HIDDEN' });
    expect(await listed()).not.toContain(id);
    expect(await searched('porting number')).toEqual([]);
    expectError(await app.gql(QUESTION, { id }, reader), 'NOT_FOUND');
    expect((await app.ok<{ question: any }>(QUESTION, { id }, author)).question.moderation).toEqual({ state: 'HIDDEN', reason: 'Advertises a porting service.' });
    // No review item was decided, so there is nothing to ask a second look on, and the author is not offered one.
    expect(await told(author)).toEqual([{ outcome: 'HIDDEN', message: expect.stringMatching(/Advertises a porting service\.$/) }]);
    // Twice is a conflict; restoring a visible post too.
    expectError(await app.gql(HIDE, { t: 'QUESTION', id, r: 'again' }, moderator), 'CONFLICT');

    const restored = await app.ok<{ restorePost: unknown }>(RESTORE, { t: 'QUESTION', id }, moderator);
    expect(restored.restorePost).toMatchObject({ state: 'VISIBLE' });
    expect(await listed()).toContain(id);
    expect(await searched('porting number')).toEqual([id]);
    expect((await told(author)).map((n: { outcome: string }) => n.outcome)).toEqual(['HIDDEN', 'RESTORED']);
    expectError(await app.gql(RESTORE, { t: 'QUESTION', id }, moderator), 'CONFLICT');

    expect(await audit('QUESTION', id)).toEqual([
      { actor: moderator.id, action: 'POST_HIDDEN', before: { state: 'VISIBLE', reason: null }, after: { state: 'HIDDEN' }, reason: 'Advertises a porting service.' },
      { actor: moderator.id, action: 'POST_RESTORED', before: { state: 'HIDDEN', reason: 'Advertises a porting service.' }, after: { state: 'VISIBLE' }, reason: null },
    ]);
  });

  it('hides an answer (the count follows) and a comment, and decides an open review item with the hide', async () => {
    const questionId = (await app.ask(reader, categoryId)).id;
    const answerId = (await app.answer(author, questionId)).id;
    const commentId = (await app.ok<{ postComment: { id: string } }>(
      `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`, { input: { targetType: 'QUESTION', targetId: questionId, body: 'Buy cheap unlock codes here' } }, author)).postComment.id;
    await app.ok(FLAG, { input: { targetType: 'COMMENT', targetId: commentId, reason: 'SPAM' } }, reader);
    expect(await app.count('review_items', `target_type = 'COMMENT' AND target_id = $1 AND state = 'OPEN'`, [commentId])).toBe(1);

    await app.ok(HIDE, { t: 'ANSWER', id: answerId, r: 'Copied from another site.' }, moderator);
    await app.ok(HIDE, { t: 'COMMENT', id: commentId, r: 'Spam.' }, moderator);
    const thread = (await app.ok<{ question: any }>(QUESTION, { id: questionId }, reader)).question;
    expect([thread.answerCount, thread.answers, thread.comments]).toEqual([0, [], []]);
    // The flagged comment's item is decided (HIDE, by the moderator) and the flag upheld: the queue no longer offers it.
    expect(await app.db.query(`SELECT state, decision, decision_note AS note, decided_by::text AS by FROM review_items WHERE target_type = 'COMMENT' AND target_id = $1`, [commentId]))
      .toEqual([{ state: 'RESOLVED', decision: 'HIDE', note: 'Spam.', by: moderator.id }]);
    expect(await app.db.query(`SELECT outcome FROM flags WHERE target_type = 'COMMENT' AND target_id = $1`, [commentId])).toEqual([{ outcome: 'UPHELD' }]);
    // That decided item is what the author may ask a second look on, and is told so.
    expect((await told(author)).filter((n: { message: string }) => n.message.includes('comment on'))).toEqual([
      { outcome: 'HIDDEN', message: expect.stringMatching(/Spam\. You can ask for a second look once\.$/) },
    ]);
    const [entry] = await audit('COMMENT', commentId);
    expect(entry).toMatchObject({ action: 'POST_HIDDEN', before: { state: 'VISIBLE', questionId }, after: { state: 'HIDDEN', reviewItemId: expect.any(String) }, reason: 'Spam.' });
    expect((await audit('ANSWER', answerId))[0]).toMatchObject({ action: 'POST_HIDDEN', before: { questionId }, reason: 'Copied from another site.' });

    await app.ok(RESTORE, { t: 'ANSWER', id: answerId }, moderator);
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId }, reader)).question.answerCount).toBe(1);

    // The author's record, as a moderator reads it: one flag received and upheld, one post removed after review.
    const record = (await app.ok<{ user: any }>(RECORD, { id: author.id }, moderator)).user.moderationRecord;
    expect(record).toEqual({ questions: 1, answers: 1, comments: 1, flagsReceived: 1, flagsUpheld: 1, flagsDeclined: 0, postsHeld: 0, postsRemoved: 1 });
  });

  it('refuses members and staff, needs a reason, and keeps the moderation record from anyone but moderators and admins', async () => {
    const id = (await app.ask(author, categoryId)).id;
    for (const who of [reader, await app.userWithRole('STAFF')]) {
      expectError(await app.gql(HIDE, { t: 'QUESTION', id, r: 'no' }, who), 'FORBIDDEN');
      expectError(await app.gql(RESTORE, { t: 'QUESTION', id }, who), 'FORBIDDEN');
      expect((await app.ok<{ user: any }>(RECORD, { id: author.id }, who)).user.moderationRecord).toBeNull();
    }
    expect((await app.ok<{ user: any }>(RECORD, { id: author.id }, author)).user.moderationRecord).toBeNull();
    expectInvalid(await app.gql(HIDE, { t: 'QUESTION', id, r: '  ' }, moderator), ['reason']);
    expectError(await app.gql(HIDE, { t: 'ANSWER', id: '999999', r: 'Spam.' }, moderator), 'NOT_FOUND');
    expect((await app.ok<{ user: any }>(RECORD, { id: author.id }, await app.admin())).user.moderationRecord).toMatchObject({ questions: 2 });
  });
});
