import { loadConfig } from '../../apps/api/src/config/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/seed/demo-accounts';
import { seedDemo } from '../../apps/api/src/seed/demo-seeder';
import { BrowserWorld, screenshot, signIn } from '../support/browser';

/**
 * The Brightwave demo as a newcomer meets it: signed in through the form as each demo role, every one
 * finds something to do on its own page.
 */
let world: BrowserWorld;
const now = new Date();
const emailOf = (role: string): string => DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
const ymd = (date: Date): string => date.toISOString().slice(0, 10);

beforeAll(async () => {
  world = await BrowserWorld.start();
  await seedDemo(world.api.db, loadConfig({ NODE_ENV: 'test' }), { now });
}, 240_000);

afterAll(() => world?.close());

async function signedInAs(role: string) {
  const visitor = await world.visitor();
  await signIn(visitor.page, emailOf(role), DEMO_PASSWORD);
  return visitor;
}

it('shows a member their unread notifications', async () => {
  const { context, page } = await signedInAs('MEMBER');
  await page.goto('/notifications');
  await expect(page.getByText(/^[1-9]\d* unread$/).count()).resolves.toBe(1);
  await expect(page.locator('li.unread').count()).resolves.toBeGreaterThan(0);
  await screenshot(page, 'demo-member-notifications');
  await context.close();
});

it('opens the moderation console for the volunteer moderator', async () => {
  const { context, page } = await signedInAs('MODERATOR');
  const response = await page.goto('/moderation');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Acting on a question' }).count()).resolves.toBe(1);
  await context.close();
});

it('gives staff a queue with waiting, breached and needs-info escalations', async () => {
  const { context, page } = await signedInAs('STAFF');
  await page.goto('/staff');
  await expect(page.getByRole('article').count()).resolves.toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('button', { name: 'Claim' }).count()).resolves.toBeGreaterThan(0);
  const text = await page.locator('main').textContent();
  expect(text).toMatch(/Breached|overdue/);
  expect(text).toMatch(/Needs info|Clock paused/);
  await screenshot(page, 'demo-staff-queue');
  await context.close();
});

it("shows the manager's deflection report with a year of history", async () => {
  const { context, page } = await signedInAs('MANAGER');
  const from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1));
  await page.goto(`/reports/deflection?from=${ymd(from)}&to=${ymd(now)}&bucket=MONTH`);
  const firstChart = page.locator('figure.chart svg').first();
  // One bar group per month that had questions.
  const monthsWithBars = await firstChart.evaluate((svg) => [...svg.querySelectorAll('g')].filter((g) => g.querySelector('rect[data-outcome]')).length);
  expect(monthsWithBars).toBeGreaterThanOrEqual(12);
  const outcomes = await firstChart.evaluate((svg) => [...new Set([...svg.querySelectorAll('rect[data-outcome]')].map((rect) => rect.getAttribute('data-outcome')))]);
  expect(outcomes).toEqual(expect.arrayContaining(['PEER_SOLVED', 'STAFF_SOLVED']));
  await screenshot(page, 'demo-manager-report');
  await context.close();
});

it('opens the admin page with the four categories', async () => {
  const { context, page } = await signedInAs('ADMIN');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Categories and escalation policies' }).count()).resolves.toBe(1);
  const categories = await page.locator('#categories').textContent();
  for (const name of ['Broadband', 'TV', 'Billing', 'Mobile']) expect(categories).toContain(name);
  await context.close();
});
