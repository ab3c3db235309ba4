import { expectError, TestApp, type TestUser } from '../support/test-app';

const ENDORSE = `mutation ($id: ID!) { endorseAnswer(answerId: $id) { id endorsedByStaff } }`;
const UNENDORSE = `mutation ($id: ID!) { unendorseAnswer(answerId: $id) { id endorsedByStaff } }`;

/** Staff endorsement: who may give and withdraw it, and what the answer says afterwards (the question page's button reads it). */
describe('staff endorsement of answers', () => {
  let app: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let staff: TestUser;
  let questionId: string;
  let answerId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    [asker, peer, staff] = [await app.member('Asker'), await app.member('Peer'), await app.userWithRole('STAFF')];
    questionId = (await app.ask(asker, (await app.category()).id)).id;
    answerId = (await app.answer(peer, questionId)).id;
  });
  afterAll(async () => { await app.close(); });

  const endorsed = async () => (await app.ok<{ question: { answers: Array<{ endorsedByStaff: boolean }> } }>(
    `query ($id: ID!) { question(id: $id) { answers { endorsedByStaff } } }`, { id: questionId })).question.answers[0].endorsedByStaff;

  it('refuses members, moderators and the answer’s own author, and visitors must sign in', async () => {
    const moderator = await app.userWithRole('MODERATOR', 'COMMUNITY');
    for (const who of [asker, peer, moderator]) {
      expectError(await app.gql(ENDORSE, { id: answerId }, who), 'FORBIDDEN');
      expectError(await app.gql(UNENDORSE, { id: answerId }, who), 'FORBIDDEN');
    }
    expectError(await app.gql(ENDORSE, { id: answerId }), 'UNAUTHENTICATED');
    expect(await endorsed()).toBe(false);
  });

  it('lets staff endorse once and withdraw it; an unknown answer is NOT_FOUND', async () => {
    expect((await app.ok(ENDORSE, { id: answerId }, staff)).endorseAnswer).toEqual({ id: answerId, endorsedByStaff: true });
    expect((await app.ok(ENDORSE, { id: answerId }, staff)).endorseAnswer.endorsedByStaff).toBe(true);
    expect(await app.count('answer_endorsements', 'answer_id = $1', [answerId])).toBe(1);
    expect((await app.ok(UNENDORSE, { id: answerId }, staff)).unendorseAnswer).toEqual({ id: answerId, endorsedByStaff: false });
    expect(await endorsed()).toBe(false);
    expectError(await app.gql(ENDORSE, { id: '999999999' }, staff), 'NOT_FOUND');
  });
});
