import { type Auth, expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Answering, editing and deleting answers, accepting a solution, and who counts as staff.

const ANSWER_FIELDS = `id questionId body bodyHtml authorKind score isAccepted createdAt updatedAt author { id isEmployee }`;
const THREAD = `query ($id: ID!) {
  question(id: $id) { id status answerCount solvedAt lastActivityAt acceptedAnswer { id } answers { id isAccepted score authorKind author { id isEmployee } } }
}`;
const POST = `mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { ${ANSWER_FIELDS} } }`;
const EDIT = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { ${ANSWER_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteAnswer(id: $id) { id status answerCount answers { id } } }`;
const UNACCEPT = `mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id status solvedAt acceptedAnswer { id } } }`;

const BODY = 'Try a factory reset of the router, then re-pair.';

interface Thread {
  id: string;
  status: string;
  answerCount: number;
  solvedAt: string | null;
  lastActivityAt: string;
  acceptedAnswer: { id: string } | null;
  answers: Array<{ id: string; isAccepted: boolean; score: number; authorKind: string; author: { id: string; isEmployee: boolean } }>;
}

describe('answers and acceptance', () => {
  let app: TestApp;
  let categoryId: string;
  let asker: TestUser;
  let helper: TestUser;
  let bystander: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    ({ categoryId, asker, helper, bystander, moderator } = await app.threadCast());
  });
  afterAll(async () => { await app.close(); });

  const thread = async (id: string): Promise<Thread> => (await app.ok<{ question: Thread }>(THREAD, { id })).question;
  const question = async () => (await app.ask(asker, categoryId)).id;
  const answerIds = (t: Thread) => t.answers.map((a) => a.id);
  const acceptances = (questionId: string) =>
    app.db.query(
      `SELECT answer_id::text, accepted_by::text, accepted_at, withdrawn_by::text, withdrawn_at
         FROM answer_acceptances WHERE question_id = $1 ORDER BY id`,
      [questionId],
    ) as Promise<Array<{ answer_id: string; accepted_by: string; accepted_at: Date; withdrawn_by: string | null; withdrawn_at: Date | null }>>;
  const accept = async (actor: Auth, answerId: string) => {
    const response = await app.acceptAnswer(actor, answerId);
    expect(response.errors).toBeUndefined();
    return response.data!.acceptAnswer;
  };
  /** A question with answers by the helper, each a second apart so "oldest first" is well defined. */
  async function answered(count: number): Promise<{ questionId: string; answers: string[] }> {
    const questionId = await question();
    const answers: string[] = [];
    for (let i = 0; i < count; i++) {
      app.clock.advance(1);
      answers.push((await app.answer(helper, questionId, `${BODY} (suggestion ${i + 1})`)).id);
    }
    return { questionId, answers };
  }

  describe('postAnswer', () => {
    it('returns the answer and moves an open question to ANSWERED, counting answers', async () => {
      const questionId = await question();
      expect((await thread(questionId)).status).toBe('OPEN');
      app.clock.advance(5);

      const response = await app.gql(POST, { input: { questionId, body: 'Restart the **router**.' } }, helper);

      expect(response.errors).toBeUndefined();
      const answer = response.data!.postAnswer;
      expect(answer).toEqual({
        id: expect.stringMatching(/^\d+$/), questionId, body: 'Restart the **router**.', bodyHtml: '<p>Restart the <strong>router</strong>.</p>\n',
        authorKind: 'PEER', score: 0, isAccepted: false, createdAt: expect.any(String), updatedAt: answer.createdAt,
        author: { id: helper.id, isEmployee: false },
      });
      const after = await thread(questionId);
      expect(after).toMatchObject({ status: 'ANSWERED', answerCount: 1, lastActivityAt: answer.createdAt });

      await app.answer(bystander, questionId);
      expect(await thread(questionId)).toMatchObject({ status: 'ANSWERED', answerCount: 2 });
    });

    it('counts every one of many answers posted at the same moment', async () => {
      const questionId = await question();
      await Promise.all([helper, bystander, moderator, asker, helper].map((author) => app.answer(author, questionId)));
      const t = await thread(questionId);
      expect([t.answerCount, t.answers.length]).toEqual([5, 5]);
    });

    it('refuses a body under 10 characters, writing nothing', async () => {
      const questionId = await question();
      const response = await app.gql(POST, { input: { questionId, body: ' Reboot.  ' } }, helper);
      expect(expectInvalid(response, ['body'])).toEqual([{ field: 'body', message: 'Answer must be between 10 and 30000 characters (it has 7).' }]);
      expect(await app.count('answers', 'question_id = $1', [questionId])).toBe(0);
      expect((await thread(questionId)).status).toBe('OPEN');
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the question %p', async (questionId) => {
      expectError(await app.gql(POST, { input: { questionId, body: BODY } }, helper), 'NOT_FOUND');
    });

    it('needs a session', async () => {
      expectError(await app.gql(POST, { input: { questionId: await question(), body: BODY } }), 'UNAUTHENTICATED');
    });
  });

  describe('question(id).answers', () => {
    it('lists the accepted answer first, then by score, then oldest first', async () => {
      const { questionId, answers: [a1, a2, a3, a4, a5] } = await answered(5);
      const [voter1, voter2] = [bystander, moderator];
      for (const [voter, answerId, value] of [[voter1, a3, 1], [voter2, a3, 1], [voter1, a2, 1], [voter1, a5, -1]] as const) {
        expect((await app.vote(voter, 'ANSWER', answerId, value)).errors).toBeUndefined();
      }

      const before = await thread(questionId);
      expect(answerIds(before)).toEqual([a3, a2, a1, a4, a5]);
      expect(before.answers.map((a) => a.score)).toEqual([2, 1, 0, 0, -1]);

      await accept(asker, a4);
      const after = await thread(questionId);
      expect(answerIds(after)).toEqual([a4, a3, a2, a1, a5]);
      expect(after.answers.map((a) => a.isAccepted)).toEqual([true, false, false, false, false]);
    });
  });

  describe('editAnswer', () => {
    const revisions = (answerId: string) =>
      app.db.query(`SELECT title, body, tags, editor_id::text FROM post_revisions WHERE post_type = 'ANSWER' AND post_id = $1 ORDER BY id`, [answerId]);

    it('lets the author rewrite the answer, keeping the earlier version', async () => {
      const { questionId, answers: [answerId] } = await answered(1);
      app.clock.advance(30);

      const response = await app.gql(EDIT, { input: { id: answerId, body: 'Update the _firmware_ first.' } }, helper);

      expect(response.errors).toBeUndefined();
      const edited = response.data!.editAnswer;
      expect(edited).toMatchObject({ id: answerId, questionId, body: 'Update the _firmware_ first.', bodyHtml: '<p>Update the <em>firmware</em> first.</p>\n' });
      expect(Date.parse(edited.updatedAt) - Date.parse(edited.createdAt)).toBeGreaterThanOrEqual(30_000);
      expect((await thread(questionId)).lastActivityAt).toBe(edited.updatedAt);
      expect(await revisions(answerId)).toEqual([{ title: null, body: `${BODY} (suggestion 1)`, tags: null, editor_id: helper.id }]);
    });

    it('lets a moderator edit anyone\'s answer, saying why', async () => {
      const { answers: [answerId] } = await answered(1);
      expectInvalid(await app.gql(EDIT, { input: { id: answerId, body: 'Moderator tidied this answer.' } }, moderator), ['reason']);
      const response = await app.gql(EDIT, { input: { id: answerId, body: 'Moderator tidied this answer.', reason: 'Formatting' } }, moderator);
      expect(response.data!.editAnswer.body).toBe('Moderator tidied this answer.');
      expect((await revisions(answerId)).map((r: { editor_id: string }) => r.editor_id)).toEqual([moderator.id]);
    });

    it('is FORBIDDEN for another member, changing nothing', async () => {
      const { questionId, answers: [answerId] } = await answered(1);
      expectError(await app.gql(EDIT, { input: { id: answerId, body: 'Vandalised answer text.' } }, bystander), 'FORBIDDEN');
      expect(await revisions(answerId)).toEqual([]);
      const [{ body }] = await app.db.query(`SELECT body FROM answers WHERE id = $1`, [answerId]);
      expect(body).toBe(`${BODY} (suggestion 1)`);
      expect((await thread(questionId)).answers).toHaveLength(1);
    });

    it('still reports an accepted answer as accepted after an edit', async () => {
      const { answers: [answerId] } = await answered(1);
      await accept(asker, answerId);
      const response = await app.gql(EDIT, { input: { id: answerId, body: 'Accepted, and now clarified.' } }, helper);
      expect(response.data!.editAnswer.isAccepted).toBe(true);
    });

    it('refuses a too-short body and a deleted answer, keeping no revision', async () => {
      const { answers: [answerId] } = await answered(1);
      expectInvalid(await app.gql(EDIT, { input: { id: answerId, body: 'Short' } }, helper), ['body']);
      await app.ok(DELETE, { id: answerId }, helper);
      expectError(await app.gql(EDIT, { input: { id: answerId, body: 'Editing a deleted answer.' } }, helper), 'NOT_FOUND');
      expect(await revisions(answerId)).toEqual([]);
    });
  });

  describe('deleteAnswer', () => {
    const deletedRow = async (answerId: string) =>
      (await app.db.query(`SELECT deleted_at IS NOT NULL AS deleted, deleted_by::text FROM answers WHERE id = $1`, [answerId]))[0];

    it('hides the answer, keeps the row, and counts one answer fewer', async () => {
      const { questionId, answers: [a1, a2] } = await answered(2);

      const response = await app.gql(DELETE, { id: a1 }, helper);

      expect(response.data!.deleteAnswer).toEqual({ id: questionId, status: 'ANSWERED', answerCount: 1, answers: [{ id: a2 }] });
      expect(answerIds(await thread(questionId))).toEqual([a2]);
      expect(await deletedRow(a1)).toEqual({ deleted: true, deleted_by: helper.id });
    });

    it('puts the question back to OPEN when its last answer goes', async () => {
      const { questionId, answers: [answerId] } = await answered(1);
      const response = await app.gql(DELETE, { id: answerId }, helper);
      expect(response.data!.deleteAnswer).toEqual({ id: questionId, status: 'OPEN', answerCount: 0, answers: [] });
      expect((await thread(questionId)).status).toBe('OPEN');
    });

    it("lets a moderator delete someone else's answer", async () => {
      const { answers: [answerId] } = await answered(1);
      expect((await app.gql(DELETE, { id: answerId }, moderator)).errors).toBeUndefined();
      expect(await deletedRow(answerId)).toEqual({ deleted: true, deleted_by: moderator.id });
    });

    it.each(['bystander', 'asker'] as const)("is FORBIDDEN for a member who did not write it (the %s)", async (who) => {
      const { questionId, answers: [answerId] } = await answered(1);
      expectError(await app.gql(DELETE, { id: answerId }, who === 'asker' ? asker : bystander), 'FORBIDDEN');
      expect(await thread(questionId)).toMatchObject({ status: 'ANSWERED', answerCount: 1, answers: [{ id: answerId }] });
    });

    it('answers NOT_FOUND for an answer already deleted', async () => {
      const { questionId, answers: [a1] } = await answered(2);
      await app.ok(DELETE, { id: a1 }, helper);
      expectError(await app.gql(DELETE, { id: a1 }, helper), 'NOT_FOUND');
      expect((await thread(questionId)).answerCount).toBe(1);
    });

    it('deletes only once when the same delete arrives twice at the same moment', async () => {
      const { questionId, answers: [a1] } = await answered(2);

      const responses = await Promise.all([1, 2, 3].map(() => app.gql(DELETE, { id: a1 }, helper)));

      expect(responses.map((r) => r.errors?.[0].extensions.code ?? 'OK').sort()).toEqual(['NOT_FOUND', 'NOT_FOUND', 'OK']);
      expect(await thread(questionId)).toMatchObject({ status: 'ANSWERED', answerCount: 1 });
    });

    it('withdraws the acceptance when the accepted answer is deleted', async () => {
      const { questionId, answers: [a1, a2] } = await answered(2);
      await accept(asker, a1);

      await app.ok(DELETE, { id: a1 }, moderator);

      expect(await thread(questionId)).toMatchObject({ status: 'ANSWERED', answerCount: 1, solvedAt: null, acceptedAnswer: null });
      expect(answerIds(await thread(questionId))).toEqual([a2]);
      expect((await acceptances(questionId)).map((r) => [r.answer_id, r.withdrawn_by])).toEqual([[a1, moderator.id]]);
    });

    it('leaves a question OPEN when its only, accepted, answer is deleted', async () => {
      const { questionId, answers: [a1] } = await answered(1);
      await accept(asker, a1);
      await app.ok(DELETE, { id: a1 }, helper);
      expect(await thread(questionId)).toMatchObject({ status: 'OPEN', answerCount: 0, solvedAt: null, acceptedAnswer: null, answers: [] });
    });
  });

  describe('acceptAnswer', () => {
    it('lets the asker mark the solution: SOLVED, solvedAt set, the answer accepted', async () => {
      const { questionId, answers: [a1, a2] } = await answered(2);
      const from = app.clock.now().getTime();

      const result = await accept(asker, a2);

      expect(result).toMatchObject({ id: questionId, status: 'SOLVED' });
      expect(Date.parse(result.solvedAt!)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(result.solvedAt!)).toBeLessThanOrEqual(app.clock.now().getTime());
      const t = await thread(questionId);
      expect(t).toMatchObject({ status: 'SOLVED', solvedAt: result.solvedAt, acceptedAnswer: { id: a2 } });
      expect(t.answers.map((a) => [a.id, a.isAccepted])).toEqual([[a2, true], [a1, false]]);
    });

    it('lets the asker change the accepted answer, then withdraw it, keeping the history', async () => {
      const { questionId, answers: [a1, a2] } = await answered(2);
      const first = await accept(asker, a1);
      app.clock.advance(60);

      const second = await accept(asker, a2);

      expect(second.status).toBe('SOLVED');
      expect(Date.parse(second.solvedAt!) - Date.parse(first.solvedAt!)).toBeGreaterThanOrEqual(60_000);
      expect((await thread(questionId)).answers.map((a) => [a.id, a.isAccepted])).toEqual([[a2, true], [a1, false]]);
      app.clock.advance(60);

      const response = await app.gql(UNACCEPT, { id: questionId }, asker);

      expect(response.data!.unacceptAnswer).toEqual({ id: questionId, status: 'ANSWERED', solvedAt: null, acceptedAnswer: null });
      expect((await thread(questionId)).answers.map((a) => a.isAccepted)).toEqual([false, false]);
      const history = await acceptances(questionId);
      expect(history.map((r) => [r.answer_id, r.accepted_by, r.withdrawn_by])).toEqual([[a1, asker.id, asker.id], [a2, asker.id, asker.id]]);
      expect(history[0].withdrawn_at).toEqual(history[1].accepted_at);
      expect(history[1].withdrawn_at!.getTime() - history[1].accepted_at.getTime()).toBeGreaterThanOrEqual(60_000);
    });

    it('changes nothing when the accepted answer is accepted again', async () => {
      const { questionId, answers: [a1] } = await answered(1);
      const first = await accept(asker, a1);
      app.clock.advance(60);
      expect(await accept(asker, a1)).toEqual(first);
      expect(await acceptances(questionId)).toHaveLength(1);
    });

    it('lets a moderator accept and withdraw on the asker\'s behalf', async () => {
      const { questionId, answers: [a1] } = await answered(1);
      expect((await accept(moderator, a1)).status).toBe('SOLVED');
      expect((await app.gql(UNACCEPT, { id: questionId }, moderator)).data!.unacceptAnswer.status).toBe('ANSWERED');
      expect((await acceptances(questionId)).map((r) => [r.accepted_by, r.withdrawn_by])).toEqual([[moderator.id, moderator.id]]);
    });

    it.each(['bystander', 'answer author', 'STAFF'] as const)('is FORBIDDEN for a %s, leaving the question unchanged', async (who) => {
      const actor = who === 'bystander' ? bystander : who === 'answer author' ? helper : await app.userWithRole('STAFF');
      const { questionId, answers: [a1] } = await answered(1);
      const before = await thread(questionId);

      const response = await app.acceptAnswer(actor, a1);

      expect(expectError(response, 'FORBIDDEN').message).toBe('Only the person who asked, or a moderator, can accept an answer.');
      expect(await thread(questionId)).toEqual({ ...before, answers: before.answers });
      expect(await acceptances(questionId)).toEqual([]);
    });

    it('is FORBIDDEN to withdraw for anyone but the asker or a moderator', async () => {
      const { questionId, answers: [a1] } = await answered(1);
      const accepted = await accept(asker, a1);
      expectError(await app.gql(UNACCEPT, { id: questionId }, bystander), 'FORBIDDEN');
      expect(await thread(questionId)).toMatchObject({ status: 'SOLVED', solvedAt: accepted.solvedAt, acceptedAnswer: { id: a1 } });
    });

    it('answers NOT_FOUND for a deleted answer, leaving the question unchanged', async () => {
      const { questionId, answers: [a1, a2] } = await answered(2);
      await app.ok(DELETE, { id: a2 }, helper);

      expectError(await app.acceptAnswer(asker, a2), 'NOT_FOUND');

      expect(await thread(questionId)).toMatchObject({ status: 'ANSWERED', answerCount: 1, solvedAt: null, acceptedAnswer: null, answers: [{ id: a1 }] });
      expect(await acceptances(questionId)).toEqual([]);
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the answer id %p', async (id) => {
      expectError(await app.acceptAnswer(asker, id), 'NOT_FOUND');
    });

    it('refuses to withdraw when nothing is accepted', async () => {
      const { questionId } = await answered(1);
      expectError(await app.gql(UNACCEPT, { id: questionId }, asker), 'CONFLICT');
    });

    it('keeps a solved question SOLVED when more answers arrive', async () => {
      const { questionId, answers: [a1] } = await answered(1);
      await accept(asker, a1);
      await app.answer(bystander, questionId);
      expect(await thread(questionId)).toMatchObject({ status: 'SOLVED', answerCount: 2, acceptedAnswer: { id: a1 } });
    });

    it('needs a session', async () => {
      const { questionId, answers: [a1] } = await answered(1);
      expectError(await app.acceptAnswer({}, a1), 'UNAUTHENTICATED');
      expectError(await app.gql(UNACCEPT, { id: questionId }), 'UNAUTHENTICATED');
    });
  });

  describe('authorKind', () => {
    const answerAs = async (author: TestUser, questionId: string) =>
      (await app.ok(POST, { input: { questionId, body: BODY } }, author)).postAnswer as { id: string; authorKind: string; author: { isEmployee: boolean } };

    it("is fixed when the answer is written: a member promoted to staff keeps their earlier PEER answer", async () => {
      const person = await app.member();
      const questionId = await question();
      const early = await answerAs(person, questionId);
      expect([early.authorKind, early.author.isEmployee]).toEqual(['PEER', false]);

      await app.setRole(person, 'STAFF');
      const late = await answerAs(person, questionId);

      expect([late.authorKind, late.author.isEmployee]).toEqual(['STAFF', true]);
      const kinds = Object.fromEntries((await thread(questionId)).answers.map((a) => [a.id, [a.authorKind, a.author.isEmployee]]));
      // The "Staff" label follows who the author is now; the kind stays what it was when written.
      expect(kinds).toEqual({ [early.id]: ['PEER', true], [late.id]: ['STAFF', true] });
    });

    it('follows affiliation, not role: a volunteer moderator writes PEER answers, an employee moderator STAFF ones', async () => {
      const volunteer = await app.userWithRole('MODERATOR', 'COMMUNITY');
      const employee = await app.userWithRole('MODERATOR', 'EMPLOYEE');
      const questionId = await question();

      const fromVolunteer = await answerAs(volunteer, questionId);
      const fromEmployee = await answerAs(employee, questionId);

      expect([fromVolunteer.authorKind, fromVolunteer.author.isEmployee]).toEqual(['PEER', false]);
      expect([fromEmployee.authorKind, fromEmployee.author.isEmployee]).toEqual(['STAFF', true]);
    });

    it('is STAFF for staff, managers and admins, and PEER again for staff demoted to member', async () => {
      const questionId = await question();
      const staff = await app.userWithRole('STAFF');
      const manager = await app.userWithRole('MANAGER');
      expect((await answerAs(staff, questionId)).authorKind).toBe('STAFF');
      expect((await answerAs(manager, questionId)).authorKind).toBe('STAFF');
      expect((await answerAs(await app.admin(), questionId)).authorKind).toBe('STAFF');

      await app.setRole(staff, 'MEMBER');
      expect((await answerAs(staff, questionId)).authorKind).toBe('PEER');
    });
  });
});
