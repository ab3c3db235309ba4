import { type Auth, expectError, TestApp, type TestUser } from '../support/test-app';

// How failures reach a client: stable codes, NOT_FOUND for ids that name nothing, VALIDATION_FAILED for requests that do not fit the schema.

describe('errors', () => {
  let app: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.admin();
    member = await app.member();
  });
  afterAll(async () => { await app.close(); });

  describe('unknown and malformed ids', () => {
    it('answers NOT_FOUND for a question that does not exist', async () => {
      const response = await app.gql(`{ question(id: "999999") { id } }`);
      expect(expectError(response, 'NOT_FOUND').message).toBe('There is no question 999999.');
      expect(response.data).toBeNull();
    });

    it('says there is no such question, not that it may have been deleted, for an id that never existed', async () => {
      const moderator = await app.userWithRole('MODERATOR');
      const operations = [
        `mutation { escalateQuestion(questionId: "999999", reason: "Outage") { state } }`,
        `mutation { postAnswer(input: { questionId: "999999", body: "A perfectly fine answer." }) { id } }`,
        `mutation { vote(input: { targetType: QUESTION, targetId: "999999", value: 1 }) { score } }`,
        `mutation { editQuestion(input: { id: "999999", title: "A perfectly fine title" }) { id } }`,
      ];
      for (const operation of operations) expect(expectError(await app.gql(operation, {}, moderator), 'NOT_FOUND').message).toBe('There is no question 999999.');
    });

    it('says a deleted answer has been deleted', async () => {
      const question = await app.ask(member, (await app.category()).id);
      const answer = await app.answer(member, question.id);
      await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answer.id }, member);
      const vote = await app.gql(`mutation ($id: ID!) { vote(input: { targetType: ANSWER, targetId: $id, value: 1 }) { score } }`, { id: answer.id }, admin);
      expect(expectError(vote, 'NOT_FOUND').message).toBe('That answer has been deleted.');
      expect(expectError(await app.gql(`mutation { vote(input: { targetType: ANSWER, targetId: "999999", value: 1 }) { score } }`, {}, admin), 'NOT_FOUND').message).toBe('There is no answer 999999.');
    });

    it('answers NOT_FOUND, not an internal error, for a non-numeric question id', async () => {
      const response = await app.gql(`{ question(id: "abc") { id } }`);
      expect(expectError(response, 'NOT_FOUND').message).toBe('There is no question "abc".');
    });

    // Every operation that takes an id, with one that cannot name a row: never a database error.
    const operations: Array<[string, string, 'admin' | 'member' | 'anyone']> = [
      ['question', `{ question(id: "abc") { id } }`, 'anyone'],
      ['user', `{ user(id: "abc") { id } }`, 'anyone'],
      ['questions by category', `{ questions(filter: { categoryId: "abc" }) { totalCount } }`, 'anyone'],
      ['questions by author', `{ questions(filter: { authorId: "1e3" }) { totalCount } }`, 'anyone'],
      ['setUserRole', `mutation { setUserRole(userId: "abc", role: STAFF) { id } }`, 'admin'],
      ['setUserAffiliation', `mutation { setUserAffiliation(userId: "abc", affiliation: EMPLOYEE) { id } }`, 'admin'],
      ['updateCategory', `mutation { updateCategory(input: { id: "abc", name: "Renamed" }) { id } }`, 'admin'],
      ['askQuestion', `mutation { askQuestion(input: { categoryId: "abc", title: "A perfectly fine title", body: "A perfectly fine body, long enough." }) { id } }`, 'member'],
      ['editQuestion', `mutation { editQuestion(input: { id: "abc", title: "A perfectly fine title" }) { id } }`, 'member'],
      ['postAnswer', `mutation { postAnswer(input: { questionId: "abc", body: "A perfectly fine answer." }) { id } }`, 'member'],
      ['editAnswer', `mutation { editAnswer(input: { id: "abc", body: "A perfectly fine answer." }) { id } }`, 'member'],
      ['deleteAnswer', `mutation { deleteAnswer(id: "abc") { id } }`, 'member'],
      ['acceptAnswer', `mutation { acceptAnswer(answerId: "abc") { id } }`, 'member'],
      ['unacceptAnswer', `mutation { unacceptAnswer(questionId: "-7") { id } }`, 'member'],
      ['vote on a question', `mutation { vote(input: { targetType: QUESTION, targetId: "abc", value: 1 }) { score } }`, 'member'],
      ['vote on an answer', `mutation { vote(input: { targetType: ANSWER, targetId: "12345678901234567890", value: 1 }) { score } }`, 'member'],
    ];

    it.each(operations)('%s', async (_name, operation, as) => {
      const auth: Auth = as === 'admin' ? admin : as === 'member' ? member : {};
      expectError(await app.gql(operation, {}, auth), 'NOT_FOUND');
    });
  });

  describe('requests that do not fit the schema', () => {
    /** Apollo's own rejections reach clients as VALIDATION_FAILED with a message naming the problem. */
    async function expectSchemaMismatch(query: string, variables: Record<string, unknown>, mentions: string | RegExp) {
      const response = await app.gql(query, variables, member);
      const error = expectError(response, 'VALIDATION_FAILED');
      expect(error.message).toMatch(mentions);
      expect(response.status).toBe(400);
      expect(response.data).toBeNull();
      return error;
    }

    it('several operations in one document without an operation name', async () => {
      await expectSchemaMismatch(`query A { categories { id } } query B { me { id } }`, {}, /operation name/i);
    });

    it('a required input field left out', async () => {
      const questions = await app.count('questions');
      await expectSchemaMismatch(
        `mutation { askQuestion(input: { categoryId: "1", body: "Every evening the connection drops." }) { id } }`,
        {},
        /AskQuestionInput.*title/,
      );
      expect(await app.count('questions')).toBe(questions);
    });

    it('a required field missing from a variable', async () => {
      await expectSchemaMismatch(`mutation ($input: RegisterInput!) { register(input: $input) }`, { input: { email: 'x@example.com', displayName: 'X' } }, /password/);
    });

    it('a variable of the wrong type', async () => {
      await expectSchemaMismatch(`mutation ($v: Int!) { vote(input: { targetType: QUESTION, targetId: "1", value: $v }) { score } }`, { v: 'up' }, /\$v/);
    });

    it('an unknown enum value', async () => {
      await expectSchemaMismatch(`mutation { setUserRole(userId: "1", role: OVERLORD) { id } }`, {}, /OVERLORD/);
    });

    it('a field the schema does not have', async () => {
      await expectSchemaMismatch(`{ me { id passwordHash } }`, {}, /passwordHash/);
    });

    it('a syntax error', async () => {
      await expectSchemaMismatch(`{ me { id `, {}, /Syntax Error/);
    });
  });
});
