import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// @mentions (`@Name#id`, packages/domain/src/mentions.ts) in questions, answers and comments notify the member
// named, once the post is visible; the editor's autocomplete asks mentionSuggestions.

const COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
const SUGGEST = `query ($prefix: String!, $questionId: ID) { mentionSuggestions(prefix: $prefix, questionId: $questionId) { userId displayName token } }`;
const QUEUE = `query { reviewQueue(first: 50) { edges { node { id targetId } } } }`;
const RESOLVE = `mutation ($id: ID!) { resolveReview(id: $id, action: APPROVE) { id } }`;

describe('@mentions', () => {
  let app: TestApp;
  let categoryId: string;
  let asker: TestUser;
  let helper: TestUser;
  let mentioned: TestUser;
  let moderator: TestUser;
  let n = 0;

  /** A member past NEW: this file holds a NEW member's first post for review (NEW_MEMBER_REVIEW_POSTS=1). */
  const regular = async (name?: string) => {
    const user = await app.member(name);
    await app.db.query(`UPDATE users SET trust_level = 'MEMBER' WHERE id = $1`, [user.id]);
    return user;
  };
  const token = (user: TestUser) => `@${user.displayName.replace(/ /g, '_')}#${user.id}`;
  const ask = async (by: TestUser, body = 'Every evening around 8pm the connection drops for a minute.') =>
    (await app.ask(by, categoryId, { title: `Router number ${++n} keeps dropping`, body })).id;
  const comment = async (by: TestUser, targetType: 'QUESTION' | 'ANSWER', targetId: string, body: string) =>
    (await app.ok<{ postComment: { id: string } }>(COMMENT, { input: { targetType, targetId, body } }, by)).postComment.id;
  const notes = (user: TestUser, questionId: string) => app.db.query(
    `SELECT kind, actor_id::text AS actor, payload->>'message' AS message FROM notifications WHERE user_id = $1 AND question_id = $2 ORDER BY id`,
    [user.id, questionId],
  );
  const approve = async (targetId: string) => {
    const { reviewQueue } = await app.ok<{ reviewQueue: { edges: Array<{ node: { id: string; targetId: string } }> } }>(QUEUE, {}, moderator);
    await app.ok(RESOLVE, { id: reviewQueue.edges.find((e) => e.node.targetId === targetId)!.node.id }, moderator);
  };

  beforeAll(async () => {
    app = await TestApp.start({
      NEW_MEMBER_REVIEW_POSTS: '1',
      RATE_LIMIT_RULES: 'register.ip=1000/1h,search.account=5/1m,search.ip=1000/1m,ask.account=1000/1h,comment.account=1000/1h',
    });
    categoryId = (await app.category()).id;
    asker = await regular('Asker');
    helper = await regular('Helper');
    mentioned = await regular('Ann Lee');
    moderator = await app.userWithRole('MODERATOR');
  });
  afterAll(() => app?.close());

  it('notifies a member mentioned in a question, an answer or a comment, with who and where', async () => {
    const questionId = await ask(asker, `Same as ${token(mentioned)} reported last week, the router drops.`);
    const answerId = (await app.answer(helper, questionId, `${token(mentioned)} fixed it with a firmware update.`)).id;
    await comment(helper, 'ANSWER', answerId, `Did that work for you, ${token(mentioned)}?`);

    expect(await notes(mentioned, questionId)).toEqual([
      { kind: 'MENTIONED', actor: asker.id, message: expect.stringMatching(/^Asker mentioned you in the question “Router number \d+ keeps dropping”\.$/) },
      { kind: 'MENTIONED', actor: helper.id, message: expect.stringMatching(/^Helper mentioned you in an answer to “.+”\.$/) },
      { kind: 'MENTIONED', actor: helper.id, message: expect.stringMatching(/^Helper mentioned you in a comment on “.+”\.$/) },
    ]);
  });

  it('never notifies the author of their own mention, nor anyone for mentions in code or of unknown ids', async () => {
    const questionId = await ask(asker);
    await comment(helper, 'QUESTION', questionId, `Me: ${token(helper)}. Code: \`${token(mentioned)}\`. Nobody: @Ghost#999999999. Mail ann@example.com#${mentioned.id}`);
    expect(await notes(helper, questionId)).toEqual([]);
    expect(await notes(mentioned, questionId)).toEqual([]);
    expect((await notes(asker, questionId)).map((r: { kind: string }) => r.kind)).toEqual(['COMMENT_POSTED']);
  });

  it('tells the post author who is also mentioned once, as the post author', async () => {
    const questionId = await ask(asker);
    await comment(helper, 'QUESTION', questionId, `${token(asker)}, which model is it? ${token(asker)}`);
    expect((await notes(asker, questionId)).map((r: { kind: string }) => r.kind)).toEqual(['COMMENT_POSTED']);
  });

  it('notifies at most LIMITS.mentionsPerPost members for one post', async () => {
    const crowd = await Promise.all(Array.from({ length: 11 }, (_, i) => regular(`Crowd ${i}`)));
    const questionId = await ask(asker);
    await comment(helper, 'QUESTION', questionId, crowd.map(token).join(' '));
    const told = await app.count('notifications', `question_id = $1 AND kind = 'MENTIONED'`, [questionId]);
    expect(told).toBe(10);
    expect(await notes(crowd[10], questionId)).toEqual([]);
  });

  it('waits while the post is held for review, and notifies once it is approved', async () => {
    const newcomer = await app.member('Newcomer');
    const questionId = await ask(asker);
    const commentId = await comment(newcomer, 'QUESTION', questionId, `I have this too, ${token(mentioned)} knows.`);
    expect(await notes(mentioned, questionId)).toEqual([]);
    expect(await notes(asker, questionId)).toEqual([]);

    await approve(commentId);

    expect((await notes(mentioned, questionId)).map((r: { kind: string }) => r.kind)).toEqual(['MENTIONED']);
    expect((await notes(asker, questionId)).map((r: { message: string }) => r.message)).toEqual([expect.stringMatching(/^Newcomer commented on your question/)]);
  });

  it('notifies only the members an edit of a question or an answer adds, and nobody for a held post', async () => {
    const added = await regular('Bo Added');
    const questionId = await ask(asker, `Same as ${token(mentioned)} reported.`);
    const answerId = (await app.answer(helper, questionId, 'Try a factory reset of the router, then re-pair.')).id;
    await app.ok(`mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`,
      { input: { id: questionId, body: `Same as ${token(mentioned)} reported; ${token(added)} too.` } }, asker);
    await app.ok(`mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`,
      { input: { id: answerId, body: `Try a factory reset, as ${token(mentioned)} did.` } }, helper);
    expect((await notes(mentioned, questionId)).map((r: { actor: string; message: string }) => [r.actor, r.message])).toEqual([
      [asker.id, expect.stringMatching(/^Asker mentioned you in the question/)],
      [helper.id, expect.stringMatching(/^Helper mentioned you in an answer to/)],
    ]);
    expect((await notes(added, questionId)).map((r: { kind: string; actor: string }) => [r.kind, r.actor])).toEqual([['MENTIONED', asker.id]]);

    // A newcomer's held answer, edited before approval: its mentions notify once, when it is published.
    const newcomer = await app.member('Held Newcomer');
    const heldId = (await app.answer(newcomer, questionId, 'A factory reset fixed mine, honestly.')).id;
    await app.ok(`mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`,
      { input: { id: heldId, body: `A factory reset fixed mine, ask ${token(added)}.` } }, newcomer);
    expect(await notes(added, questionId)).toHaveLength(1);
    await approve(heldId);
    expect((await notes(added, questionId)).map((r: { actor: string }) => r.actor)).toEqual([asker.id, newcomer.id]);
  });

  it('notifies only the members an edit of a comment adds, and nobody while the edited comment is held', async () => {
    const added = await regular('Cy Added');
    const questionId = await ask(asker);
    const commentId = await comment(helper, 'QUESTION', questionId, `Same here, ${token(mentioned)} saw it too.`);
    const EDIT = `mutation ($input: EditCommentInput!) { editComment(input: $input) { id } }`;
    await app.ok(EDIT, { input: { id: commentId, body: `Same here, ${token(mentioned)} and ${token(added)} saw it too.` } }, helper);
    await app.ok(EDIT, { input: { id: commentId, body: `Same here, ${token(mentioned)} and ${token(added)} saw it too, twice.` } }, helper);
    expect((await notes(mentioned, questionId)).map((r: { kind: string }) => r.kind)).toEqual(['MENTIONED']);
    expect((await notes(added, questionId)).map((r: { actor: string; message: string }) => [r.actor, r.message]))
      .toEqual([[helper.id, expect.stringMatching(/^Helper mentioned you in a comment on “Router number \d+ keeps dropping”\.$/)]]);

    // A newcomer's held comment, edited before approval: its mentions notify once, when it is published.
    const newcomer = await app.member('Held Commenter');
    const heldId = await comment(newcomer, 'QUESTION', questionId, 'Mine drops at 8pm as well.');
    await app.ok(EDIT, { input: { id: heldId, body: `Mine drops at 8pm as well, ask ${token(added)}.` } }, newcomer);
    expect(await notes(added, questionId)).toHaveLength(1);
    await approve(heldId);
    expect((await notes(added, questionId)).map((r: { actor: string }) => r.actor)).toEqual([helper.id, newcomer.id]);
  });

  describe('mentionSuggestions', () => {
    const suggest = async (by: TestUser, prefix: string, questionId?: string) =>
      (await app.ok<{ mentionSuggestions: Array<{ userId: string; displayName: string; token: string }> }>(SUGGEST, { prefix, questionId }, by)).mentionSuggestions;

    it("offers members by the start of their name or of a word of it, the thread's participants first, never the viewer", async () => {
      const stranger = await regular('Annabel Stone');
      const participant = await regular('Anton Weiss');
      const questionId = await ask(asker);
      await comment(participant, 'QUESTION', questionId, 'Which router is it?');

      const offered = await suggest(asker, 'an', questionId);
      expect(offered[0]).toEqual({ userId: participant.id, displayName: 'Anton Weiss', token: `@Anton_Weiss#${participant.id}` });
      expect(offered.map((s) => s.userId)).toEqual(expect.arrayContaining([stranger.id, mentioned.id]));
      expect(offered.length).toBeLessThanOrEqual(6);
      expect((await suggest(asker, 'lee')).map((s) => s.userId)).toContain(mentioned.id);
      expect((await suggest(asker, 'Ann_L')).map((s) => s.userId)).toEqual([mentioned.id]);
      expect((await suggest(asker, 'ask')).map((s) => s.userId)).not.toContain(asker.id);
      expect(await suggest(asker, '%')).toEqual([]);
    });

    it('needs a session, checks its input and is rate limited like search', async () => {
      expectError(await app.gql(SUGGEST, { prefix: 'an' }), 'UNAUTHENTICATED');
      const typist = await regular();
      expectInvalid(await app.gql(SUGGEST, { prefix: 'a'.repeat(51) }, typist), ['prefix']);
      expectInvalid(await app.gql(SUGGEST, { prefix: 'an', questionId: 'x' }, typist), ['questionId']);
      for (let i = 0; i < 3; i++) await suggest(typist, 'an');
      expectError(await app.gql(SUGGEST, { prefix: 'an' }, typist), 'RATE_LIMITED');
    });
  });
});
