import { absoluteTime } from '../../apps/web/src/lib/time';
import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, waitForHydration } from '../support/browser';

/**
 * The users console in a real browser: a moderator finds a member by part of their e-mail address and
 * suspends them with a reason; the member, whose question page was already open, is refused the answer
 * with that reason, and from then on sees the banner on every page and no answer form.
 */
let world: BrowserWorld;
let member: TestUser;
let moderator: TestUser;
let questionId: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  member = await api.member('Fionn Spammer');
  moderator = await api.userWithRole('MODERATOR', undefined, 'Mo Moderator');
  const category = await api.category();
  questionId = (await api.ask(await api.member('Asker'), category.id, { title: 'Roaming data stops at the border' })).id;
}, 90_000);

afterAll(() => world?.close());

it('lets a moderator find a member by part of their e-mail and suspend them; the member sees why and cannot post', async () => {
  // The member has the question open before the suspension.
  const asMember = await world.withSession(member);
  await asMember.page.goto(`/questions/${questionId}`);
  await waitForHydration(asMember.page);

  const { context, page } = await world.withSession(moderator);
  await page.goto('/moderation/users');
  const localPart = member.email.split('@')[0];
  await page.getByLabel('Name or e-mail').fill(localPart.slice(3, 12).toUpperCase());
  await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole('button', { name: 'Find users' }).click()]);
  await page.getByRole('status').filter({ hasText: '1 user' }).waitFor();
  // A moderator finds by address but does not read it.
  await expect(page.getByText(member.email).count()).resolves.toBe(0);
  await page.getByRole('link', { name: 'Fionn Spammer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fionn Spammer' }).waitFor();
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');

  const until = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const untilText = absoluteTime(`${until}T00:00:00Z`);
  const suspend = page.locator('form[action="?/suspend"]');
  await suspend.getByLabel(/^Until/).fill(until);
  await suspend.getByLabel(/^Reason/).fill('Posting referral links in every thread.');
  await suspend.getByRole('button', { name: 'Suspend' }).click();
  await page.getByRole('status').filter({ hasText: `Suspended until ${untilText}.` }).waitFor();
  await page.getByText(`Suspended until ${untilText}: Posting referral links in every thread.`).waitFor();
  await screenshot(page, 'moderation-user');
  await context.close();

  // The page opened before: the answer is refused with the reason.
  await asMember.page.getByLabel('Answer', { exact: true }).fill('Buy a cheap SIM at my referral link, it always works abroad.');
  await asMember.page.getByRole('button', { name: 'Post your answer' }).click();
  await asMember.page.getByRole('alert').filter({ hasText: 'Posting referral links in every thread.' }).waitFor();
  const { question } = await world.api.ok<{ question: { answers: unknown[] } }>(`query ($id: ID!) { question(id: $id) { answers { id } } }`, { id: questionId });
  expect(question.answers).toEqual([]);

  // From now on: the banner on every page, and the answer form says why instead of taking an answer.
  await asMember.page.goto(`/questions/${questionId}`);
  const banner = asMember.page.locator('.suspension-banner');
  await expect(banner.textContent()).resolves.toContain(`suspended until ${untilText}: Posting referral links in every thread.`);
  await asMember.page.getByText("You can't post an answer while your account is suspended").waitFor();
  await expect(asMember.page.getByRole('button', { name: 'Post your answer' }).count()).resolves.toBe(0);
  await asMember.page.goto('/');
  await expect(asMember.page.locator('.suspension-banner').count()).resolves.toBe(1);
  await screenshot(asMember.page, 'suspended-member');
  await asMember.context.close();
});

it('never answers a non-numeric look-up with a 404: the old admin look-up becomes the search', async () => {
  const admin = await world.api.admin();
  const { context, page } = await world.withSession(admin);
  const response = await page.goto('/admin?user=fionn');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/moderation/users');
  await page.getByRole('link', { name: 'Fionn Spammer' }).waitFor();
  // An admin reads the address.
  await page.getByText(member.email).waitFor();
  await context.close();
});

it('keeps members out of the users pages', async () => {
  const { context, page } = await world.withSession(await world.api.member());
  expect((await page.goto('/moderation/users'))?.status()).toBe(403);
  expect((await page.goto(`/moderation/users/${member.id}`))?.status()).toBe(403);
  await context.close();
});
