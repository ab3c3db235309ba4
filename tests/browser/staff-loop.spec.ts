import type { BrowserContext, Page } from 'playwright-core';
import type { TestUser } from '../support/test-app';
import { BrowserWorld, screenshot } from '../support/browser';

/**
 * Issue #16's whole staff loop in the browser, one question from asking to the report: the community's time runs out,
 * the sweep hands it to the category's staff team (and nobody else on staff), staff ask for information from the
 * queue, the asker reads the note and replies privately (through the personal-data warning's "send privately"
 * button), staff answer privately and resolve it with a public summary, the asker accepts it, and the report counts
 * it staff-solved. What was said privately never reaches search, the public page, the report's CSV or a volunteer
 * moderator.
 */
const TITLE = 'Direct debit taken twice this month';
const NOTE = 'Please tell us the e-mail address on the account';
// Distinctive words, so finding them anywhere (search, a page, the CSV) can only mean a leak.
const ASKER_REPLY = 'The account is aoife.quillfeather@example.org, mandate ref QF-58213-9904.';
const STAFF_REPLY = 'Thanks: we found the duplicate collection under mandate Quillfeather and refunded it.';
const SUMMARY = 'A direct debit collected twice is refunded by our team within three working days; we have done so here.';
const PRIVATE_TEXTS = [/quillfeather/i, /QF-58213/, /Please tell us the e-mail address/];
const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

let world: BrowserWorld;
let asker: TestUser;
let teamStaff: TestUser;
let otherStaff: TestUser;
let volunteer: TestUser;
let manager: TestUser;
let categoryId: string;
let questionId: string;
let startedAt: Date;

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  categoryId = (await api.category({ name: 'Billing', slug: 'billing', peerWindowHours: 1, staffResponseHours: 4, businessCalendar: alwaysOpen })).id;
  asker = await api.member('Aoife Asker');
  teamStaff = await api.userWithRole('STAFF', undefined, 'Sam Staff');
  otherStaff = await api.userWithRole('STAFF', undefined, 'Olga Otherteam');
  volunteer = await api.userWithRole('MODERATOR', 'COMMUNITY', 'Vera Volunteer');
  manager = await api.userWithRole('MANAGER');
  await api.setTrustLevel(asker, 'MEMBER');
  await api.ok(`mutation ($c: ID!, $u: [ID!]!) { setCategoryStaffTeam(categoryId: $c, userIds: $u) { id } }`, { c: categoryId, u: [teamStaff.id] }, await api.admin());
  startedAt = new Date(api.clock.now().getTime() - 1000);
}, 90_000);

afterAll(() => world?.close());

/** Forms post without scripts (the person's browser may have none); the server answers every step. */
async function withoutScripts(user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false, locale: 'en-GB' });
  await context.addCookies([{ name: 'peerdesk_session', value: user.token, url: world.webUrl, httpOnly: true, sameSite: 'Lax' }]);
  return { context, page: await context.newPage() };
}

const notificationKinds = async (user: TestUser): Promise<string[]> =>
  (await world.api.db.query(`SELECT kind FROM notifications WHERE user_id = $1 AND question_id = $2 ORDER BY id`, [user.id, questionId]) as Array<{ kind: string }>)
    .map((row) => row.kind);

