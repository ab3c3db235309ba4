import { readFileSync } from 'node:fs';
import { type DefinitionNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';
import type { StatementCounter } from '../../apps/api/src/database/statement-counter';
import { TestApp, type TestUser } from '../support/test-app';

// A page's SQL statements must not grow with its size: every field a list shows is batched per request.
// The counts come from the API's own connections (COUNT_SQL_STATEMENTS=on), for the web's query shapes.

const WEB_DOCUMENT = parse(readFileSync(new URL('../../apps/web/src/lib/graphql/community.graphql', import.meta.url), 'utf8'));
const WEB_FRAGMENTS = new Map(
  WEB_DOCUMENT.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
);

/** The query with every web fragment it spreads (and they spread), as the web sends it. */
function withWebFragments(query: string): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = WEB_FRAGMENTS.get(spread.name.value);
        if (!fragment || used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        collect(fragment);
      },
    });
  parse(query).definitions.forEach(collect);
  return [query, ...[...used.values()].map(print)].join('\n');
}

function webOperation(name: string): string {
  const operation = WEB_DOCUMENT.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`The web sends no operation ${name}`);
  return withWebFragments(print(operation));
}

/** The web's question list (its QuestionRow fragment), each row with its escalation and the escalation's assignee. */
const QUESTION_LIST = withWebFragments(`query ($first: Int!) {
  questions(first: $first, orderBy: NEWEST) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...QuestionRow escalation { state staffDueAt needsInfo { note askedBy { displayName } } closedAt assignee { id displayName } } } }
  }
}`);

const QUESTION_PAGE = webOperation('QuestionPage');
/** The staff page's query, from its own document (it spreads no fragment). */
const STAFF_QUEUE_PAGE = print(
  parse(readFileSync(new URL('../../apps/web/src/routes/staff/staff.graphql', import.meta.url), 'utf8')).definitions
    .find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'StaffQueuePage')!,
);

