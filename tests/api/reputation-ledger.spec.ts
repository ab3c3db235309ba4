import { ReputationLedger1763901530000 } from '../../migrations/1763901530000-ReputationLedger';
import { TestApp, type TestUser } from '../support/test-app';

// Reputation is a ledger (reputation_events): every change is a row saying who, how much, why, on which
// post and whose act; users.reputation is their sum, moved in the same transaction. After a run of votes,
// changed and withdrawn votes, acceptances moved and withdrawn, and a deleted accepted answer, every
// member's reputation is rebuilt from the ledger and compared.
//
// RATE_LIMITS=off: one address makes this file's members and many votes; rate limits are tested elsewhere.

const HISTORY = `query ($id: ID!, $first: Int, $after: String) {
  user(id: $id) { reputation reputationHistory(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { delta kind summary questionId questionTitle answerId } } } } }`;

interface HistoryPage {
  user: {
    reputation: number;
    reputationHistory: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: { delta: number; kind: string; summary: string; questionId: string | null; questionTitle: string | null; answerId: string | null } }>;
    };
  };
}

describe('the reputation ledger', () => {
  let app: TestApp;
  let categoryId: string;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    categoryId = (await app.category()).id;
  });
  afterAll(async () => { await app.close(); });

  const mismatches = async () =>
    app.db.query(
      `SELECT u.id::text, u.reputation, coalesce(sum(e.delta), 0)::int AS ledger
         FROM users u LEFT JOIN reputation_events e ON e.user_id = u.id
        GROUP BY u.id HAVING u.reputation <> coalesce(sum(e.delta), 0)`,
    );

  it('rebuilds every member’s reputation from the ledger after votes, acceptances, withdrawals and deletions', async () => {
    const people: TestUser[] = [];
    for (let i = 0; i < 6; i++) people.push(await app.member());
    const [asker, a, b, c, d, e] = people;
    const q1 = await app.ask(asker, categoryId);
    const q2 = await app.ask(a, categoryId);
    const a1 = await app.answer(a, q1.id);
    const a2 = await app.answer(b, q1.id, 'Swap the filter on the line, it is often the culprit.');
    const a3 = await app.answer(c, q2.id, 'Reset the hub with a pin for thirty seconds.');

    // Votes up, down, changed and taken back, by several voters on questions and answers.
    const votes: Array<[TestUser, 'QUESTION' | 'ANSWER', string, number]> = [
      [b, 'QUESTION', q1.id, 1], [c, 'QUESTION', q1.id, 1], [d, 'QUESTION', q1.id, -1], [e, 'ANSWER', a1.id, 1], [d, 'ANSWER', a1.id, 1],
      [c, 'ANSWER', a2.id, -1], [asker, 'ANSWER', a2.id, 1], [e, 'ANSWER', a1.id, -1], [d, 'QUESTION', q1.id, 0], [asker, 'ANSWER', a3.id, 1],
      [b, 'QUESTION', q2.id, -1], [b, 'QUESTION', q2.id, 1], [c, 'ANSWER', a2.id, 0], [e, 'QUESTION', q2.id, 1],
    ];
    for (const [voter, type, id, value] of votes) expect((await app.vote(voter, type, id, value)).errors).toBeUndefined();

    // Acceptances: given, moved to another answer, withdrawn, given again, and the accepted answer deleted.
    await app.acceptAnswer(asker, a1.id);
    await app.acceptAnswer(asker, a2.id);
    await app.ok(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: q1.id }, asker);
    await app.acceptAnswer(asker, a1.id);
    await app.acceptAnswer(a, a3.id);
    await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: a3.id }, c);

    expect(await mismatches()).toEqual([]);
    // Something really moved, or the comparison proves nothing.
    expect(await app.count('reputation_events')).toBeGreaterThan(20);
    const figures = await app.db.query(`SELECT id::text, reputation FROM users WHERE id = ANY($1::bigint[]) ORDER BY id`, [people.map((p) => p.id)]);
    expect(figures.map((f: { reputation: number }) => f.reputation)).toEqual([
      10, // asker: q1 up twice (d's downvote taken back)
      33, // a: a1 up twice, one turned down (+10 +10 −12), a1 accepted in the end (+15); q2 down turned up, and up once more (−2 +7 +5)
      10, // b: a2 up by the asker (c's downvote taken back); its acceptance moved away
      10, // c: a3 up, accepted, then deleted: the acceptance withdrawn, the upvote stands
      0, 0,
    ]);
  });

  it('explains every point on the profile, newest first, page by page', async () => {
    const [asker, helper, voter] = [await app.member(), await app.member(), await app.member()];
    const question = await app.ask(asker, categoryId, { title: 'Router drops every evening at eight' });
    const answer = await app.answer(helper, question.id);
    await app.vote(voter, 'ANSWER', answer.id, 1);
    await app.vote(voter, 'ANSWER', answer.id, -1);
    await app.acceptAnswer(asker, answer.id);

    const first = await app.ok<HistoryPage>(HISTORY, { id: helper.id, first: 2 }, voter);
    expect(first.user.reputation).toBe(10 - 10 - 2 + 15);
    expect(first.user.reputationHistory.totalCount).toBe(4);
    expect(first.user.reputationHistory.edges.map((edge) => edge.node.summary)).toEqual([
      '+15 accepted answer on “Router drops every evening at eight”',
      '−2 downvoted on “Router drops every evening at eight”',
    ]);
    expect(first.user.reputationHistory.edges[0].node).toMatchObject({ kind: 'ANSWER_ACCEPTED', questionId: question.id, answerId: answer.id });
    const rest = await app.ok<HistoryPage>(HISTORY, { id: helper.id, first: 2, after: first.user.reputationHistory.pageInfo.endCursor }, voter);
    expect(rest.user.reputationHistory.edges.map((edge) => edge.node.summary)).toEqual([
      '−10 answer upvote withdrawn on “Router drops every evening at eight”',
      '+10 answer upvoted on “Router drops every evening at eight”',
    ]);
    expect(rest.user.reputationHistory.pageInfo.hasNextPage).toBe(false);
    // Public, as on Stack Overflow: signed out sees it too.
    expect((await app.ok<HistoryPage>(HISTORY, { id: helper.id, first: 10 })).user.reputationHistory.totalCount).toBe(4);
  });

  it('opens an existing database’s ledger with each member’s reputation as it stood, so the sums match', async () => {
    // A database from before the ledger: reputations without rows (the migration undone, figures set).
    const [old, zero] = [await app.member(), await app.member()];
    const runner = app.db.createQueryRunner();
    try {
      await new ReputationLedger1763901530000().down(runner);
      await app.db.query(`UPDATE users SET reputation = 137 WHERE id = $1`, [old.id]);
      await new ReputationLedger1763901530000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await mismatches()).toEqual([]);
    expect(await app.db.query(`SELECT user_id::text, delta, kind FROM reputation_events WHERE user_id = ANY($1::bigint[])`, [[old.id, zero.id]]))
      .toEqual([{ user_id: old.id, delta: 137, kind: 'OPENING_BALANCE' }]);
    const page = await app.ok<HistoryPage>(HISTORY, { id: old.id, first: 5 });
    expect(page.user.reputationHistory.edges.map((edge) => edge.node.summary)).toEqual(['+137 reputation from before the history was kept']);
  });

  it('refuses a page size out of range', async () => {
    const member = await app.member();
    const response = await app.gql(HISTORY, { id: member.id, first: 1000 });
    expect(response.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });
});
