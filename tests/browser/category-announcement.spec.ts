import { BrowserWorld, describeViolations, seriousAxeViolations } from '../support/browser';

/** A moderator pins an announcement in a category from its page (without JavaScript); visitors read it there and only there. */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start();
}, 90_000);

afterAll(() => world?.close());

it('lets a moderator pin, change and take down a category announcement; visitors see it on that category only', async () => {
  const [billing, mobile] = [await world.api.category(), await world.api.category()];
  const moderator = await world.api.userWithRole('MODERATOR');
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: moderator.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto(`/categories/${billing.slug}`);
  await page.getByText('Pin an announcement in this category').click();
  await page.getByLabel('Message').fill('March bills are a day late.');
  await page.getByRole('button', { name: 'Pin announcement' }).click();
  await page.getByText('Announcement pinned in this category.').waitFor();
  await expect(page.getByRole('status').filter({ hasText: 'Announcement: March bills are a day late.' }).count()).resolves.toBe(1);
  await context.close();

  const { context: visitorContext, page: visitor } = await world.visitor();
  await visitor.goto(`/categories/${billing.slug}`);
  await visitor.getByText('March bills are a day late.').waitFor();
  await expect(visitor.getByText('Pin an announcement in this category').count()).resolves.toBe(0);
  expect(describeViolations(await seriousAxeViolations(visitor))).toBe('');
  await visitor.goto(`/categories/${mobile.slug}`);
  await expect(visitor.getByText('March bills are a day late.').count()).resolves.toBe(0);
  await visitorContext.close();

  const again = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await again.addCookies([{ name: 'peerdesk_session', value: moderator.token, url: world.webUrl }]);
  const second = await again.newPage();
  await second.goto(`/categories/${billing.slug}`);
  await second.getByText('Change this category’s announcement').click();
  await second.getByRole('button', { name: 'Take it down' }).click();
  await second.getByText('Announcement taken down.').waitFor();
  await expect(second.getByText('March bills are a day late.').count()).resolves.toBe(0);
  await again.close();
  expect(await world.api.count('audit_log', `action LIKE 'CATEGORY_ANNOUNCEMENT_%' AND target_id = $1`, [billing.id])).toBe(2);
}, 120_000);