describe('SQL statements per page', () => {
  let app: TestApp;
  let members: TestUser[];
  let viewer: TestUser;

  /**
   * The statements the API sent while `request` ran (nothing else runs: no sweeps, no outbox polling in
   * tests): how many, and how often the most repeated text was sent. DataLoader batches what resolvers ask
   * for in the same tick, and two database replies arriving together or apart may merge or split one batch,
   * so a page's count may differ by a statement from run to run; a per-row statement instead repeats its
   * text once per row.
   */
  async function statementsOf(request: () => Promise<unknown>): Promise<{ total: number; mostRepeated: number }> {
    const counter = app.db.logger as StatementCounter;
    const from = counter.texts.length;
    await request();
    const repeats = new Map<string, number>();
    for (const text of counter.texts.slice(from)) repeats.set(text, (repeats.get(text) ?? 0) + 1);
    return { total: counter.texts.length - from, mostRepeated: Math.max(0, ...repeats.values()) };
  }

  /** A page of `large` rows costs what a page of `small` rows costs: no statement per row. */
  function expectNoStatementPerRow(small: { total: number; mostRepeated: number }, large: { total: number; mostRepeated: number }) {
    expect(large.mostRepeated).toBeLessThanOrEqual(small.mostRepeated + 1);
    expect(large.mostRepeated).toBeLessThan(4);
    // Batches may split differently between runs (one statement more or fewer), never by a row's worth.
    expect(Math.abs(large.total - small.total)).toBeLessThanOrEqual(2);
  }

  beforeAll(async () => {
    // RATE_LIMITS=off: one address makes many posts; ESCALATION_SWEEP_SECONDS=0: no sweep adds statements of its own.
    app = await TestApp.start({ COUNT_SQL_STATEMENTS: 'on', RATE_LIMITS: 'off', ESCALATION_SWEEP_SECONDS: '0' });
    members = [];
    for (let i = 0; i < 6; i++) members.push(await app.member());
    viewer = await app.member();
  });
  afterAll(async () => { await app.close(); });

  it('lists 10 or 30 questions, with their authors, categories and escalations, in as many statements', async () => {
    const categories = [await app.category(), await app.category(), await app.category()];
    const moderator = await app.userWithRole('MODERATOR');
    const staff = await app.userWithRole('STAFF', 'EMPLOYEE');
    for (let i = 0; i < 31; i++) {
      const question = await app.ask(members[i % members.length], categories[i % categories.length].id);
      if (i % 3 === 0) await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "check") { id } }`, { q: question.id }, moderator);
      if (i % 6 === 0) await app.ok(`mutation ($q: ID!) { claimEscalation(questionId: $q) { id } }`, { q: question.id }, staff);
    }
    const list = (first: number) => app.ok<{ questions: { edges: unknown[] } }>(QUESTION_LIST, { first }, viewer);
    await list(5);

    const small = await statementsOf(async () => expect((await list(10)).questions.edges).toHaveLength(10));
    const large = await statementsOf(async () => expect((await list(30)).questions.edges).toHaveLength(30));
    expectNoStatementPerRow(small, large);
  });

  it('lists the categories, then 6 more, with their question, solved and unanswered counts and latest activity, in as many statements', async () => {
    const categories = webOperation('Categories');
    const list = () => app.ok<{ categories: unknown[] }>(categories, {}, viewer);
    for (let i = 0; i < 3; i++) await app.ask(members[i], (await app.category()).id);
    await list();
    const small = await statementsOf(list);
    for (let i = 0; i < 6; i++) await app.ask(members[i % members.length], (await app.category()).id);
    const large = await statementsOf(list);
    expectNoStatementPerRow(small, large);
  });

  it('shows the staff queue with 10 or 30 items, their needs-info requests, staff responses and suggested assignees, in as many statements', async () => {
    const admin = await app.admin();
    const moderator = await app.userWithRole('MODERATOR');
    const team = [await app.userWithRole('STAFF', 'EMPLOYEE'), await app.userWithRole('STAFF', 'EMPLOYEE')];
    async function queueOf(size: number): Promise<string> {
      const category = await app.category();
      await app.ok(`mutation ($c: ID!, $u: [ID!]!) { setCategoryStaffTeam(categoryId: $c, userIds: $u) { id } }`, { c: category.id, u: team.map((u) => u.id) }, admin);
      for (let i = 0; i < size; i++) {
        const question = await app.ask(members[i % members.length], category.id);
        await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "check") { id } }`, { q: question.id }, moderator);
        const staff = team[i % team.length];
        if (i % 2 === 0) await app.ok(`mutation ($q: ID!) { markNeedsInfo(questionId: $q, note: "Which router model?") { id } }`, { q: question.id }, staff);
        if (i % 3 === 0) await app.answer(staff, question.id, 'Staff here: we are checking your line now.');
      }
      return category.id;
    }
    const [fewer, more] = [await queueOf(10), await queueOf(30)];
    const page = (categoryId: string) =>
      app.ok<{ staffQueue: { edges: unknown[] } }>(STAFF_QUEUE_PAGE, { filter: { categoryId, mine: true } }, team[0]);
    await page(fewer);

    const small = await statementsOf(async () => expect((await page(fewer)).staffQueue.edges).toHaveLength(10));
    const large = await statementsOf(async () => expect((await page(more)).staffQueue.edges).toHaveLength(30));
    expectNoStatementPerRow(small, large);
  });

  it('shows a question with 5 or 20 answers, their authors, comments and the viewer fields, in as many statements', async () => {
    const category = await app.category();
    const employee = await app.userWithRole('STAFF', 'EMPLOYEE');
    async function thread(answerCount: number): Promise<string> {
      const question = await app.ask(members[0], category.id);
      const comment = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
      await app.ok(comment, { input: { targetType: 'QUESTION', targetId: question.id, body: 'Which router model is it?' } }, members[1]);
      for (let i = 0; i < answerCount; i++) {
        const answer = await app.answer(members[(i % (members.length - 1)) + 1], question.id, `Answer ${i}: try channel ${i + 1} on the 5 GHz band.`);
        await app.ok(comment, { input: { targetType: 'ANSWER', targetId: answer.id, body: `Did channel ${i + 1} help?` } }, members[i % members.length]);
        if (i % 2 === 0) expect((await app.vote(viewer, 'ANSWER', answer.id, 1)).errors).toBeUndefined();
        if (i % 4 === 0) await app.ok(`mutation ($id: ID!) { endorseAnswer(answerId: $id) { id } }`, { id: answer.id }, employee);
      }
      await app.ok(`mutation ($q: ID!) { watchQuestion(questionId: $q, watching: true) { id } }`, { q: question.id }, viewer);
      return question.id;
    }
    const fewer = await thread(5);
    const more = await thread(20);
    const page = (id: string) => app.ok<{ question: { answers: unknown[] } }>(QUESTION_PAGE, { id }, viewer);
    await page(fewer);

    const small = await statementsOf(async () => expect((await page(fewer)).question.answers).toHaveLength(5));
    const large = await statementsOf(async () => expect((await page(more)).question.answers).toHaveLength(20));
    expectNoStatementPerRow(small, large);
  });
});
