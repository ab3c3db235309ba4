import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../apps/api/src/config/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/seed/demo-accounts';
import { DEMO_COMMUNITY } from '../../apps/api/src/seed/demo-content';
import { DEMO_SEED, generateYear } from '../../apps/api/src/seed/demo-history';
import { defaultDemoDump, seedDemo, seedDemoCommunity, seedDemoIfWanted } from '../../apps/api/src/seed/demo-seeder';
import { TestApp } from '../support/test-app';

const FRENCH_META = fileURLToPath(new URL('../../data/samples/stackexchange/french-meta/', import.meta.url));
const DAY_MS = 24 * 3600 * 1000;

describe('the Brightwave demo (the default)', () => {
  let app: TestApp;
  const now = new Date();
  const tokens = new Map<string, string>();
  const as = (key: string) => ({ token: tokens.get(key)! });

  beforeAll(async () => {
    app = await TestApp.start();
    await seedDemo(app.db, loadConfig({ NODE_ENV: 'test' }), { now });
    for (const account of DEMO_ACCOUNTS) {
      const { login } = await app.ok<{ login: { token: string } }>(
        `mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }`,
        { email: account.email, password: DEMO_PASSWORD },
      );
      tokens.set(account.key, login.token);
    }
  }, 180_000);
  afterAll(async () => { await app.close(); });

  it('lets every demo account sign in with its role and affiliation, one account per role at least', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const { me } = await app.ok<{ me: { role: string; affiliation: string } }>(`{ me { role affiliation } }`, {}, as(account.key));
      expect([account.email, me.role, me.affiliation]).toEqual([account.email, account.role, account.affiliation]);
    }
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.role))).toEqual(new Set(['MEMBER', 'MODERATOR', 'STAFF', 'MANAGER', 'ADMIN']));
  });

  it('has Broadband, TV, Billing and Mobile, each with the questions the seed and the hand-written weeks give it', async () => {
    const { categories } = await app.ok<{ categories: Array<{ slug: string; questionCount: number }> }>(`{ categories { slug questionCount } }`);
    const planned = [...generateYear(DEMO_SEED, now, DEMO_COMMUNITY.categories), ...DEMO_COMMUNITY.questions];
    const slugOf = new Map(DEMO_COMMUNITY.categories.map((category) => [category.key, category.slug]));
    const expected = ['billing', 'broadband', 'mobile', 'tv'].map((slug) => [slug, planned.filter((q) => slugOf.get(q.category) === slug).length]);
    expect(categories.map((c) => [c.slug, c.questionCount]).sort()).toEqual(expected);
    for (const [, count] of expected) expect(count).toBeGreaterThan(0);
  });

  it('leaves the staff queue work to do: waiting with a deadline ahead, breached, waiting on the asker', async () => {
    const { staffQueue } = await app.ok<{ staffQueue: { edges: Array<{ node: { escalation: any } }> } }>(
      `{ staffQueue(first: 50) { edges { node { escalation { state staffDueAt breachedAt firstStaffResponseAt needsInfo { note } assignee { id } } } } } }`,
      {}, as('niamh'),
    );
    const items = staffQueue.edges.map((edge) => edge.node.escalation);
    expect(items.some((e) => e.state === 'WAITING' && e.assignee === null && Date.parse(e.staffDueAt) > now.getTime())).toBe(true);
    expect(items.some((e) => e.state === 'BREACHED' && e.firstStaffResponseAt === null && Date.parse(e.breachedAt) < now.getTime())).toBe(true);
    expect(items.some((e) => e.state === 'NEEDS_INFO' && e.needsInfo?.note && e.staffDueAt === null)).toBe(true);
    // The note staff left when asking the customer is in the escalation's history.
    expect(await app.count('escalation_events ev JOIN escalations e ON e.id = ev.escalation_id',
      `ev.type = 'NEEDS_INFO' AND ev.note <> '' AND e.closed_at IS NULL AND e.paused_since IS NOT NULL`)).toBeGreaterThan(0);
  });

  it('has a duplicate that points at its original', async () => {
    const [{ id }] = await app.db.query(`SELECT id::text FROM questions WHERE duplicate_of IS NOT NULL ORDER BY created_at DESC LIMIT 1`);
    const { question } = await app.ok<{ question: { status: string; duplicateOf: { id: string; status: string } } }>(
      `query ($id: ID!) { question(id: $id) { status duplicateOf { id status } } }`, { id },
    );
    expect(question.status).toBe('CLOSED');
    expect(question.duplicateOf).toMatchObject({ status: 'SOLVED' });
  });

  it('shows the manager search gaps: searches that found little', async () => {
    const { searchGaps } = await app.ok<{ searchGaps: Array<{ query: string; lastTotal: number }> }>(
      `query ($from: DateTime!, $to: DateTime!) { searchGaps(from: $from, to: $to) { query lastTotal } }`,
      { from: new Date(now.getTime() - 30 * DAY_MS).toISOString(), to: new Date(now.getTime() + DAY_MS).toISOString() }, as('sarah'),
    );
    expect(searchGaps.length).toBeGreaterThan(0);
    for (const gap of searchGaps) expect(gap.lastTotal).toBeLessThanOrEqual(2);
  });

  it('shows a year of deflection: peer-solved and staff-solved questions in most of the last 12 months', async () => {
    const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1));
    const { deflectionReport } = await app.ok<{ deflectionReport: { series: Array<{ cohortSize: number; outcomes: Array<{ outcome: string; count: number }> }> } }>(
      `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { series { bucketStart cohortSize outcomes { outcome count } } } }`,
      { input: { from: from.toISOString(), to: now.toISOString(), bucket: 'MONTH' } }, as('sarah'),
    );
    const months = deflectionReport.series;
    const count = (outcomes: Array<{ outcome: string; count: number }>, outcome: string) => outcomes.find((o) => o.outcome === outcome)?.count ?? 0;
    const monthsWith = (outcome: string) => months.filter((month) => count(month.outcomes, outcome) > 0).length;
    expect(months.length).toBeGreaterThanOrEqual(12);
    expect(monthsWith('PEER_SOLVED')).toBeGreaterThanOrEqual(10);
    expect(monthsWith('STAFF_SOLVED')).toBeGreaterThanOrEqual(9);
    for (const outcome of ['SELF_SOLVED', 'ANSWERED_UNSOLVED_PEER_ONLY', 'UNANSWERED', 'PEER_SOLVED_AFTER_ESCALATION']) {
      expect([outcome, monthsWith(outcome) > 0]).toEqual([outcome, true]);
    }
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

  it('escalates by timeout: every escalation of the year came from the sweep', async () => {
    expect(await app.count('escalations', `reason NOT IN ('UNANSWERED_TIMEOUT', 'UNSOLVED_TIMEOUT')`)).toBe(0);
    expect(await app.count('escalations', `reason = 'UNANSWERED_TIMEOUT'`)).toBeGreaterThan(20);
    expect(await app.count('escalations', `reason = 'UNSOLVED_TIMEOUT'`)).toBeGreaterThan(10);
  });

  it('leaves the member accounts unread notifications', async () => {
    for (const key of ['siobhan', 'aoife']) {
      const { unreadNotificationCount } = await app.ok<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`, {}, as(key));
      expect([key, unreadNotificationCount > 0]).toEqual([key, true]);
    }
  });

  it('asks exactly the questions its seed determines, so the same seed gives the same community', async () => {
    const expected = [...generateYear(DEMO_SEED, now, DEMO_COMMUNITY.categories), ...DEMO_COMMUNITY.questions]
      .map((q) => ({ title: q.title, at: now.getTime() - Math.round(q.hoursAgo * 3600 * 1000) }))
      .sort((a, b) => a.at - b.at)
      .map((q) => q.title);
    const asked: Array<{ title: string }> = await app.db.query(`SELECT title FROM questions ORDER BY created_at, id`);
    expect(asked.map((q) => q.title)).toEqual(expected);
    expect(generateYear(DEMO_SEED, now, DEMO_COMMUNITY.categories)).toEqual(generateYear(DEMO_SEED, now, DEMO_COMMUNITY.categories));
    expect(generateYear(DEMO_SEED + 1, now, DEMO_COMMUNITY.categories).map((q) => q.title))
      .not.toEqual(generateYear(DEMO_SEED, now, DEMO_COMMUNITY.categories).map((q) => q.title));
  });

  it('is never seeded twice into a community that has questions', async () => {
    const before = await app.count('questions');
    await seedDemoIfWanted({ dataSource: app.db, embedded: true }, loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'true' }));
    expect(await app.count('questions')).toBe(before);
  });
});

describe('the Stack Exchange demo (npm run seed -- --demo=stackexchange)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await seedDemoCommunity(app.db, loadConfig({ NODE_ENV: 'test' }), { demo: 'stackexchange', log: () => {} });
  });
  afterAll(async () => { await app.close(); });

  it('finds the sample in the repository by default', () => {
    expect(path.resolve(defaultDemoDump())).toBe(path.resolve(FRENCH_META));
  });

  /** The dump's posts read with a plain pattern, independently of the importer's XML reader. */
  const dumpPosts = () => [...readFileSync(path.join(FRENCH_META, 'Posts.xml'), 'utf8').matchAll(/<row [^>]*\/>/g)].map(([row]) => ({
    type: /PostTypeId="(\d+)"/.exec(row)?.[1],
    owner: /OwnerUserId="(-?\d+)"/.exec(row)?.[1],
  }));

  it('imports every question and answer of the dump into one "Community" category', async () => {
    const posts = dumpPosts();
    const data = await app.ok<{ categories: Array<{ slug: string; name: string; questionCount: number }> }>(`{ categories { slug name questionCount } }`);
    expect(data.categories.map((c) => [c.slug, c.name, c.questionCount])).toEqual([['community', 'Community', posts.filter((p) => p.type === '1').length]]);
    expect(await app.count('answers')).toBe(posts.filter((p) => p.type === '2').length);
  });

  it("makes the dump's 3 most active answerers employees, and only their answers STAFF", async () => {
    const answersBy = new Map<string, number>();
    for (const { type, owner } of dumpPosts()) if (type === '2' && owner && owner !== '-1') answersBy.set(owner, (answersBy.get(owner) ?? 0) + 1);
    const mostActive = [...answersBy].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0])).slice(0, 3).map(([id]) => id);
    const employees: Array<{ source_id: string }> = await app.db.query(`
      SELECT m.source_id FROM import_mappings m JOIN users u ON u.id = m.target_id
       WHERE m.kind = 'user' AND u.affiliation = 'EMPLOYEE' AND u.role <> 'ADMIN' ORDER BY m.source_id`);
    expect(employees.map((e) => e.source_id)).toEqual([...mostActive].sort());
    const staffAnswers = mostActive.reduce((sum, id) => sum + answersBy.get(id)!, 0);
    expect(await app.count('answers', `author_kind = 'STAFF'`)).toBe(staffAnswers);
    expect(await app.count("answers a JOIN users u ON u.id = a.author_id", "u.affiliation = 'COMMUNITY' AND a.author_kind <> 'PEER'")).toBe(0);
  });

  it('lets the demo admin sign in', async () => {
    const data = await app.ok<{ login: { user: { role: string } } }>(
      `mutation { login(input: { email: "admin@example.com", password: "${DEMO_PASSWORD}" }) { user { role } } }`,
    );
    expect(data.login.user.role).toBe('ADMIN');
  });
});
