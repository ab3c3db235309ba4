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

it('looks up likely duplicates of a title typed before hydration', async () => {
  const category = await world.api.category();
  const earlier = await world.api.ask(await world.api.member(), category.id, { title: 'Call forwarding stops after a software update' });
  const { context, page } = await world.withSession(member);
  await typeBeforeHydration(page, '/ask', () => page.getByLabel('Title').fill('Call forwarding stops working'));
  const suggestion = page.getByRole('region', { name: 'Similar questions' }).getByRole('link', { name: 'Call forwarding stops after a software update' });
  await suggestion.waitFor();
  // The suggestion goes (through the ask session's record of the opening) to the earlier question.
  expect(new URL(await suggestion.getAttribute('href') ?? '', 'http://web').searchParams.get('question')).toBe(earlier.id);
  // What was typed before hydration is still in the box: the look-up did not reset the form.
  await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Call forwarding stops working');
  await context.close();
});

it('keeps a search typed into the box before hydration, and finds the question', async () => {
  const category = await world.api.category();
  await world.api.ask(await world.api.member(), category.id, { title: 'Roaming data blocked in Portugal despite the add-on' });
  const { context, page } = await world.visitor();
  await typeBeforeHydration(page, '/search?q=voicemail', async () => {
    await page.getByRole('main').getByLabel('Search questions').fill('roaming portugal');
  });
  await expect(page.getByRole('main').getByLabel('Search questions').inputValue()).resolves.toBe('roaming portugal');
  await Promise.all([page.waitForURL(/q=roaming/), page.getByRole('main').getByLabel('Search questions').press('Enter')]);
  await page.getByRole('link', { name: /Roaming data blocked in Portugal/ }).waitFor();
  await context.close();
});

it("shows a member's answers, the accepted ones and their reputation on their profile", async () => {
  const api = world.api;
  const category = await api.category();
  const asker = await api.member('Profile Asker');
  const fixer = await api.member('Fionn Fixer');
  const solved = await api.ask(asker, category.id, { title: 'Bluetooth headset will not pair with the car' });
  const open = await api.ask(asker, category.id, { title: 'Hotspot password changes after every update' });
  const winning = await api.answer(fixer, solved.id, 'Remove the car from the headset’s list, then pair again from the car.');
  await api.answer(fixer, open.id, 'The update resets the hotspot settings; set a password of your own again.');
  expect((await api.acceptAnswer(asker, winning.id)).errors).toBeUndefined();

  const { context, page } = await world.visitor();
  await page.goto(`/users/${fixer.id}`);
  await page.getByRole('heading', { level: 1, name: /Fionn Fixer/ }).waitFor();
  const stats = (await page.locator('.stats').textContent()) ?? '';
  expect(stats).toMatch(/Reputation\s*15/); // the accepted answer
  expect(stats).toMatch(/Answers\s*2/);
  expect(stats).toMatch(/Accepted answers\s*1/);
  const accepted = page.getByRole('region', { name: 'Accepted answers' });
  await expect(accepted.getByRole('link').allTextContents()).resolves.toEqual(['Bluetooth headset will not pair with the car']);
  const latest = page.getByRole('region', { name: 'Latest answers' });
  await expect(latest.getByRole('link').allTextContents()).resolves.toEqual(['Hotspot password changes after every update', 'Bluetooth headset will not pair with the car']);
  await expect(latest.getByText('Accepted').count()).resolves.toBe(1);
  // Every point explained, with the question it came from; the trust level beside the role.
  const reputation = page.getByRole('region', { name: 'Reputation' });
  await expect(reputation.getByRole('listitem').first().textContent()).resolves.toMatch(/^\s*\+15\s+accepted answer\s+on Bluetooth headset will not pair with the car/);
  await expect(reputation.getByRole('link').allTextContents()).resolves.toEqual(['Bluetooth headset will not pair with the car']);
  await page.getByText('New member', { exact: true }).waitFor();
  await screenshot(page, 'profile');
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');

  await accepted.getByRole('link').click();
  await page.waitForURL((url) => url.hash === `#answer-${winning.id}`);
  await page.locator(`#answer-${winning.id}`).getByText('Solved by the community').waitFor();
  await context.close();
});

it('lets the author edit an answer with a preview and delete it; others see no such controls', async () => {
  const api = world.api;
  const category = await api.category();
  const asker = await api.member('Thread Asker');
  const question = await api.ask(asker, category.id, { title: 'Data roaming charges after coming home' });
  await api.answer(member, question.id, 'Turn data roaming off in the phone settings.');

  const bystander = await world.withSession(await api.member('Bystander Brid'));
  await bystander.page.goto(`/questions/${question.id}`);
  for (const control of ['Edit answer', 'Edit question']) await expect(bystander.page.getByRole('link', { name: control }).count()).resolves.toBe(0);
  await expect(bystander.page.getByText('Delete answer').count()).resolves.toBe(0);
  await bystander.context.close();

  const { context, page } = await world.withSession(member);
  await page.goto(`/questions/${question.id}`);
  await expect(page.getByRole('link', { name: 'Edit question' }).count()).resolves.toBe(0);
  await page.getByRole('link', { name: 'Edit answer' }).click();
  const text = page.getByRole('textbox', { name: 'Answer text' });
  await expect(text.inputValue()).resolves.toBe('Turn data roaming off in the phone settings.');
  await text.fill('Turn **data roaming** off in the phone settings, then restart the phone.');
  const editor = page.locator('form', { has: text });
  await editor.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('region', { name: 'Preview of answer text' }).locator('strong', { hasText: 'data roaming' }).waitFor();
  await expect(text.inputValue()).resolves.toContain('then restart the phone');
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await screenshot(page, 'answer-editor');
  await Promise.all([page.waitForURL((url) => !url.searchParams.has('edit')), editor.getByRole('button', { name: 'Save answer' }).click()]);
  const saved = page.getByRole('article', { name: 'Answer by Ciara Member' });
  await saved.locator('strong', { hasText: 'data roaming' }).waitFor();
  await expect(saved.textContent()).resolves.toContain('then restart the phone.');

  await page.getByText('Delete answer', { exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete this answer' }).click();
  await page.getByRole('status').filter({ hasText: 'The answer is deleted.' }).waitFor();
  await expect(page.getByRole('article', { name: /^Answer by/ }).count()).resolves.toBe(0);
  const after = await api.ok<{ question: { answerCount: number } }>(`query ($id: ID!) { question(id: $id) { answerCount } }`, { id: question.id });
  expect(after.question.answerCount).toBe(0);
  await context.close();
});

it('lets the asker edit their question without JavaScript, with the API’s message beside a refused field', async () => {
  const api = world.api;
  const asker = await api.member('No Script Asker');
  const question = await api.ask(asker, (await api.category()).id, { title: 'Phone gets hot while charging overnight' });
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: asker.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto(`/questions/${question.id}`);
  await page.getByRole('link', { name: 'Edit question' }).click();
  await page.getByLabel('Title').fill('Hot');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.locator('#edit-title-error').textContent()).resolves.toMatch(/\d+/);
  await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Hot');
  await page.getByLabel('Title').fill('Phone gets hot while charging overnight with a fast charger');
  await page.getByRole('textbox', { name: /^Tags/ }).fill('battery, charging');
  await page.getByRole('button', { name: 'Save question' }).click();
  await page.waitForURL(/phone-gets-hot-while-charging-overnight-with-a-fast-charger$/);
  await page.getByRole('heading', { level: 1, name: 'Phone gets hot while charging overnight with a fast charger' }).waitFor();
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents()).resolves.toEqual(['battery', 'charging']);
  await context.close();
});
