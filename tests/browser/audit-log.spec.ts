import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations } from '../support/browser';

/**
 * The audit log's console page: a moderator finds it in the moderation nav, filters it by action (a GET
 * form, with and without JavaScript) and reads each entry as a sentence linking to its target; a member
 * gets the readable 403.
 */
let world: BrowserWorld;
let member: TestUser;
let moderator: TestUser;
let escalated: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  const category = await api.category({ name: 'Billing', slug: 'billing' });
  member = await api.member('Aoife Member');
  moderator = await api.userWithRole('MODERATOR', undefined, 'Fergal');
  const [original, duplicate] = [await api.ask(member, category.id), await api.ask(member, category.id)];
  escalated = (await api.ask(member, category.id, { title: 'My account is locked after a payment' })).id;
  await api.ok(`mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { id } }`, { q: duplicate.id, o: original.id }, moderator);
  await api.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Only billing can unlock accounts") { id } }`, { q: escalated }, moderator);
}, 90_000);

afterAll(() => world?.close());

it('shows a moderator every action, filtered by action, each entry readable and linking to its target', async () => {
  const { context, page } = await world.withSession(moderator);
  await page.goto('/moderation');
  await page.getByRole('navigation', { name: 'Moderation' }).getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL(/\/moderation\/audit$/);
  const entries = page.getByRole('listitem').filter({ has: page.locator('.sentence') });
  await expect(entries.count()).resolves.toBeGreaterThanOrEqual(3);

  await page.getByLabel('Action').selectOption('QUESTION_ESCALATED');
  await Promise.all([page.waitForURL(/action=QUESTION_ESCALATED/), page.getByRole('button', { name: 'Apply filters' }).click()]);
  await expect(entries.count()).resolves.toBe(1);
  await expect(entries.locator('.sentence').textContent()).resolves.toBe(`Fergal sent to staff question ${escalated}: Only billing can unlock accounts`);
  await expect(entries.getByRole('link', { name: `Open question ${escalated}` }).getAttribute('href')).resolves.toBe(`/questions/${escalated}`);
  await screenshot(page, 'audit-log');
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');

  // A filter the API refuses shows its words beside the field.
  await page.goto('/moderation/audit?actor=fergal');
  await page.getByText('"fergal" is not an id').waitFor();
  await context.close();
});

it('filters without JavaScript, the form being a plain GET', async () => {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: moderator.token, url: world.webUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  await page.goto('/moderation/audit');
  await page.getByLabel('Action').selectOption('QUESTION_MARKED_DUPLICATE');
  await Promise.all([page.waitForURL(/action=QUESTION_MARKED_DUPLICATE/), page.getByRole('button', { name: 'Apply filters' }).click()]);
  await expect(page.locator('.sentence').allTextContents()).resolves.toEqual([expect.stringMatching(/^Fergal marked as a duplicate question \d+$/)]);
  await context.close();
});

it('gives a member the readable 403 and no link to it', async () => {
  const { context, page } = await world.withSession(member);
  const response = await page.goto('/moderation/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/permission|access|not allowed/i);
  await expect(page.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
  await context.close();
});
