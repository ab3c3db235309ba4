import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, seriousAxeViolations, waitForHydration } from '../support/browser';

/** What a newcomer's first walk through the site tripped over: voting on their own posts, the ask page's Back button, the categories page. */
let world: BrowserWorld;
let asker: TestUser;
let reader: TestUser;

beforeAll(async () => {
  world = await BrowserWorld.start();
  asker = await world.api.member('Own Post Asker');
  reader = await world.api.member('Rory Reader');
  // The asker asks five questions here within the hour, more than a NEW member's limit (tests/api/trust-rate-limits.spec.ts).
  await world.api.setTrustLevel(asker, 'MEMBER');
}, 90_000);

afterAll(() => world?.close());

const OWN_POST = "You can't vote on your own post.";

it("shows the score without vote buttons on the viewer's own posts, with the reason", async () => {
  const question = await world.api.ask(asker, (await world.api.category()).id, { title: 'Landline crackles when it rains' });
  await world.api.answer(reader, question.id, 'Ask for the line to be tested; water in the junction box does this.');
  await world.api.answer(asker, question.id, 'Update: the engineer is coming on Monday, I will report back.');
  const { context, page } = await world.withSession(asker);
  await page.goto(`/questions/${question.id}`);
  const own = page.getByRole('article', { name: 'Answer by Own Post Asker' });
  for (const post of [page.locator('article.question'), own]) {
    await expect(post.getByRole('button', { name: /^(Up|Down)vote/ }).count()).resolves.toBe(0);
    await expect(post.getByTitle(OWN_POST).textContent()).resolves.toMatch(OWN_POST);
  }
  // Counts read in the singular too.
  await page.getByText('1 view', { exact: true }).waitFor();
  await page.getByRole('heading', { name: '2 answers' }).waitFor();
  await expect(page.getByRole('article', { name: 'Answer by Rory Reader' }).getByRole('button', { name: /^(Up|Down)vote answer$/ }).count()).resolves.toBe(2);
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await context.close();
});

it.each([true, false])('shows a refused vote beside the vote buttons (JavaScript: %p)', async (javaScriptEnabled) => {
  const question = await world.api.ask(asker, (await world.api.category()).id, { title: 'Voicemail PIN is not accepted after a reset' });
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled });
  await context.addCookies([{ name: 'peerdesk_session', value: reader.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto(`/questions/${question.id}`);
  if (javaScriptEnabled) await waitForHydration(page);
  // Signed in as the asker in another tab meanwhile: this page still offers votes on what is now their own question.
  await context.addCookies([{ name: 'peerdesk_session', value: asker.token, url: world.webUrl }]);
  await page.locator('article.question').getByRole('button', { name: 'Upvote question' }).click();
  await expect(page.locator('article.question .vote').getByRole('alert').textContent()).resolves.toBe(OWN_POST);
  await context.close();
});

it('keeps the title, body and tags typed on the ask page after opening a suggestion and going back', async () => {
  await world.api.ask(reader, (await world.api.category()).id, { title: 'Broadband router reboots every night at 3am' });
  const { context, page } = await world.withSession(asker);
  await page.goto('/ask');
  await waitForHydration(page);
  const title = 'Router reboots every night';
  const body = 'Since last week the router restarts by itself every night; the lights all go off.';
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Details').fill(body);
  await page.getByLabel(/^Tags/).fill('router, broadband');
  await Promise.all([
    page.waitForURL(/\/questions\/\d+/),
    page.getByRole('region', { name: 'Similar questions' }).getByRole('link', { name: 'Broadband router reboots every night at 3am' }).click(),
  ]);
  await page.goBack();
  await page.waitForURL(/\/ask$/);
  await expect(page.getByLabel('Title').inputValue()).resolves.toBe(title);
  await expect(page.getByLabel('Details').inputValue()).resolves.toBe(body);
  await expect(page.getByLabel(/^Tags/).inputValue()).resolves.toBe('router, broadband');
  await context.close();
});

it('lists every category with its figures on /categories, reached from the breadcrumbs, without JavaScript', async () => {
  const api = world.api;
  const category = await api.category({ name: 'Aa Pay-as-you-go top-ups', description: 'Credit, vouchers and auto top-up.' });
  const solved = await api.ask(asker, category.id, { title: 'Top-up voucher says already used' });
  await api.ask(asker, category.id, { title: 'Auto top-up charged me twice this month' });
  const answer = await api.answer(reader, solved.id, 'Call the voucher line; they re-issue used codes within a day.');
  expect((await api.acceptAnswer(asker, answer.id)).errors).toBeUndefined();
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/categories/${category.slug}`);
  await Promise.all([page.waitForURL(/\/categories$/), page.locator('.crumbs').getByRole('link', { name: 'Categories' }).click()]);
  const row = page.getByRole('row', { name: /Aa Pay-as-you-go top-ups/ });
  await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['2 questions', '50%', '1 question', expect.stringMatching(/\w/)]);
  await row.getByText('Credit, vouchers and auto top-up.').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' }).waitFor();
  await context.close();
  // axe-core runs as a script, so the accessibility check needs a profile with JavaScript.
  const visitor = await world.visitor();
  await visitor.page.goto('/categories');
  expect(describeViolations(await seriousAxeViolations(visitor.page))).toBe('');
  await visitor.context.close();
});
