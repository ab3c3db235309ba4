import type { TestUser } from '../support/test-app';
import { BrowserWorld } from '../support/browser';

/**
 * What every form does with the API's answer (formAction in apps/web/src/lib/server/forms.ts), without
 * JavaScript: a refusal is read out as an alert, each field's message sits beside its field, what was
 * typed stays in the form, and a visitor sending a member's form is sent to sign in first.
 */
let world: BrowserWorld;
let member: TestUser;
let questionId: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  member = await world.api.member('Fiadh Forms');
  questionId = (await world.api.ask(member, (await world.api.category()).id, { title: 'Landline crackles whenever it rains' })).id;
}, 90_000);

afterAll(() => world?.close());

async function noScript(user: TestUser) {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: user.token, url: world.webUrl }]);
  return { context, page: await context.newPage() };
}

it('keeps a refused display name with its message beside the field', async () => {
  const { context, page } = await noScript(member);
  await page.goto('/account');
  await page.getByRole('textbox', { name: 'Display name' }).fill('F');
  const response = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Save name' }).click()]);
  expect(response[0].status()).toBe(400);
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/displayName/);
  await expect(page.locator('#displayName-error').textContent()).resolves.toMatch(/\d/);
  await expect(page.getByRole('textbox', { name: 'Display name' }).inputValue()).resolves.toBe('F');
  await expect(page.getByRole('textbox', { name: 'Display name' }).getAttribute('aria-invalid')).resolves.toBe('true');
  await context.close();
});

it('keeps what a moderator typed when the API refuses it, with its words as an alert', async () => {
  const { context, page } = await noScript(await world.api.userWithRole('MODERATOR'));
  await page.goto(`/questions/${questionId}`);
  await page.getByText('Moderate this question').click();
  // OTHER needs a note: the API refuses, the menu stays open with the reason and the field's message.
  await page.getByLabel('Close reason').selectOption('OTHER');
  await page.getByRole('button', { name: 'Close question' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.not.toBe('');
  await expect(page.locator('#mod-close-note-error').textContent()).resolves.toMatch(/note/);
  await expect(page.getByLabel('Close reason').inputValue()).resolves.toBe('OTHER');
  expect(await page.getByRole('status').count()).toBe(0);
  await context.close();
});

it("sends a visitor who posts a member's form to sign in, and back to the page afterwards", async () => {
  const origin = new URL(world.webUrl).origin;
  const response = await fetch(`${world.webUrl}/questions/${questionId}?/answer`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, // as a browser without JavaScript sends it
    body: new URLSearchParams({ body: 'Check the socket for water.' }),
  });
  expect(response.status).toBe(303);
  const target = new URL(response.headers.get('location')!, world.webUrl);
  expect(target.pathname).toBe('/login');
  expect(target.searchParams.get('next')).toBe(`/questions/${questionId}`);
});
