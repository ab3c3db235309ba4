import { TestApp, type TestUser } from '../support/test-app';

// Reputation moves with what others do to a member's posts (packages/domain/src/reputation.ts) and
// moves back when they undo it, so a profile's figure is always the sum of what stands.

describe('reputation', () => {
  let app: TestApp;
  let categoryId: string;
  beforeAll(async () => {
    app = await TestApp.start();
    categoryId = (await app.category()).id;
  });
  afterAll(async () => {
    await app.close();
  });

  const reputationOf = async (user: TestUser) => (await app.ok<{ user: { reputation: number } }>(`query ($id: ID!) { user(id: $id) { reputation } }`, { id: user.id })).user.reputation;

  it('follows votes on answers and questions, including changed and withdrawn votes', async () => {
    const [asker, helper, voter] = [await app.member(), await app.member(), await app.member()];
    const question = await app.ask(asker, categoryId);
    const answer = await app.answer(helper, question.id);

    expect((await app.vote(voter, 'ANSWER', answer.id, 1)).errors).toBeUndefined();
    expect(await reputationOf(helper)).toBe(10);
    await app.vote(voter, 'ANSWER', answer.id, -1);
    expect(await reputationOf(helper)).toBe(-2);
    await app.vote(voter, 'ANSWER', answer.id, 0);
    expect(await reputationOf(helper)).toBe(0);

    await app.vote(voter, 'QUESTION', question.id, 1);
    expect(await reputationOf(asker)).toBe(5);
    // A refused vote on one's own post changes nothing.
    expect((await app.vote(helper, 'ANSWER', answer.id, 1)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await reputationOf(helper)).toBe(0);
    expect(await reputationOf(voter)).toBe(0);
  });

  it('gives the accepted answer’s author 15, moves it with the acceptance, and takes it back when withdrawn or deleted', async () => {
    const [asker, first, second] = [await app.member(), await app.member(), await app.member()];
    const question = await app.ask(asker, categoryId);
    const a1 = await app.answer(first, question.id);
    const a2 = await app.answer(second, question.id, 'Or restart the router while holding the WPS button.');

    await app.acceptAnswer(asker, a1.id);
    expect([await reputationOf(first), await reputationOf(second)]).toEqual([15, 0]);
    await app.acceptAnswer(asker, a2.id);
    expect([await reputationOf(first), await reputationOf(second)]).toEqual([0, 15]);
    await app.ok(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: question.id }, asker);
    expect(await reputationOf(second)).toBe(0);
    await app.acceptAnswer(asker, a2.id);
    await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: a2.id }, second);
    expect(await reputationOf(second)).toBe(0);
  });

  it('gives nothing for accepting an answer to one’s own question', async () => {
    const asker = await app.member();
    const question = await app.ask(asker, categoryId);
    const own = await app.answer(asker, question.id, 'Found it myself: the cable was loose.');
    expect((await app.acceptAnswer(asker, own.id)).errors).toBeUndefined();
    expect(await reputationOf(asker)).toBe(0);
  });
});
