import { AutoCloseJob } from '../../apps/api/src/thread-moderation/auto-close.job';
import { BrowserWorld } from '../support/browser';

/**
 * An admin sets a category to close solved questions after a day (the admin form, without JavaScript); a day
 * after acceptance the question says it was closed because it was solved and offers "Ask a new question",
 * which opens the ask page with its title (and category) filled in.
 */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start({ RATE_LIMITS: 'off' });
}, 90_000);

afterAll(() => world?.close());

it('closes a solved question after the category’s days and links to asking again with the title prefilled', async () => {
  const { api } = world;
  const category = await api.category();
  const admin = await api.admin();
  const adminContext = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await adminContext.addCookies([{ name: 'peerdesk_session', value: admin.token, url: world.webUrl }]);
  adminContext.setDefaultTimeout(15_000);
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/admin#categories');
  await adminPage.locator('summary', { hasText: `/${category.slug}` }).click();
  await adminPage.locator(`#c-${category.id}-solvedAutoCloseDays`).fill('1');
  await adminPage.locator('form', { has: adminPage.locator(`#c-${category.id}-solvedAutoCloseDays`) }).getByRole('button', { name: /^Save / }).click();
  await adminPage.getByText('Category saved.').waitFor();
  await expect(adminPage.locator(`#c-${category.id}-solvedAutoCloseDays`).inputValue()).resolves.toBe('1');
  await adminContext.close();

  const [asker, peer] = [await api.member('Asker'), await api.member('Peer')];
  for (const member of [asker, peer]) await api.setTrustLevel(member, 'MEMBER');
  const title = 'Router drops Wi-Fi every evening & after updates';
  const question = await api.ask(asker, category.id, { title });
  await api.acceptAnswer(asker, (await api.answer(peer, question.id)).id);
  api.clock.advance(24 * 3600);
  expect(await api.provider(AutoCloseJob).runOnce()).toEqual([question.id]);

  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: peer.token, url: world.webUrl }]);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`/questions/${question.id}`);
  const notice = page.locator('#closed-notice');
  await expect(notice.innerText()).resolves.toContain('Closed automatically because it was solved. Solved; closed automatically after 1 day.');
  await expect(page.getByText('This question is closed and takes no new answers.').count()).resolves.toBe(1);
  await notice.getByRole('link', { name: 'Ask a new question' }).click();
  await page.waitForURL(/\/ask\?/);
  await expect(page.getByLabel('Title').inputValue()).resolves.toBe(title);
  await expect(page.getByLabel('Category').inputValue()).resolves.toBe(category.id);
  // A title too long for a question is cut to the longest one allowed, on one line.
  await page.goto(`/ask?title=${encodeURIComponent(`Line one\nline two ${'x'.repeat(400)}`)}`);
  const long = await page.getByLabel('Title').inputValue();
  expect(long.startsWith('Line one line two x')).toBe(true);
  expect(long).toHaveLength(200);
  await context.close();
}, 120_000);
