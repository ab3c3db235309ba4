import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../apps/api/src/config/config';
import { defaultDemoDump, seedDemoCommunity, seedDemoIfWanted } from '../../apps/api/src/seed/demo-seeder';
import { TestApp } from '../support/test-app';

const FRENCH_META = fileURLToPath(new URL('../../data/samples/stackexchange/french-meta/', import.meta.url));

describe('demo community seed from French Language Meta', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    expect(await seedDemoCommunity(app.db, loadConfig({ NODE_ENV: 'test' }), { log: () => {} })).toBe('stackexchange');
  });
  afterAll(async () => { await app.close(); });

  it('finds the sample beside the repository by default', () => {
    expect(path.resolve(defaultDemoDump())).toBe(path.resolve(FRENCH_META));
  });

  it('imports the real questions and answers into one "Community" category', async () => {
    const data = await app.ok<{ categories: Array<{ slug: string; name: string; questionCount: number }> }>(`{ categories { slug name questionCount } }`);
    expect(data.categories.map((c) => [c.slug, c.name, c.questionCount])).toEqual([['community', 'Community', 274]]);
    expect(await app.count('answers')).toBe(487);
    expect(await app.count('questions', 'accepted_answer_id IS NOT NULL')).toBe(86);
  });

  it('makes its 3 most active answerers employees whose answers are STAFF', async () => {
    const staff: Array<{ n: number }> = await app.db.query(`
      SELECT count(DISTINCT a.author_id)::int AS n FROM answers a JOIN users u ON u.id = a.author_id
       WHERE a.author_kind = 'STAFF' AND u.affiliation = 'EMPLOYEE'`);
    expect(staff[0].n).toBe(3);
    expect(await app.count("answers a JOIN users u ON u.id = a.author_id", "u.affiliation = 'COMMUNITY' AND a.author_kind <> 'PEER'")).toBe(0);
  });

  it('lets the demo admin sign in', async () => {
    const data = await app.ok<{ login: { user: { role: string } } }>(
      `mutation { login(input: { email: "admin@example.com", password: "peerdesk-demo" }) { user { role } } }`,
    );
    expect(data.login.user.role).toBe('ADMIN');
  });
});

describe('hand-written demo community (when the Stack Exchange sample is missing)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    const logged: string[] = [];
    const kind = await seedDemoCommunity(app.db, loadConfig({ NODE_ENV: 'test' }), { dumpDir: '/nonexistent/french-meta', log: (m) => logged.push(m) });
    expect(kind).toBe('hand-written');
    expect(logged.join('\n')).toContain('hand-written demo');
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
