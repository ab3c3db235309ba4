import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// What a member's profile shows (their answers and the accepted ones), who may edit or
// delete a post as the web asks before offering the buttons, and the staff list the queue assigns from.

const ANSWERS = `query ($id: ID!, $first: Int, $after: String, $acceptedOnly: Boolean) {
  user(id: $id) {
    answers(first: $first, after: $after, acceptedOnly: $acceptedOnly) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id isAccepted question { id title } } }
    }
  }
}`;

interface AnswersPage {
  user: {
    answers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; isAccepted: boolean; question: { id: string; title: string } | null } }> };
  };
}

describe('profiles, post permissions and the staff list', () => {
  let app: TestApp;
  let helper: TestUser;
  let asker: TestUser;
  let categoryId: string;
  beforeAll(async () => {
    app = await TestApp.start();
    helper = await app.member('Helpful Hannah');
    asker = await app.member('Asking Aidan');
    // They post many times an hour here; a NEW member's limits would refuse them (tests/api/trust-rate-limits.spec.ts).
    for (const member of [helper, asker]) await app.setTrustLevel(member, 'MEMBER');
    categoryId = (await app.category()).id;
  });
  afterAll(async () => {
    await app.close();
  });

  it("lists a member's answers newest first, page by page, and the accepted ones apart", async () => {
    const answered = [];
    for (const title of ['Roaming will not switch on abroad', 'Voicemail PIN was reset', 'eSIM will not download']) {
      const question = await app.ask(asker, categoryId, { title });
      answered.push({ question, answer: await app.answer(helper, question.id) });
    }
    expect((await app.acceptAnswer(asker, answered[0].answer.id)).errors).toBeUndefined();
    // A deleted answer and an answer on a deleted question are not on the profile.
    const gone = await app.answer(helper, answered[1].question.id, 'A second thought I took back.');
    await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: gone.id }, helper);
    const deletedQuestion = await app.ask(asker, categoryId, { title: 'A question that gets deleted later' });
    await app.answer(helper, deletedQuestion.id);
    await app.db.query(`UPDATE questions SET deleted_at = now() WHERE id = $1`, [deletedQuestion.id]);

    const first = await app.ok<AnswersPage>(ANSWERS, { id: helper.id, first: 2 });
    expect(first.user.answers.totalCount).toBe(3);
    expect(first.user.answers.edges.map((e) => e.node.question?.title)).toEqual(['eSIM will not download', 'Voicemail PIN was reset']);
    expect(first.user.answers.pageInfo.hasNextPage).toBe(true);
    const second = await app.ok<AnswersPage>(ANSWERS, { id: helper.id, first: 2, after: first.user.answers.pageInfo.endCursor });
    expect(second.user.answers.edges.map((e) => e.node)).toEqual([
      { id: answered[0].answer.id, isAccepted: true, question: { id: answered[0].question.id, title: 'Roaming will not switch on abroad' } },
    ]);
    expect(second.user.answers.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });

    const accepted = await app.ok<AnswersPage>(ANSWERS, { id: helper.id, acceptedOnly: true });
    expect(accepted.user.answers.totalCount).toBe(1);
    expect(accepted.user.answers.edges.map((e) => e.node.id)).toEqual([answered[0].answer.id]);
  });

  it('refuses a page size out of range and a cursor it did not hand out, naming the argument', async () => {
    expectInvalid(await app.gql(ANSWERS, { id: helper.id, first: 0 }), ['first']);
    expectInvalid(await app.gql(ANSWERS, { id: helper.id, first: 101 }), ['first']);
    expectInvalid(await app.gql(ANSWERS, { id: helper.id, after: 'not-a-cursor' }), ['after']);
  });

  it('tells each viewer whether they may edit or delete a post: the author and moderators yes, others and visitors no', async () => {
    const question = await app.ask(asker, categoryId, { title: 'Who may change this thread?' });
    const answer = await app.answer(helper, question.id);
    const moderator = await app.userWithRole('MODERATOR');
    const staff = await app.userWithRole('STAFF');
    const QUERY = `query ($id: ID!) { question(id: $id) { viewerCanEdit answers { viewerCanEdit viewerCanDelete } } }`;
    const seen = async (viewer: TestUser | undefined) => {
      const { question: q } = await app.ok<{ question: { viewerCanEdit: boolean; answers: Array<{ viewerCanEdit: boolean; viewerCanDelete: boolean }> } }>(QUERY, { id: question.id }, viewer ?? {});
      return { question: q.viewerCanEdit, answer: q.answers[0] };
    };
    expect(await seen(asker)).toEqual({ question: true, answer: { viewerCanEdit: false, viewerCanDelete: false } });
    expect(await seen(helper)).toEqual({ question: false, answer: { viewerCanEdit: true, viewerCanDelete: true } });
    expect(await seen(moderator)).toEqual({ question: true, answer: { viewerCanEdit: true, viewerCanDelete: true } });
    expect(await seen(staff)).toEqual({ question: false, answer: { viewerCanEdit: false, viewerCanDelete: false } });
    expect(await seen(undefined)).toEqual({ question: false, answer: { viewerCanEdit: false, viewerCanDelete: false } });
    // …and the mutations agree with what the fields said.
    expectError(await app.gql(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answer.id }, asker), 'FORBIDDEN');
    expectError(await app.gql(`mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`, { input: { id: answer.id, body: 'Rewritten by someone else entirely.' } }, staff), 'FORBIDDEN');
  });

  it('lists the staff an escalation can be assigned to, by name, to those who see the queue and to nobody else', async () => {
    const local = await TestApp.start();
    try {
      const zoe = await local.userWithRole('STAFF', undefined, 'Zoe Support');
      const adam = await local.userWithRole('STAFF', undefined, 'Adam Support');
      const manager = await local.userWithRole('MANAGER', undefined, 'Mia Manager');
      const moderator = await local.userWithRole('MODERATOR', undefined, 'Mo Moderator');
      const admin = await local.admin();
      const member = await local.member('Curious Customer');
      const STAFF = `{ staffMembers { id displayName role } }`;
      const expected = [
        { id: adam.id, displayName: 'Adam Support', role: 'STAFF' },
        { id: admin.id, displayName: 'Site Admin', role: 'ADMIN' },
        { id: zoe.id, displayName: 'Zoe Support', role: 'STAFF' },
      ];
      for (const viewer of [zoe, manager, moderator, admin]) expect((await local.ok(STAFF, {}, viewer)).staffMembers).toEqual(expected);
      expectError(await local.gql(STAFF, {}, member), 'FORBIDDEN');
      expectError(await local.gql(STAFF), 'UNAUTHENTICATED');
    } finally {
      await local.close();
    }
  });
});
