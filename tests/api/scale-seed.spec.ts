import { addBusinessHours, type BusinessCalendar } from '@peerdesk/domain';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { generateCommunity, planCommunity, SCALE_TABLES } from '../../apps/api/src/seed/scale/community-shape';
import { type ScaleSeedSummary, seedScaleCommunity } from '../../apps/api/src/seed/scale/scale-seeder';
import { expectRollupCurrent } from '../support/rollup-check';
import { TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

// The scale seed (npm run seed -- --scale) at a small size: the community has the shape it promises, the same seed
// writes the same rows, the derived data equals what the API would have written (report facts and rollups,
// reputation ledger, counters, statuses, search), and the running API serves its pages.

const QUESTIONS = 2000;

describe('the scale seed', () => {
  let app: TestApp;
  let summary: ScaleSeedSummary;
  const one = async <T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T> => (await app.db.query(sql, params))[0];

  beforeAll(async () => {
    app = await TestApp.start();
    // Ending now: nothing is due for the API's sweep while the test reads.
    summary = await seedScaleCommunity(app.db, { questions: QUESTIONS, seed: 11, endsAt: new Date(Math.floor(Date.now() / 1000) * 1000) });
  });
  afterAll(async () => { await app.close(); });

  it('makes a community with a long tail of answers, a heavy-tailed few answering most, and about half solved', async () => {
    expect(summary.rows.questions).toBe(QUESTIONS);
    const answers = await one(
      `SELECT avg(answer_count)::float8 AS mean, max(answer_count) AS max, avg((answer_count = 0)::int)::float8 AS unanswered,
              avg((status = 'SOLVED')::int)::float8 AS solved FROM questions`);
    expect(answers.mean).toBeGreaterThan(3);
    expect(answers.mean).toBeLessThan(5.5);
    expect(answers.max).toBeGreaterThanOrEqual(18);
    expect(answers.max).toBeLessThanOrEqual(31);
    expect(answers.unanswered).toBeGreaterThan(0.03);
    expect(answers.unanswered).toBeLessThan(0.25);
    expect(answers.solved).toBeGreaterThan(0.4);
    expect(answers.solved).toBeLessThan(0.62);
    // The busiest 1% of answerers write a fifth of the peer answers or more.
    const { share } = await one(
      `WITH by_author AS (SELECT author_id, count(*) AS n FROM answers WHERE author_kind = 'PEER' GROUP BY author_id)
       SELECT (SELECT sum(n) FROM (SELECT n FROM by_author ORDER BY n DESC LIMIT (SELECT count(*) FROM users) / 100) top)::float8
              / (SELECT sum(n) FROM by_author) AS share`);
    expect(share).toBeGreaterThan(0.2);
    expect(await app.count('categories')).toBe(20);
    expect(await app.count('users', `role = 'STAFF' AND affiliation = 'EMPLOYEE'`)).toBeGreaterThanOrEqual(5);
    expect(await app.count('categories c', 'NOT EXISTS (SELECT 1 FROM category_staff s WHERE s.category_id = c.id)')).toBe(0);
  });

  it('ends questions every way the report knows, escalates some and breaches a few', async () => {
    const outcomes: Array<{ outcome: string; n: number }> = await app.db.query(
      `SELECT report_outcome(f) AS outcome, count(*)::int AS n FROM report_question_facts f GROUP BY 1`);
    const kinds = new Set(outcomes.map((o) => o.outcome));
    for (const kind of ['PEER_SOLVED', 'SELF_SOLVED', 'STAFF_SOLVED', 'STAFF_SOLVED_PRIVATELY', 'PEER_SOLVED_AFTER_ESCALATION', 'ANSWERED_UNSOLVED_PEER_ONLY', 'UNANSWERED']) {
      expect(kinds).toContain(kind);
    }
    // Privately: a resolved private conversation (as the private-conversations module stores it), and no accepted answer.
    expect(await app.count('questions q', `status = 'SOLVED' AND accepted_answer_id IS NULL AND NOT EXISTS (
      SELECT 1 FROM private_conversations pc WHERE pc.question_id = q.id AND pc.resolved_at IS NOT NULL)`)).toBe(0);
    expect(await app.count('escalations', 'breached_at IS NOT NULL')).toBeGreaterThan(0);
    expect(await app.count('escalations', 'breached_at IS NULL')).toBeGreaterThan(0);
    // Staff answers and comments are classified as staff, and only theirs.
    for (const table of ['answers', 'comments']) {
      expect(await app.count(`${table} p JOIN users u ON u.id = p.author_id`, `(u.affiliation = 'EMPLOYEE') <> (p.author_kind = 'STAFF')`)).toBe(0);
      expect(await app.count(table, `author_kind = 'STAFF'`)).toBeGreaterThan(0);
    }
  });

  it('spreads three years of questions with fewer at night and at weekends', async () => {
    const span = await one(
      `SELECT extract(epoch FROM max(created_at) - min(created_at)) / 86400 AS days,
              avg((extract(isodow FROM created_at) < 6)::int)::float8 AS weekdays,
              avg((extract(hour FROM created_at) BETWEEN 9 AND 17)::int)::float8 AS office_hours FROM questions`);
    expect(Number(span.days)).toBeGreaterThan(3 * 365 - 15);
    // Weekdays are 5/7 of the days; they get more than that share of the questions, as office hours (9/24 of the day) do.
    expect(span.weekdays).toBeGreaterThan(5 / 7 + 0.05);
    expect(span.office_hours).toBeGreaterThan(9 / 24 + 0.1);
  });

  it('keeps the derived data equal to the raw rows: report facts and rollups, reputation, counters and statuses', async () => {
    await expectRollupCurrent(app.db);
    const reputation: unknown[] = await app.db.query(
      `SELECT u.id FROM users u LEFT JOIN reputation_events e ON e.user_id = u.id GROUP BY u.id HAVING u.reputation <> coalesce(sum(e.delta), 0)`);
    expect(reputation).toEqual([]);
    expect(await app.count('reputation_events')).toBeGreaterThan(0);
    const drift = await app.count('questions q', `
      answer_count <> (SELECT count(*) FROM answers a WHERE a.question_id = q.id)
      OR score <> (SELECT coalesce(sum(value), 0) FROM votes v WHERE v.target_type = 'QUESTION' AND v.target_id = q.id)
      OR view_count <> (SELECT count(*) FROM question_views v WHERE v.question_id = q.id)
      OR has_peer_answer <> EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.author_kind = 'PEER' AND a.author_id <> q.author_id)
      OR accepted_answer_id IS DISTINCT FROM (SELECT aa.answer_id FROM answer_acceptances aa WHERE aa.question_id = q.id AND aa.withdrawn_at IS NULL)
      OR (status = 'ESCALATED') <> EXISTS (SELECT 1 FROM escalations e WHERE e.question_id = q.id AND e.closed_at IS NULL)
      OR (status = 'OPEN') <> (answer_count = 0 AND status NOT IN ('SOLVED', 'ESCALATED'))
      OR (community_due_at IS NOT NULL AND status IN ('SOLVED', 'ESCALATED'))`);
    expect(drift).toBe(0);
    expect(await app.count('answers a', `score <> (SELECT coalesce(sum(value), 0) FROM votes v WHERE v.target_type = 'ANSWER' AND v.target_id = a.id)`)).toBe(0);
    // An escalation closed as solved or returned says when; its staff deadline is the category's business hours after it.
    expect(await app.count('escalations', `(closed_at IS NULL) <> (close_reason IS NULL)`)).toBe(0);
    const deadlines: Array<{ escalatedAt: Date; dueAt: Date; hours: number; calendar: BusinessCalendar }> = await app.db.query(
      `SELECT e.escalated_at AS "escalatedAt", e.staff_due_at AS "dueAt", c.staff_response_hours AS hours, c.business_calendar AS calendar
         FROM escalations e JOIN questions q ON q.id = e.question_id JOIN categories c ON c.id = q.category_id`);
    expect(deadlines.length).toBeGreaterThan(100);
    for (const { escalatedAt, dueAt, hours, calendar } of deadlines) {
      expect(dueAt.toISOString()).toBe(addBusinessHours(escalatedAt, hours, calendar).toISOString());
    }
    expect(await app.count('questions', 'search_vector IS NULL OR title_vector IS NULL')).toBe(0);
    // The categories page's counters, against a count of the questions themselves.
    const counted = await app.db.query(`SELECT category_id::text AS id, sum(questions)::int AS questions, sum(solved)::int AS solved, sum(unanswered)::int AS unanswered
                                          FROM category_counts GROUP BY category_id ORDER BY category_id`);
    const raw = await app.db.query(`SELECT category_id::text AS id, count(*)::int AS questions, count(*) FILTER (WHERE status = 'SOLVED')::int AS solved,
                                           count(*) FILTER (WHERE answer_count = 0 AND status <> 'CLOSED')::int AS unanswered
                                      FROM questions WHERE deleted_at IS NULL AND moderation_state = 'VISIBLE' GROUP BY category_id ORDER BY category_id`);
    expect(counted).toEqual(raw);
    expect(raw.length).toBe(20);
  });

  it('serves the busiest category, the showcase question and a search over GraphQL, and signs its accounts in', async () => {
    const category = await app.gql(`query ($slug: String!) { category(slug: $slug) { id name staffTeam { id } } }`, { slug: summary.busiestCategory.slug });
    expect(category.errors).toBeUndefined();
    expect(category.data!.category.id).toBe(summary.busiestCategory.id);
    const page = await app.gql(
      `query ($id: ID!) { questions(first: 20, filter: { categoryId: $id }, orderBy: ACTIVITY) { totalCount edges { node { id title status answerCount author { displayName } } } } }`,
      { id: summary.busiestCategory.id });
    expect(page.errors).toBeUndefined();
    expect(page.data!.questions.totalCount).toBe(summary.busiestCategory.questions);
    expect(page.data!.questions.edges).toHaveLength(20);

    const question = await app.gql(
      `query ($id: ID!) { question(id: $id) { id title answerCount answers { id body author { displayName } comments { id } } comments { id body } } }`,
      { id: summary.showcaseQuestion.id });
    expect(question.errors).toBeUndefined();
    expect(question.data!.question.answers).toHaveLength(summary.showcaseQuestion.answers);
    expect(summary.showcaseQuestion.answers).toBeGreaterThanOrEqual(15);

    const search = await app.gql(`query ($q: String!) { search(query: $q, first: 50) { totalCount edges { node { question { id } } } } }`,
      { q: `"${question.data!.question.title}"` });
    expect(search.errors).toBeUndefined();
    expect(search.data!.search.edges.map((e: { node: { question: { id: string } } }) => e.node.question.id)).toContain(summary.showcaseQuestion.id);

    for (const account of [summary.members[0], summary.staff]) {
      const login = await app.gql(`mutation ($input: LoginInput!) { login(input: $input) { user { id role } } }`,
        { input: { email: account.email, password: summary.password } });
      expect(login.errors).toBeUndefined();
      expect(login.data!.login.user.id).toBe(account.id);
    }
  });

  it('refuses a database that already holds a community', async () => {
    await expect(seedScaleCommunity(app.db, { questions: 10, seed: 1 })).rejects.toThrow(/only writes into an empty database/);
  });

  it('writes the same rows for the same seed and different rows for another', async () => {
    const endsAt = new Date('2026-06-01T00:00:00Z');
    const digestOf = async (seed: number): Promise<string> => {
      const database = await createTestDatabase();
      const db: DataSource = createDataSource(database.url, 2);
      await db.initialize();
      try {
        await seedScaleCommunity(db, { questions: 300, seed, endsAt });
        // Every loaded and derived table; password hashes are salted, so they are left out.
        const tables = [...Object.keys(SCALE_TABLES), 'report_question_facts', 'report_day_figures', 'report_day_durations', 'report_month_durations', 'report_day_peer_answers', 'report_month_peer_answers', 'search_words'];
        const digests: string[] = [];
        for (const table of tables) {
          const [{ digest }] = await db.query(
            `SELECT md5(string_agg(row, '|' ORDER BY row)) AS digest FROM (SELECT (to_jsonb(t) - 'password_hash')::text AS row FROM ${table} t) rows`);
          digests.push(`${table} ${digest}`);
        }
        return digests.join(', ');
      } finally {
        await db.destroy();
        await database.drop();
      }
    };
    const first = await digestOf(5);
    expect(await digestOf(5)).toBe(first);
    // Another seed draws another community (the generator alone, without a third database).
    const rowsOf = async (seed: number) => {
      const lines: string[] = [];
      await generateCommunity(planCommunity(300, endsAt), seed, 'hash', (table, line) => { lines.push(`${table} ${line}`); }, () => undefined);
      return lines;
    };
    expect(await rowsOf(5)).toEqual(await rowsOf(5));
    expect(await rowsOf(6)).not.toEqual(await rowsOf(5));
  }, 180_000);
});
