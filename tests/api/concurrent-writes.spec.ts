import { acceptanceReputation, seededRandom, voteReputationDelta } from '@peerdesk/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { inTransaction, Transactions } from '../../apps/api/src/database/transactions';
import { expectRollupCurrent } from '../support/rollup-check';
import { type GraphQLResponse, TestApp, type TestUser } from '../support/test-app';

// Two API instances on one database, many people acting on the same few threads at once: every write
// takes its locks in one order (apps/api/src/database/transactions.ts), so nobody deadlocks and nobody
// sees an internal error, and what is left is consistent.

describe('concurrent writes', () => {
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    // Many members and writes from one test address: about concurrency, not rate limits (rate-limits.spec.ts).
    one = await TestApp.start({ RATE_LIMITS: 'off' });
    two = await TestApp.start({ RATE_LIMITS: 'off' }, { sameDatabaseAs: one });
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('50 accepts, withdrawals and votes on two threads through two instances: no error, and scores, acceptances, statuses, reputation and report rollups agree', async () => {
    const category = await one.category();
    const askers = [await one.member('Asker 1'), await one.member('Asker 2')];
    const peers = [await one.member('Peer 1'), await one.member('Peer 2')];
    const voters = [await one.member('Voter 1'), await one.member('Voter 2'), await one.member('Voter 3'), await one.member('Voter 4')];
    const threads: Array<{ asker: TestUser; questionId: string; answerIds: string[] }> = [];
    for (const asker of askers) {
      const question = await one.ask(asker, category.id);
      const answerIds: string[] = [];
      // Peers answer each other's threads, and the asker answers too (accepting your own answer earns nothing).
      for (const author of [...peers, asker]) answerIds.push((await one.answer(author, question.id)).id);
      threads.push({ asker, questionId: question.id, answerIds });
    }

    const random = seededRandom(20260512);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const operations: Array<() => Promise<GraphQLResponse>> = [];
    for (let i = 0; i < 50; i++) {
      const app = i % 2 === 0 ? one : two;
      const thread = pick(threads);
      const roll = random();
      if (roll < 0.35) {
        const answerId = pick(thread.answerIds);
        operations.push(() => app.acceptAnswer(thread.asker, answerId));
      } else if (roll < 0.5) {
        operations.push(() => app.gql(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: thread.questionId }, thread.asker));
      } else {
        const voter = pick(voters);
        const onQuestion = random() < 0.2;
        operations.push(() => app.vote(voter, onQuestion ? 'QUESTION' : 'ANSWER', onQuestion ? thread.questionId : pick(thread.answerIds), pick([1, -1, 0, 1])));
      }
    }
    const responses = await Promise.all(operations.map((operation) => operation()));

    // A withdrawal that came after another one has nothing left to withdraw: that, and only that, is refused.
    const errors = responses.flatMap((r) => r.errors ?? []).filter((e) => !(e.extensions.code === 'CONFLICT' && /no accepted answer/.test(e.message)));
    expect(errors).toEqual([]);
    expect(responses.filter((r) => !r.errors).length).toBeGreaterThan(40);

    const db = one.db;
    // Scores are the sums of the votes.
    expect(await db.query(
      `SELECT 'question' AS kind, q.id, q.score, coalesce(sum(v.value), 0)::int AS votes FROM questions q
         LEFT JOIN votes v ON v.target_type = 'QUESTION' AND v.target_id = q.id GROUP BY q.id HAVING q.score <> coalesce(sum(v.value), 0)
       UNION ALL
       SELECT 'answer', a.id, a.score, coalesce(sum(v.value), 0)::int FROM answers a
         LEFT JOIN votes v ON v.target_type = 'ANSWER' AND v.target_id = a.id GROUP BY a.id HAVING a.score <> coalesce(sum(v.value), 0)`)).toEqual([]);
    // A question's accepted answer is its one standing acceptance, and its status says so.
    for (const { questionId } of threads) {
      const [question] = await db.query('SELECT accepted_answer_id, status, solved_at FROM questions WHERE id = $1', [questionId]);
      const standing: Array<{ answer_id: string }> = await db.query('SELECT answer_id FROM answer_acceptances WHERE question_id = $1 AND withdrawn_at IS NULL', [questionId]);
      expect(standing.length).toBeLessThanOrEqual(1);
      expect(question.accepted_answer_id).toBe(standing[0]?.answer_id ?? null);
      expect(question.status).toBe(question.accepted_answer_id ? 'SOLVED' : 'ANSWERED');
      expect(question.solved_at === null).toBe(question.accepted_answer_id === null);
    }
    // Reputation is what the standing votes and acceptances give.
    const expected = new Map<string, number>();
    const give = (userId: string, points: number) => expected.set(userId, (expected.get(userId) ?? 0) + points);
    const votes: Array<{ target_type: 'QUESTION' | 'ANSWER'; value: 1 | -1; author_id: string }> = await db.query(
      `SELECT v.target_type, v.value, coalesce(q.author_id, a.author_id) AS author_id FROM votes v
         LEFT JOIN questions q ON v.target_type = 'QUESTION' AND q.id = v.target_id
         LEFT JOIN answers a ON v.target_type = 'ANSWER' AND a.id = v.target_id`);
    for (const vote of votes) give(vote.author_id, voteReputationDelta(vote.target_type, 0, vote.value));
    const accepted: Array<{ answer_author: string; question_author: string }> = await db.query(
      `SELECT a.author_id AS answer_author, q.author_id AS question_author FROM questions q JOIN answers a ON a.id = q.accepted_answer_id`);
    for (const row of accepted) give(row.answer_author, acceptanceReputation({ authorId: row.answer_author }, { authorId: row.question_author }));
    const reputation: Array<{ id: string; reputation: number }> = await db.query('SELECT id, reputation FROM users');
    for (const user of reputation) expect({ user: user.id, reputation: user.reputation }).toEqual({ user: user.id, reputation: expected.get(user.id) ?? 0 });
    // The report's facts and rollups equal their recomputation from the raw tables.
    await expectRollupCurrent(db);
  });

  /** Resolves once `n` statements on this database wait for a lock (a condition, not a delay). */
  async function waitingForLocks(n: number): Promise<void> {
    for (;;) {
      const [{ waiting }] = await one.db.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (waiting >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('a vote on an answer and the acceptance of that answer, interleaved at their worst, neither deadlock nor need a retry', async () => {
    const category = await one.category();
    const [asker, peer, voter] = [await one.member(), await one.member(), await one.member()];
    const question = await one.ask(asker, category.id);
    const [first, second] = [await one.answer(peer, question.id), await one.answer(peer, question.id)];
    expect((await one.acceptAnswer(asker, first.id)).errors).toBeUndefined();
    const retriesBefore = one.provider(Transactions).retries + two.provider(Transactions).retries;

    // A third party holds the voter's vote row (inserted, not committed), so the vote stops halfway, holding its locks.
    const blocker = new Client({ connectionString: one.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`INSERT INTO votes (user_id, target_type, target_id, value, created_at, updated_at) VALUES ($1, 'ANSWER', $2, 1, now(), now())`, [voter.id, second.id]);
      const vote = one.vote(voter, 'ANSWER', second.id, 1);
      await waitingForLocks(1);
      // Meanwhile the asker switches the acceptance to that answer, through the other instance.
      const accept = two.acceptAnswer(asker, second.id);
      await waitingForLocks(2);
      await blocker.query('ROLLBACK');
      const [voted, accepted] = await Promise.all([vote, accept]);
      expect(voted.errors).toBeUndefined();
      expect(accepted.errors).toBeUndefined();
      expect(voted.data!.vote.score).toBe(1);
      expect(accepted.data!.acceptAnswer.status).toBe('SOLVED');
    } finally {
      await blocker.end();
    }
    expect(one.provider(Transactions).retries + two.provider(Transactions).retries).toBe(retriesBefore);
    await expectRollupCurrent(one.db);
  });
});

describe('the transaction helper', () => {
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    db = createDataSource(app.databaseUrl, 4);
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await app.close();
  });

  it('runs a transaction again after PostgreSQL chose it as a deadlock victim, and both commit', async () => {
    const [a, b] = [await app.member('Row A'), await app.member('Row B')];
    // Each transaction locks one row, waits until the other has locked its row, then wants the other's row:
    // a deadlock on their first attempt, which PostgreSQL breaks by aborting one of them (40P01).
    const attempts = { first: 0, second: 0 };
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => { release = resolve; });
    let locked = 0;
    const cross = (mine: TestUser, theirs: TestUser, counter: 'first' | 'second') => inTransaction(db, async (em) => {
      attempts[counter]++;
      await em.query('UPDATE users SET reputation = reputation + 1 WHERE id = $1', [mine.id]);
      if (attempts.first + attempts.second <= 2 && ++locked === 2) release();
      if (attempts.first + attempts.second <= 2) await bothLocked;
      await em.query('UPDATE users SET reputation = reputation + 1 WHERE id = $1', [theirs.id]);
    });
    await Promise.all([cross(a, b, 'first'), cross(b, a, 'second')]);
    expect(attempts.first + attempts.second).toBe(3);
    const rows: Array<{ reputation: number }> = await db.query('SELECT reputation FROM users WHERE id = ANY($1) ORDER BY id', [[a.id, b.id]]);
    expect(rows.map((r) => r.reputation)).toEqual([2, 2]);
  });

  it('gives up after its attempts and lets the error through', async () => {
    let attempts = 0;
    const failing = inTransaction(db, async (em) => {
      attempts++;
      await em.query(`DO $$ BEGIN RAISE EXCEPTION 'always' USING ERRCODE = '40001'; END $$`);
    }, { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 });
    await expect(failing).rejects.toThrow('always');
    expect(attempts).toBe(3);
  });
});
