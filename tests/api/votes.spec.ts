import { type Auth, expectError, expectInvalid, TestApp, type TestUser, type VoteTarget } from '../support/test-app';

// Voting on questions and answers: one vote per person per post, changeable, never on your own post.

const SCORES = `query ($id: ID!) { question(id: $id) { score viewerVote answers { id score viewerVote } } }`;

describe('votes', () => {
  let app: TestApp;
  let categoryId: string;
  let author: TestUser;
  let voters: TestUser[];

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    categoryId = (await app.category()).id;
    author = await app.member('Post Author');
    voters = [await app.member(), await app.member(), await app.member()];
  });
  afterAll(async () => { await app.close(); });

  /** A fresh question by `author` with one answer by `author`: each test votes on untouched posts. */
  async function posts(): Promise<Record<VoteTarget, string>> {
    const question = await app.ask(author, categoryId);
    const answer = await app.answer(author, question.id);
    return { QUESTION: question.id, ANSWER: answer.id };
  }

  /** Votes and returns the resulting score and viewer vote, failing on any error. */
  async function vote(voter: Auth, target: VoteTarget, id: string, value: number) {
    const response = await app.vote(voter, target, id, value);
    expect(response.errors).toBeUndefined();
    return response.data!.vote;
  }

  async function seenBy(viewer: Auth, questionId: string) {
    const { question } = await app.ok(SCORES, { id: questionId }, viewer);
    return { question: [question.score, question.viewerVote], answer: [question.answers[0].score, question.answers[0].viewerVote] };
  }

  const votesOn = (target: VoteTarget, id: string) => app.count('votes', 'target_type = $1 AND target_id = $2', [target, id]);

  describe.each(['QUESTION', 'ANSWER'] as const)('on a %s', (target) => {
    it('moves the score by exactly each up, down, change and withdrawal', async () => {
      const id = (await posts())[target];
      const [v1, v2] = voters;

      expect(await vote(v1, target, id, 1)).toEqual({ score: 1, viewerVote: 1 });
      expect(await vote(v2, target, id, 1)).toEqual({ score: 2, viewerVote: 1 });
      expect(await vote(v1, target, id, -1)).toEqual({ score: 0, viewerVote: -1 }); // change: -2
      expect(await vote(v2, target, id, 0)).toEqual({ score: -1, viewerVote: 0 }); // withdraw
      expect(await vote(v2, target, id, 0)).toEqual({ score: -1, viewerVote: 0 }); // nothing left to withdraw
      expect(await vote(v2, target, id, -1)).toEqual({ score: -2, viewerVote: -1 });
      expect(await votesOn(target, id)).toBe(2);
    });

    it('counts one vote per person, however often they send it', async () => {
      const id = (await posts())[target];
      const [v1] = voters;
      await vote(v1, target, id, 1);
      await vote(v1, target, id, 1);
      expect(await vote(v1, target, id, 1)).toEqual({ score: 1, viewerVote: 1 });
      // A double click arriving at the same moment.
      await Promise.all([1, 2, 3].map(() => vote(v1, target, id, -1)));
      expect(await vote(v1, target, id, -1)).toEqual({ score: -1, viewerVote: -1 });
      expect(await votesOn(target, id)).toBe(1);
    });

    it('adds up votes cast by many people at once', async () => {
      const id = (await posts())[target];
      await Promise.all(voters.map((voter) => vote(voter, target, id, 1)));
      expect(await vote(voters[0], target, id, 1)).toEqual({ score: voters.length, viewerVote: 1 });
    });

    it('is FORBIDDEN on your own post, leaving the score alone', async () => {
      const id = (await posts())[target];
      await vote(voters[0], target, id, 1);

      const response = await app.vote(author, target, id, 1);

      expect(expectError(response, 'FORBIDDEN').message).toBe("You can't vote on your own post.");
      expect(await votesOn(target, id)).toBe(1);
      expect(await vote(voters[0], target, id, 1)).toEqual({ score: 1, viewerVote: 1 });
    });

    it.each([2, -2, 5])('refuses the value %p, naming the field', async (value) => {
      const id = (await posts())[target];
      const fields = expectInvalid(await app.vote(voters[0], target, id, value), ['value']);
      expect(fields).toEqual([{ field: 'value', message: 'A vote must be 1 (up), -1 (down) or 0 (take your vote back).' }]);
      expect(await votesOn(target, id)).toBe(0);
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the id %p', async (id) => {
      expectError(await app.vote(voters[0], target, id, 1), 'NOT_FOUND');
    });

    it('needs a session', async () => {
      const id = (await posts())[target];
      expectError(await app.vote({}, target, id, 1), 'UNAUTHENTICATED');
      expect(await votesOn(target, id)).toBe(0);
    });
  });

  it("answers NOT_FOUND for a deleted answer", async () => {
    const { ANSWER } = await posts();
    await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: ANSWER }, author);
    expectError(await app.vote(voters[0], 'ANSWER', ANSWER, 1), 'NOT_FOUND');
  });

  it("shows each viewer their own vote (viewerVote) and everyone the same score", async () => {
    const { QUESTION, ANSWER } = await posts();
    const [up, down, silent] = voters;
    await vote(up, 'QUESTION', QUESTION, 1);
    await vote(down, 'QUESTION', QUESTION, -1);
    await vote(up, 'QUESTION', QUESTION, 1);
    await vote(down, 'ANSWER', ANSWER, -1);

    expect(await seenBy(up, QUESTION)).toEqual({ question: [0, 1], answer: [-1, 0] });
    expect(await seenBy(down, QUESTION)).toEqual({ question: [0, -1], answer: [-1, -1] });
    expect(await seenBy(silent, QUESTION)).toEqual({ question: [0, 0], answer: [-1, 0] });
    expect(await seenBy({}, QUESTION)).toEqual({ question: [0, 0], answer: [-1, 0] });

    await vote(down, 'ANSWER', ANSWER, 0);
    expect(await seenBy(down, QUESTION)).toEqual({ question: [0, -1], answer: [0, 0] });
  });
});
