import { conflict } from '@peerdesk/domain';
import { DomainEvents, type DomainEvent } from '../../apps/api/src/common/domain-events';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Comments on questions and answers: posting, listing, editing, deleting, and the event staff work reacts to.

const COMMENT_FIELDS = `id targetType targetId questionId body bodyHtml authorKind createdAt updatedAt author { id isEmployee }`;
const POST = `mutation ($input: PostCommentInput!) { postComment(input: $input) { ${COMMENT_FIELDS} } }`;
const EDIT = `mutation ($input: EditCommentInput!) { editComment(input: $input) { ${COMMENT_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteComment(id: $id) }`;
const THREAD = `query ($id: ID!) {
  question(id: $id) {
    id lastActivityAt
    comments { id body authorKind author { id isEmployee } }
    answers { id comments { id body authorKind author { id isEmployee } } }
  }
}`;

interface ListedComment {
  id: string;
  body: string;
  authorKind: string;
  author: { id: string; isEmployee: boolean };
}
interface Thread {
  id: string;
  lastActivityAt: string;
  comments: ListedComment[];
  answers: Array<{ id: string; comments: ListedComment[] }>;
}

const BODY = 'Did you try turning off the 5GHz band?';

describe('comments', () => {
  let app: TestApp;
  let categoryId: string;
  let asker: TestUser;
  let helper: TestUser;
  let bystander: TestUser;
  let moderator: TestUser;
  let staff: TestUser;
  const events: DomainEvent[] = [];

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    // The escalation and notification modules subscribe the same way; this one just records.
    app.provider(DomainEvents).subscribe({ handle: async (_em, event) => { events.push(event); } });
    ({ categoryId, asker, helper, bystander, moderator, staff } = await app.threadCast());
  });
  afterAll(async () => { await app.close(); });

  const thread = async (id: string): Promise<Thread> => (await app.ok<{ question: Thread }>(THREAD, { id })).question;
  const question = async () => (await app.ask(asker, categoryId)).id;
  const post = (author: TestUser | undefined, targetType: 'QUESTION' | 'ANSWER', targetId: string, body = BODY) =>
    app.gql(POST, { input: { targetType, targetId, body } }, author ?? {});
  const comment = async (author: TestUser, targetType: 'QUESTION' | 'ANSWER', targetId: string, body = BODY) => {
    const response = await post(author, targetType, targetId, body);
    expect(response.errors).toBeUndefined();
    return response.data!.postComment as { id: string; questionId: string; createdAt: string; updatedAt: string; body: string; bodyHtml: string };
  };
  const row = async (id: string) =>
    (await app.db.query(`SELECT body, deleted_at IS NOT NULL AS deleted, deleted_by::text FROM comments WHERE id = $1`, [id]))[0];

  describe('postComment', () => {
    it('comments on a question, marks the thread active and tells the other modules', async () => {
      const questionId = await question();
      app.clock.advance(5);
      events.length = 0;

      const response = await post(helper, 'QUESTION', questionId, 'Which **router** model?');

      expect(response.errors).toBeUndefined();
      const posted = response.data!.postComment;
      expect(posted).toEqual({
        id: expect.stringMatching(/^\d+$/), targetType: 'QUESTION', targetId: questionId, questionId,
        body: 'Which **router** model?', bodyHtml: '<p>Which <strong>router</strong> model?</p>\n', authorKind: 'PEER',
        createdAt: expect.any(String), updatedAt: posted.createdAt, author: { id: helper.id, isEmployee: false },
      });
      expect((await thread(questionId)).lastActivityAt).toBe(posted.createdAt);
      expect(events).toEqual([{
        type: 'comment.posted', questionId, commentId: posted.id, authorId: helper.id, authorKind: 'PEER', at: new Date(posted.createdAt),
      }]);
    });

    it("comments on an answer, belonging to the answer's question", async () => {
      const questionId = await question();
      const answerId = (await app.answer(helper, questionId)).id;

      const posted = await comment(asker, 'ANSWER', answerId, 'That fixed it, thanks!');

      expect(posted).toMatchObject({ targetType: 'ANSWER', targetId: answerId, questionId, authorKind: 'PEER' });
      expect((await thread(questionId)).lastActivityAt).toBe(posted.createdAt);
      expect(events.at(-1)).toMatchObject({ type: 'comment.posted', questionId, commentId: posted.id, authorId: asker.id });
    });

    it('writes nothing when a reaction to the event fails: the event is part of the transaction', async () => {
      const questionId = await question();
      const failing = { handle: async (_em: unknown, event: DomainEvent) => { if (event.type === 'comment.posted') throw conflict('A reaction refused this.'); } };
      app.provider(DomainEvents).subscribe(failing);
      try {
        expectError(await post(helper, 'QUESTION', questionId), 'CONFLICT');
      } finally {
        app.provider(DomainEvents).unsubscribe(failing);
      }
      expect(await app.count('comments', 'question_id = $1', [questionId])).toBe(0);
    });

    it('renders Markdown to sanitized HTML', async () => {
      const questionId = await question();
      const posted = await comment(helper, 'QUESTION', questionId, 'See <script>alert(1)</script> [this](javascript:alert(1)) <img src=x onerror=alert(1)> [docs](https://example.com)');
      expect(posted.bodyHtml).not.toMatch(/<script|javascript:|onerror/i);
      expect(posted.bodyHtml).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer">docs</a>');
    });

    it.each([
      ['an empty body', '   ', 'Comment is required.'],
      ['a one-character body', ' ? ', 'Comment must be between 2 and 2000 characters (it has 1).'],
      ['a body over 2000 characters', 'x'.repeat(2001), 'Comment must be between 2 and 2000 characters (it has 2001).'],
    ])('refuses %s, writing nothing', async (_what, body, message) => {
      const questionId = await question();
      expect(expectInvalid(await post(helper, 'QUESTION', questionId, body), ['body'])).toEqual([{ field: 'body', message }]);
      expect(await app.count('comments', 'question_id = $1', [questionId])).toBe(0);
    });

    it('needs a session', async () => {
      const questionId = await question();
      expectError(await post(undefined, 'QUESTION', questionId), 'UNAUTHENTICATED');
      expect(await app.count('comments', 'question_id = $1', [questionId])).toBe(0);
    });

    it('answers NOT_FOUND for a deleted answer, writing nothing', async () => {
      const questionId = await question();
      const answerId = (await app.answer(helper, questionId)).id;
      await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answerId }, helper);

      expectError(await post(asker, 'ANSWER', answerId), 'NOT_FOUND');
      expect(await app.count('comments', 'question_id = $1', [questionId])).toBe(0);
    });

    it.each([['QUESTION', 'abc'], ['QUESTION', '999999'], ['ANSWER', 'abc'], ['ANSWER', '0'], ['ANSWER', '999999']])(
      'answers NOT_FOUND for the %s id %p', async (targetType, targetId) => {
        expectError(await post(helper, targetType as 'QUESTION' | 'ANSWER', targetId), 'NOT_FOUND');
      });

    it('answers NOT_FOUND in a deleted thread, on the question and on its answers', async () => {
      const questionId = await question();
      const answerId = (await app.answer(helper, questionId)).id;
      await app.db.query(`UPDATE questions SET deleted_at = now() WHERE id = $1`, [questionId]);
      expectError(await post(helper, 'QUESTION', questionId), 'NOT_FOUND');
      expectError(await post(helper, 'ANSWER', answerId), 'NOT_FOUND');
    });

    it('is refused with CONFLICT on a closed question, on the question and on its answers', async () => {
      const questionId = await question();
      const answerId = (await app.answer(helper, questionId)).id;
      await app.db.query(`UPDATE questions SET status = 'CLOSED' WHERE id = $1`, [questionId]);

      expectError(await post(helper, 'QUESTION', questionId), 'CONFLICT');
      expectError(await post(asker, 'ANSWER', answerId), 'CONFLICT');
      expect(await app.count('comments', 'question_id = $1', [questionId])).toBe(0);
    });
  });

  describe('Question.comments and Answer.comments', () => {
    it("lists each post's live comments oldest first, with author and the kind fixed when written", async () => {
      const questionId = await question();
      const [a1, a2] = [(await app.answer(helper, questionId)).id, (await app.answer(bystander, questionId)).id];
      const ids: Record<string, string> = {};
      const steps: Array<[string, TestUser, 'QUESTION' | 'ANSWER', string]> = [
        ['q1', helper, 'QUESTION', questionId], ['a1-1', asker, 'ANSWER', a1], ['q2', staff, 'QUESTION', questionId],
        ['a1-2', staff, 'ANSWER', a1], ['q3', moderator, 'QUESTION', questionId], ['a1-3', moderator, 'ANSWER', a1],
      ];
      for (const [name, author, type, target] of steps) {
        app.clock.advance(1);
        ids[name] = (await comment(author, type, target, `Comment ${name}`)).id;
      }

      const t = await thread(questionId);

      expect(t.comments).toEqual([
        { id: ids.q1, body: 'Comment q1', authorKind: 'PEER', author: { id: helper.id, isEmployee: false } },
        { id: ids.q2, body: 'Comment q2', authorKind: 'STAFF', author: { id: staff.id, isEmployee: true } },
        // A volunteer moderator is community, not staff: their comment does not count as a staff response.
        { id: ids.q3, body: 'Comment q3', authorKind: 'PEER', author: { id: moderator.id, isEmployee: false } },
      ]);
      const byAnswer = Object.fromEntries(t.answers.map((a) => [a.id, a.comments.map((c) => [c.id, c.authorKind])]));
      expect(byAnswer).toEqual({ [a1]: [[ids['a1-1'], 'PEER'], [ids['a1-2'], 'STAFF'], [ids['a1-3'], 'PEER']], [a2]: [] });
    });

    it('is empty for a post without comments', async () => {
      const questionId = await question();
      await app.answer(helper, questionId);
      const t = await thread(questionId);
      expect([t.comments, t.answers[0].comments]).toEqual([[], []]);
    });

    it('keeps the authorKind a comment was written with when the author is promoted later', async () => {
      const person = await app.member();
      const questionId = await question();
      const early = await comment(person, 'QUESTION', questionId);
      await app.setRole(person, 'STAFF');
      const late = await comment(person, 'QUESTION', questionId);
      const kinds = (await thread(questionId)).comments.map((c) => [c.id, c.authorKind, c.author.isEmployee]);
      expect(kinds).toEqual([[early.id, 'PEER', true], [late.id, 'STAFF', true]]);
    });
  });

  describe('editComment', () => {
    it('lets the author rewrite the comment', async () => {
      const questionId = await question();
      const posted = await comment(helper, 'QUESTION', questionId);
      app.clock.advance(30);

      const response = await app.gql(EDIT, { input: { id: posted.id, body: 'Did you try _channel 6_?' } }, helper);

      expect(response.errors).toBeUndefined();
      const edited = response.data!.editComment;
      expect(edited).toMatchObject({ id: posted.id, questionId, body: 'Did you try _channel 6_?', bodyHtml: '<p>Did you try <em>channel 6</em>?</p>\n', createdAt: posted.createdAt });
      expect(Date.parse(edited.updatedAt) - Date.parse(edited.createdAt)).toBeGreaterThanOrEqual(30_000);
      expect((await thread(questionId)).comments.map((c) => c.body)).toEqual(['Did you try _channel 6_?']);
    });

    it('is FORBIDDEN for another member, changing nothing', async () => {
      const posted = await comment(helper, 'QUESTION', await question());
      expectError(await app.gql(EDIT, { input: { id: posted.id, body: 'Vandalised comment.' } }, bystander), 'FORBIDDEN');
      expect((await row(posted.id)).body).toBe(BODY);
    });

    it("lets a moderator edit anyone's comment", async () => {
      const posted = await comment(helper, 'ANSWER', (await app.answer(bystander, await question())).id);
      const response = await app.gql(EDIT, { input: { id: posted.id, body: 'Moderator removed a phone number.' } }, moderator);
      expect(response.errors).toBeUndefined();
      expect(response.data!.editComment).toMatchObject({ id: posted.id, body: 'Moderator removed a phone number.', author: { id: helper.id } });
    });

    it('refuses an invalid body, a deleted comment and a comment on a deleted answer', async () => {
      const questionId = await question();
      const answerId = (await app.answer(bystander, questionId)).id;
      const onQuestion = await comment(helper, 'QUESTION', questionId);
      const onAnswer = await comment(helper, 'ANSWER', answerId);

      expectInvalid(await app.gql(EDIT, { input: { id: onQuestion.id, body: '' } }, helper), ['body']);
      await app.ok(DELETE, { id: onQuestion.id }, helper);
      expectError(await app.gql(EDIT, { input: { id: onQuestion.id, body: 'Editing a deleted comment.' } }, helper), 'NOT_FOUND');
      await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answerId }, bystander);
      expectError(await app.gql(EDIT, { input: { id: onAnswer.id, body: 'Editing under a deleted answer.' } }, helper), 'NOT_FOUND');
      expect((await row(onAnswer.id)).body).toBe(BODY);
    });

    it.each(['abc', '999999'])('answers NOT_FOUND for the id %p', async (id) => {
      expectError(await app.gql(EDIT, { input: { id, body: BODY } }, helper), 'NOT_FOUND');
    });

    it('needs a session', async () => {
      const posted = await comment(helper, 'QUESTION', await question());
      expectError(await app.gql(EDIT, { input: { id: posted.id, body: 'Anonymous edit.' } }), 'UNAUTHENTICATED');
    });
  });

  describe('deleteComment', () => {
    it('hides the comment and keeps the row, with who removed it', async () => {
      const questionId = await question();
      const first = await comment(helper, 'QUESTION', questionId, 'First comment');
      const second = await comment(bystander, 'QUESTION', questionId, 'Second comment');

      const response = await app.gql(DELETE, { id: first.id }, helper);

      expect(response.data).toEqual({ deleteComment: true });
      expect((await thread(questionId)).comments.map((c) => c.id)).toEqual([second.id]);
      expect(await row(first.id)).toEqual({ body: 'First comment', deleted: true, deleted_by: helper.id });
      expectError(await app.gql(DELETE, { id: first.id }, helper), 'NOT_FOUND');
    });

    it("is FORBIDDEN for another member, and allowed for a moderator", async () => {
      const answerId = (await app.answer(bystander, await question())).id;
      const posted = await comment(helper, 'ANSWER', answerId);

      expectError(await app.gql(DELETE, { id: posted.id }, bystander), 'FORBIDDEN');
      expect((await row(posted.id)).deleted).toBe(false);

      expect((await app.gql(DELETE, { id: posted.id }, moderator)).data).toEqual({ deleteComment: true });
      expect(await row(posted.id)).toMatchObject({ deleted: true, deleted_by: moderator.id });
    });

    it("keeps a moderator's reason in the audit entry and tells the author why; refuses one too long", async () => {
      const questionId = await question();
      const posted = await comment(helper, 'QUESTION', questionId, 'Call me on 555 0100 for a cheap fix');
      const withReason = `mutation ($id: ID!, $reason: String) { deleteComment(id: $id, reason: $reason) }`;
      expectInvalid(await app.gql(withReason, { id: posted.id, reason: 'x'.repeat(501) }, moderator), ['reason']);
      expect((await row(posted.id)).deleted).toBe(false);

      expect((await app.gql(withReason, { id: posted.id, reason: '  Phone numbers are not allowed here ' }, moderator)).data).toEqual({ deleteComment: true });
      expect(await app.db.query(`SELECT action, actor_id::text AS "actorId", reason FROM audit_log WHERE target_type = 'COMMENT' AND target_id = $1`, [posted.id]))
        .toEqual([{ action: 'COMMENT_DELETED', actorId: moderator.id, reason: 'Phone numbers are not allowed here' }]);
      const told = await app.ok<{ notifications: { edges: Array<{ node: { kind: string; message: string } }> } }>(
        `{ notifications(first: 20) { edges { node { kind message } } } }`, {}, helper);
      // (The helper's earlier comment, deleted by a moderator without a reason above, was told too: "A moderator removed your comment on ….")
      expect(told.notifications.edges.map((e) => e.node).filter((n) => n.message.includes('Phone numbers'))).toEqual([
        { kind: 'POST_MODERATED', message: expect.stringMatching(/^A moderator removed your comment on .*\. Phone numbers are not allowed here\.$/) },
      ]);

      // The author's own deletion is neither audited nor notified.
      const own = await comment(helper, 'QUESTION', questionId, 'Never mind');
      await app.ok(withReason, { id: own.id, reason: 'Posted in the wrong place' }, helper);
      expect(await app.count('audit_log', `target_type = 'COMMENT' AND target_id = $1`, [own.id])).toBe(0);
    });

    it('deletes only once when the same delete arrives twice at the same moment', async () => {
      const posted = await comment(helper, 'QUESTION', await question());
      const responses = await Promise.all([1, 2, 3].map(() => app.gql(DELETE, { id: posted.id }, helper)));
      expect(responses.map((r) => r.errors?.[0].extensions.code ?? 'OK').sort()).toEqual(['NOT_FOUND', 'NOT_FOUND', 'OK']);
    });

    it.each(['abc', '-1', '999999'])('answers NOT_FOUND for the id %p', async (id) => {
      expectError(await app.gql(DELETE, { id }, helper), 'NOT_FOUND');
    });

    it('needs a session', async () => {
      const posted = await comment(helper, 'QUESTION', await question());
      expectError(await app.gql(DELETE, { id: posted.id }), 'UNAUTHENTICATED');
      expect((await row(posted.id)).deleted).toBe(false);
    });
  });
});
