import { absoluteTime } from '../../apps/web/src/lib/time';
import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations } from '../support/browser';

/**
 * The staff loop's steps in the web app: the asker calls for our team without JavaScript once the
 * community's time is up, staff endorse a peer answer, and a deadline reads the same on the question
 * page and in the staff queue (the viewer's own time zone, else the category's calendar zone).
 */
let world: BrowserWorld;
let asker: TestUser;
let peer: TestUser;
let staff: TestUser;
let questionId: string;
let answerId: string;
const TITLE = 'Roaming charges appeared after I came home';
// Dublin's working hours every day, so the staff deadline is plain wall-clock arithmetic in a zone the viewer does not use.
const dublinAlwaysOpen = { timeZone: 'Europe/Dublin', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  const category = await api.category({ name: 'Roaming', slug: 'roaming', peerWindowHours: 1, unsolvedWindowHours: 72, staffResponseHours: 4, businessCalendar: dublinAlwaysOpen });
  asker = await api.member('Orla Asker');
  peer = await api.member('Pat Peer');
  staff = await api.userWithRole('STAFF', undefined, 'Sam Staff');
  questionId = (await api.ask(asker, category.id, { title: TITLE })).id;
  // A peer answer keeps the sweep from escalating at the end of the peer window: the asker decides.
  answerId = (await api.answer(peer, questionId)).id;
}, 90_000);

afterAll(() => world?.close());

it('tells the asker when they may ask our team, then takes the request without JavaScript', async () => {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: asker.token, url: world.webUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const { question } = await world.api.ok<{ question: { createdAt: string } }>(`query ($id: ID!) { question(id: $id) { createdAt } }`, { id: questionId });
  const availableAt = absoluteTime(new Date(Date.parse(question.createdAt) + 3600_000), 'Europe/Dublin');

  await page.goto(`/questions/${questionId}`);
  await page.getByText(`The community gets 1 hour to help first; you can ask our team from ${availableAt}.`).waitFor();
  await expect(page.getByRole('button', { name: 'Request staff help' }).count()).resolves.toBe(0);

  await world.advanceAndSweep(3600 + 60);
  await page.reload();
  await page.getByRole('button', { name: 'Request staff help' }).click();
  await page.getByRole('status').filter({ hasText: 'Our team has your question now' }).waitFor();
  await page.getByText('Our team will answer by').waitFor();
  await expect(page.getByRole('button', { name: 'Request staff help' }).count()).resolves.toBe(0);
  await screenshot(page, 'staff-help-requested');
  await context.close();

  const { question: after } = await world.api.ok<{ question: { status: string; escalation: { reason: string } } }>(
    `query ($id: ID!) { question(id: $id) { status escalation { reason } } }`, { id: questionId });
  expect(after).toEqual({ status: 'ESCALATED', escalation: { reason: 'ASKER_REQUEST' } });
});

it('shows the same deadline on the question page and in the staff queue, in the zone set on the account page', async () => {
  const { context, page } = await world.withSession(staff);
  await page.goto('/account');
  const zoneForm = page.locator('form[action="?/timeZone"]');
  await zoneForm.getByLabel(/^Time zone/).fill('Mars/Olympus');
  await zoneForm.getByRole('button', { name: 'Save time zone' }).click();
  await page.locator('#timeZone-error').filter({ hasText: 'is not known' }).waitFor();
  await zoneForm.getByLabel(/^Time zone/).fill('America/New_York');
  await zoneForm.getByRole('button', { name: 'Save time zone' }).click();
  await page.getByRole('status').filter({ hasText: 'Times are now shown in your time zone.' }).waitFor();

  const { question } = await world.api.ok<{ question: { escalation: { staffDueAt: string } } }>(
    `query ($id: ID!) { question(id: $id) { escalation { staffDueAt } } }`, { id: questionId });
  const expected = absoluteTime(question.escalation.staffDueAt, 'America/New_York');
  expect(expected).toMatch(/GMT-5|EST/);

  await page.goto(`/questions/${questionId}`);
  const onQuestion = await page.locator('.escalated time').textContent();
  await page.goto('/staff');
  const onQueue = await page.getByRole('article', { name: TITLE }).locator(`time[datetime="${question.escalation.staffDueAt}"]`).textContent();
  expect({ onQuestion, onQueue }).toEqual({ onQuestion: expected, onQueue: expected });
  await context.close();
});

it('lets staff endorse a peer answer and withdraw it; members see the label and no button', async () => {
  const { context, page } = await world.withSession(staff);
  await page.goto(`/questions/${questionId}`);
  const answer = page.locator(`#answer-${answerId}`);
  await answer.getByRole('button', { name: 'Endorse' }).click();
  await answer.getByRole('status').filter({ hasText: 'Endorsed' }).waitFor();
  await answer.getByText('Endorsed by our team').waitFor();
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  const endorsed = async () => (await world.api.ok<{ question: { answers: Array<{ id: string; endorsedByStaff: boolean }> } }>(
    `query ($id: ID!) { question(id: $id) { answers { id endorsedByStaff } } }`, { id: questionId })).question.answers.find((a) => a.id === answerId)!.endorsedByStaff;
  expect(await endorsed()).toBe(true);

  const member = await world.withSession(peer);
  await member.page.goto(`/questions/${questionId}`);
  await member.page.locator(`#answer-${answerId}`).getByText('Endorsed by our team').waitFor();
  await expect(member.page.getByRole('button', { name: /Endorse/ }).count()).resolves.toBe(0);
  await member.context.close();

  await answer.getByRole('button', { name: 'Withdraw endorsement' }).click();
  await answer.getByRole('status').filter({ hasText: 'withdrawn' }).waitFor();
  await expect(answer.getByText('Endorsed by our team').count()).resolves.toBe(0);
  expect(await endorsed()).toBe(false);
  await context.close();
});
