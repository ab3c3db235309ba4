import { loadConfig } from '../../apps/api/src/config/config';
import { seedDemo, seedDemoIfWanted } from '../../apps/api/src/seed/demo-seeder';
import { TestApp } from '../support/test-app';

describe('demo community seed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await seedDemo(app.db, loadConfig({ NODE_ENV: 'test' }));
  });
  afterAll(async () => { await app.close(); });

  it('makes 3 categories and 30 questions with every outcome a report needs', async () => {
    const [counts] = await app.db.query(`
      SELECT (SELECT count(*) FROM categories)::int AS categories,
             count(*)::int AS questions,
             count(*) FILTER (WHERE q.status = 'SOLVED' AND a.author_kind = 'PEER' AND a.author_id <> q.author_id)::int AS peer_solved,
             count(*) FILTER (WHERE q.status = 'SOLVED' AND a.author_kind = 'STAFF')::int AS staff_solved,
             count(*) FILTER (WHERE q.status = 'SOLVED' AND a.author_id = q.author_id)::int AS self_solved,
             count(*) FILTER (WHERE q.status = 'ANSWERED')::int AS answered_unsolved,
             count(*) FILTER (WHERE q.status = 'OPEN' AND q.answer_count = 0)::int AS unanswered
        FROM questions q LEFT JOIN answers a ON a.id = q.accepted_answer_id`);
    expect(counts).toEqual({
      categories: 3, questions: 30, peer_solved: 13, staff_solved: 5, self_solved: 1, answered_unsolved: 5, unanswered: 6,
    });
  });

  it('records staff answers as STAFF and the volunteer moderator as PEER', async () => {
    const rows: Array<{ role: string; affiliation: string; author_kind: string }> = await app.db.query(`
      SELECT DISTINCT u.role, u.affiliation, a.author_kind FROM answers a JOIN users u ON u.id = a.author_id ORDER BY 1, 3`);
    expect(rows).toEqual([
      { role: 'MEMBER', affiliation: 'COMMUNITY', author_kind: 'PEER' },
      { role: 'MODERATOR', affiliation: 'COMMUNITY', author_kind: 'PEER' },
      { role: 'STAFF', affiliation: 'EMPLOYEE', author_kind: 'STAFF' },
    ]);
  });

  it('shows through the API as a lived-in community', async () => {
    const data = await app.ok<{ categories: Array<{ slug: string; questionCount: number }> }>(`{ categories { slug questionCount } }`);
    expect(data.categories.map((c) => [c.slug, c.questionCount])).toEqual([['billing', 9], ['broadband', 12], ['tv', 9]]);
  });

  it('is never seeded twice into a community that has questions', async () => {
    await seedDemoIfWanted({ dataSource: app.db, embedded: true }, loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'true' }));
    const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM questions');
    expect(count).toBe(30);
  });
});
