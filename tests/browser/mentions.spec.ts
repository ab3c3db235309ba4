import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, waitForHydration } from '../support/browser';
import type { TestUser } from '../support/test-app';

/**
 * Telling people: @mention autocomplete in the editor (scripts on) suggests the thread's participant and
 * writes their token; watching a category and per-kind e-mail preferences work as plain forms (scripts off).
 */
let world: BrowserWorld;
let categoryId: string;
let categorySlug: string;
let asker: TestUser;
let participant: TestUser;

beforeAll(async () => {
  world = await BrowserWorld.start();
  ({ id: categoryId, slug: categorySlug } = await world.api.category({ name: 'Home broadband' }));
  asker = await world.api.member('Mira Asker');
  participant = await world.api.member('Anwen Parry');
}, 90_000);

afterAll(async () => {
  if (world && process.env.PEERDESK_WEB_LOG) process.stdout.write(world.webOutput());
  await world?.close();
});

/** A context with `user`'s session and scripts switched off: what works without JavaScript. */
async function withoutScripts(user: TestUser) {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false, locale: 'en-GB' });
  await context.addCookies([{ name: 'peerdesk_session', value: user.token, url: world.webUrl, httpOnly: true, sameSite: 'Lax' }]);
  return { context, page: await context.newPage() };
}

it("suggests the thread's participant while @ is typed in an answer, and inserts their mention token with the keyboard", async () => {
  const questionId = (await world.api.ask(asker, categoryId)).id;
  await world.api.answer(participant, questionId, 'Reset the router and pair the phone again, it helps.');
  const { context, page } = await world.withSession(asker);
  await page.goto(`/questions/${questionId}`);
  await waitForHydration(page);

  const answerBox = page.getByLabel('Answer', { exact: true });
  await answerBox.click();
  await answerBox.pressSequentially('Thanks @Anw');
  const listbox = page.getByRole('listbox', { name: 'Members to mention' });
  await listbox.getByRole('option', { name: /Anwen Parry/ }).waitFor();
  expect(await answerBox.getAttribute('aria-activedescendant')).toBe(await listbox.getByRole('option').first().getAttribute('id'));
  await page.getByRole('status').filter({ hasText: /\d+ members? to mention/ }).waitFor();
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await screenshot(page, 'mention-autocomplete');

  await answerBox.press('Enter');
  await expect(answerBox.inputValue()).resolves.toBe(`Thanks @Anwen_Parry#${participant.id} `);
  expect(await listbox.count()).toBe(0);
  await context.close();
});

it('watches and stops watching a category without JavaScript', async () => {
  const { context, page } = await withoutScripts(asker);
  await page.goto(`/categories/${categorySlug}`);
  await Promise.all([page.waitForURL(`**/categories/${categorySlug}?/watch`), page.getByRole('button', { name: 'Watch', exact: true }).click()]);
  await page.getByText('You will be notified of every new question in this category.').waitFor();
  await page.getByRole('button', { name: 'Stop watching' }).waitFor();

  // The next question in it notifies the watcher.
  await world.api.ask(participant, categoryId);
  expect(await world.api.count('notifications', `user_id = $1 AND kind = 'QUESTION_ASKED'`, [asker.id])).toBe(1);

  await page.getByRole('button', { name: 'Stop watching' }).click();
  await page.getByText('You stopped watching this category.').waitFor();
  await page.getByRole('button', { name: 'Watch', exact: true }).waitFor();
  await context.close();
});

it('sets e-mail per kind of notification on the account page without JavaScript', async () => {
  const { context, page } = await withoutScripts(participant);
  await page.goto('/account');
  await page.getByLabel('Mentioned').selectOption('IMMEDIATE');
  await page.getByLabel('Comment posted').selectOption('DAILY_DIGEST');
  await page.getByRole('button', { name: 'Save e-mail preferences' }).click();
  await page.getByText('Your e-mail preferences were saved.').waitFor();
  await expect(page.getByLabel('Mentioned').inputValue()).resolves.toBe('IMMEDIATE');
  await expect(page.getByLabel('Answer posted').inputValue()).resolves.toBe('');
  expect(await world.api.db.query(`SELECT kind, email FROM notification_preferences WHERE user_id = $1 ORDER BY kind`, [participant.id]))
    .toEqual([{ kind: 'COMMENT_POSTED', email: 'DAILY_DIGEST' }, { kind: 'MENTIONED', email: 'IMMEDIATE' }]);
  await context.close();
});
