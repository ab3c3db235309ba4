import type { BrowserContext, Page } from 'playwright-core';
import { BrowserWorld, waitForHydration } from '../support/browser';
import type { TestUser } from '../support/test-app';

/**
 * Issue #16: a customer posted her e-mail address and a payment reference in a public comment. Before a
 * post goes public with what looks like personal data, the web warns, keeps the text and lets the person
 * edit it or post it anyway; all without JavaScript.
 */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start();
}, 90_000);

afterAll(() => world?.close());

async function withoutScripts(user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false, locale: 'en-GB' });
  await context.addCookies([{ name: 'peerdesk_session', value: user.token, url: world.webUrl, httpOnly: true, sameSite: 'Lax' }]);
  return { context, page: await context.newPage() };
}

const comment = 'You can e-mail me at jane.doe@example.com, payment reference PD-88213-4471.';

it('warns before a comment with an e-mail address goes public, keeps the text, and posts it when asked to', async () => {
  const asker = await world.api.member('Asking Anna');
  const question = await world.api.ask(asker, (await world.api.category()).id, { title: 'Billed twice for December', body: 'My bill shows the same charge twice this month.' });
  const reader = await world.api.member('Helpful Hugo');
  const { context, page } = await withoutScripts(reader);
  await page.goto(`/questions/${question.id}`);

  await page.locator('.post').first().getByText('Add a comment').click();
  await page.getByLabel('Comment').fill(comment);
  await page.getByRole('button', { name: 'Post comment' }).click();

  const warning = page.getByRole('alert').filter({ hasText: 'Anyone can read this once it is posted.' });
  await warning.getByText('This looks like an e-mail address: j***@example.com').waitFor();
  await warning.getByText('This looks like an account or reference number: P*-*****-**71').waitFor();
  await expect(page.getByLabel('Comment').inputValue()).resolves.toBe(comment);
  // Not the asker, and nothing escalated: there is no private conversation to send it to.
  await expect(warning.getByRole('button', { name: 'Send privately to our team instead' }).count()).resolves.toBe(0);
  await expect(warning.getByRole('link', { name: 'Edit' }).getAttribute('href')).resolves.toMatch(/#comment-.+-body$/);
  expect(await world.api.count('comments', 'body = $1', [comment])).toBe(0);

  await warning.getByRole('button', { name: 'Post publicly anyway' }).click();
  await page.getByRole('list', { name: 'Comments' }).getByText('You can e-mail me at jane.doe@example.com').waitFor();
  expect(await world.api.count('comments', 'body = $1', [comment])).toBe(1);
  await context.close();

  // The asker who called for our team (flagging the comment NEEDS_STAFF) is offered the private conversation instead, as the API would take it.
  const [{ id: commentId }] = await world.api.db.query(`SELECT id::text FROM comments WHERE body = $1`, [comment]);
  await world.api.ok(`mutation ($id: ID!) { flag(input: { targetType: COMMENT, targetId: $id, reason: NEEDS_STAFF }) { id } }`, { id: commentId }, asker);
  const own = await withoutScripts(asker);
  await own.page.goto(`/questions/${question.id}`);
  await own.page.getByRole('heading', { name: 'Your answer' }).waitFor();
  await own.page.getByLabel('Answer', { exact: true }).fill('Call me on 07700 900123 please.');
  await own.page.getByRole('button', { name: 'Post your answer' }).click();
  const ownWarning = own.page.getByRole('alert').filter({ hasText: 'This looks like a phone number: 0**** ****23' });
  await ownWarning.waitFor();
  await expect(ownWarning.getByRole('button', { name: 'Send privately to our team instead' }).getAttribute('formaction')).resolves.toBe('?/sendPrivateMessage');
  await own.context.close();
});

it('warns on the ask form too, with every field kept, and asks nothing of a post without personal data', async () => {
  const asker = await world.api.member('Careful Carla');
  const category = await world.api.category();
  const { context, page } = await withoutScripts(asker);
  await page.goto('/ask');
  await page.getByLabel('Title').fill('No broadband at SW1A 1AA since Tuesday');
  await page.getByLabel('Details').fill('The Hub 5 on firmware 7.2.1.4 shows a red light; 192.168.0.1 does not load.');
  await page.getByLabel('Category').selectOption(category.id);
  await page.getByRole('button', { name: 'Ask question' }).click();

  const warning = page.getByRole('alert').filter({ hasText: 'Anyone can read this once it is posted.' });
  await warning.getByText('This looks like a postcode: S*** *AA').waitFor();
  await expect(warning.locator('li').count()).resolves.toBe(1);
  await expect(page.getByLabel('Title').inputValue()).resolves.toBe('No broadband at SW1A 1AA since Tuesday');
  await expect(page.getByLabel('Category').inputValue()).resolves.toBe(category.id);
  expect(await world.api.count('questions', 'title = $1', ['No broadband at SW1A 1AA since Tuesday'])).toBe(0);

  // Edited, it posts with the ordinary button.
  await page.getByLabel('Title').fill('No broadband since Tuesday');
  await Promise.all([page.waitForURL(/\/questions\//), page.getByRole('button', { name: 'Ask question' }).click()]);
  await page.getByRole('heading', { name: 'No broadband since Tuesday' }).waitFor();
  await context.close();
});

it('with JavaScript, says so while the person types, and the posting still waits for a choice', async () => {
  const asker = await world.api.member('Typing Tom');
  const category = await world.api.category();
  const { context, page } = await world.withSession(asker);
  await page.goto('/ask');
  await waitForHydration(page);
  await page.getByLabel('Details').fill('My router at 192.168.0.1 drops; ring me on +353 87 123 4567.');
  await page.getByText('This looks like a phone number: +3** ** *** **67').waitFor();
  await expect(page.getByText('192.168').count()).resolves.toBe(0);

  await page.getByLabel('Title').fill('Router drops every evening after the update');
  await page.getByLabel('Category').selectOption(category.id);
  await page.getByRole('button', { name: 'Ask question' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Anyone can read this once it is posted.' });
  await warning.getByRole('button', { name: 'Post publicly anyway' }).waitFor();
  await Promise.all([page.waitForURL(/\/questions\//), warning.getByRole('button', { name: 'Post publicly anyway' }).click()]);
  await page.getByRole('heading', { name: 'Router drops every evening after the update' }).waitFor();
  await context.close();
});