it('runs the loop from asking to staff-solved', async () => {
  const api = world.api;
  questionId = (await api.ask(asker, categoryId, { title: TITLE, body: 'The same direct debit left my bank account twice on the 3rd.' })).id;
  const questionPath = `/questions/${questionId}`;

  // Nobody answers within the peer window: the sweep escalates it to the category's team only.
  expect((await world.advanceAndSweep(3600 + 60)).escalated).toContain(questionId);
  expect(await notificationKinds(teamStaff)).toEqual(['QUESTION_ESCALATED']);
  expect(await notificationKinds(otherStaff)).toEqual([]);
  const staffSide = await withoutScripts(teamStaff);
  await staffSide.page.goto('/notifications');
  await staffSide.page.getByRole('link', { name: new RegExp(TITLE) }).first().waitFor();

  // Staff ask for information from the queue.
  await staffSide.page.goto('/staff');
  const card = staffSide.page.getByRole('article', { name: TITLE });
  await card.getByText('Needs info…').click();
  await card.getByLabel(/What do you need from the asker/).fill(NOTE);
  await card.getByRole('button', { name: 'Mark as needs info' }).click();
  await card.getByText('Clock paused').waitFor();

  // The asker is notified and reads the note on the question.
  expect(await notificationKinds(asker)).toContain('NEEDS_INFO');
  const askerSide = await withoutScripts(asker);
  await askerSide.page.goto('/notifications');
  await askerSide.page.getByRole('link', { name: new RegExp(TITLE) }).first().waitFor();
  await askerSide.page.goto(questionPath);
  await expect(askerSide.page.locator('#needs-info blockquote').textContent()).resolves.toBe(NOTE);

  // She starts to answer in a public comment; the warning offers to send it privately instead, and she does.
  await askerSide.page.locator('.post').first().getByText('Add a comment').click();
  await askerSide.page.getByLabel('Comment').fill(ASKER_REPLY);
  await askerSide.page.getByRole('button', { name: 'Post comment' }).click();
  const warning = askerSide.page.getByRole('alert').filter({ hasText: 'Anyone can read this once it is posted.' });
  await warning.getByRole('button', { name: 'Send privately to our team instead' }).click();
  await askerSide.page.getByText('Sent privately').waitFor();
  await askerSide.page.goto(questionPath);
  await expect(askerSide.page.locator('#private').textContent()).resolves.toContain(ASKER_REPLY);
  expect(await api.count('comments', 'question_id = $1', [questionId])).toBe(0);

  // Her reply reaches the team (nobody is assigned), not staff outside it; staff answer privately.
  expect(await notificationKinds(teamStaff)).toContain('PRIVATE_MESSAGE');
  expect(await notificationKinds(otherStaff)).toEqual([]);
  await staffSide.page.goto(questionPath);
  await expect(staffSide.page.locator('#private').textContent()).resolves.toContain(ASKER_REPLY);
  await staffSide.page.getByLabel('Private message').fill(STAFF_REPLY);
  await staffSide.page.getByRole('button', { name: 'Send privately' }).click();
  await staffSide.page.getByText('Sent privately').waitFor();
  expect((await notificationKinds(asker)).filter((kind) => kind === 'PRIVATE_MESSAGE')).toHaveLength(1);

  // Staff resolve it with a public summary; the question reads as solved, no longer with our team.
  await staffSide.page.goto(questionPath);
  await staffSide.page.getByLabel(/Public summary/).fill(SUMMARY);
  await staffSide.page.getByRole('button', { name: 'Resolve privately' }).click();
  await staffSide.page.getByText('Resolved privately; your summary is posted as an answer.').waitFor();
  const afterResolve = await api.ok<{ question: { status: string; escalation: { closedAt: string | null; closeReason: string } } }>(
    `query ($id: ID!) { question(id: $id) { status escalation { closedAt closeReason } } }`, { id: questionId }, teamStaff);
  expect(afterResolve.question).toMatchObject({ status: 'SOLVED', escalation: { closeReason: 'SOLVED' } });

  // The asker accepts the summary.
  await askerSide.page.goto(questionPath);
  await askerSide.page.getByRole('article', { name: 'Answer by Sam Staff' }).getByRole('button', { name: 'Accept answer' }).click();
  await askerSide.page.getByRole('article', { name: 'Answer by Sam Staff' }).getByRole('button', { name: /Unaccept|Withdraw/ }).waitFor();
  await screenshot(askerSide.page, 'staff-loop-asker');
  await askerSide.context.close();
  await staffSide.context.close();

  // The report counts it staff-solved, never peer deflection.
  api.clock.advance(60);
  const input = { from: startedAt, to: new Date(api.clock.now().getTime() + 1000), bucket: 'DAY', categoryId };
  const { deflectionReport } = await api.ok<{ deflectionReport: { cohortSize: number; outcomes: Array<{ outcome: string; count: number }>; peerDeflectionRate: { numerator: number } } }>(
    `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { cohortSize outcomes { outcome count } peerDeflectionRate { numerator } } }`, { input }, manager);
  expect(deflectionReport.cohortSize).toBe(1);
  expect(deflectionReport.outcomes.filter((o) => o.count > 0)).toEqual([{ outcome: 'STAFF_SOLVED', count: 1 }]);
  expect(deflectionReport.peerDeflectionRate.numerator).toBe(0);
});

it('keeps the private messages out of search, the public page, the report CSV and a volunteer moderator’s view', async () => {
  const api = world.api;
  // Search (the PostgreSQL engine): the question is found by its public words, never by its private ones.
  const search = async (query: string) => (await api.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(
    `query ($q: String!) { search(query: $q) { edges { node { question { id } } } } }`, { q: query }, teamStaff)).search.edges.map((e) => e.node.question.id);
  expect(await search('direct debit')).toContain(questionId);
  expect(await search('quillfeather')).toEqual([]);
  expect(await search('QF-58213-9904')).toEqual([]);

  const visitor = await world.visitor();
  await visitor.page.goto(`/questions/${questionId}`);
  await visitor.page.getByText(SUMMARY).waitFor();
  const publicPage = await visitor.page.content();
  for (const text of PRIVATE_TEXTS) expect(publicPage).not.toMatch(text);
  await visitor.page.goto('/search?q=quillfeather');
  await expect(visitor.page.getByRole('link', { name: TITLE }).count()).resolves.toBe(0);
  await visitor.context.close();

  const moderatorSide = await withoutScripts(volunteer);
  await moderatorSide.page.goto(`/questions/${questionId}`);
  await moderatorSide.page.getByText(SUMMARY).waitFor();
  const moderatorPage = await moderatorSide.page.content();
  for (const text of PRIVATE_TEXTS) expect(moderatorPage).not.toMatch(text);
  await moderatorSide.context.close();

  const managerSide = await withoutScripts(manager);
  const to = new Date(api.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  const response = await managerSide.context.request.get(`/reports/deflection.csv?from=${startedAt.toISOString().slice(0, 10)}&to=${to}&bucket=DAY`);
  expect(response.status()).toBe(200);
  const csv = await response.text();
  // The category's row counts the question under staff_solved (no field here holds a comma).
  const rows = csv.trim().split('\n').map((line) => line.split(','));
  expect(rows.find((row) => row[1] === categoryId)?.[rows[0].indexOf('staff_solved')]).toBe('1');
  for (const text of PRIVATE_TEXTS) expect(csv).not.toMatch(text);
  await managerSide.context.close();
});
