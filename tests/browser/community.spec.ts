import type { Page } from 'playwright-core';
import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, waitForHydration } from '../support/browser';

/**
 * Members' pages beyond the main journey: forms filled before the page's JavaScript has run, profiles
 * with a member's answers, and editing and deleting one's own posts.
 */
let world: BrowserWorld;
let member: TestUser;

beforeAll(async () => {
  world = await BrowserWorld.start();
  member = await world.api.member('Ciara Member');
}, 90_000);

afterAll(() => world?.close());

/**
 * Holds the page's JavaScript back until `typing` has run, as a slow phone or a busy machine does, then
 * lets it load and waits for hydration: what was typed must still be in the fields afterwards.
 */
async function typeBeforeHydration(page: Page, path: string, typing: () => Promise<void>): Promise<void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await typing();
  release();
  await waitForHydration(page);
}

it('keeps what was typed into the sign-in form before hydration, and signs in', async () => {
  const { context, page } = await world.visitor();
  await typeBeforeHydration(page, '/login', async () => {
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  });
  await expect(page.getByLabel('Email').inputValue()).resolves.toBe(member.email);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.getByRole('link', { name: 'Ciara Member' }).waitFor();
  await context.close();
});

it('keeps an answer typed before hydration, and posts it', async () => {
  const category = await world.api.category();
  const question = await world.api.ask(await world.api.member(), category.id, { title: 'Voicemail greeting resets itself every week' });
  const { context, page } = await world.withSession(member);
  const body = 'Record the greeting again from the app rather than by dialling in; the dial-in one expires.';
  await typeBeforeHydration(page, `/questions/${question.id}`, () => page.getByLabel('Answer', { exact: true }).fill(body));
  await expect(page.getByLabel('Answer', { exact: true }).inputValue()).resolves.toBe(body);
  await page.getByRole('button', { name: 'Post your answer' }).click();
  await page.getByText('the dial-in one expires').first().waitFor();
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await screenshot(page, 'question-typed-before-hydration');
  await context.close();
});
