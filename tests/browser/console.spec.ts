import { timeLeftText } from '../../apps/web/src/lib/charts/format';
import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, waitForHydration } from '../support/browser';

/**
 * The team's side of the web app in a real browser: who may open the staff queue and the deflection
 * dashboard, the queue's countdown and claim, the dashboard's charts and CSV, and the admin forms.
 */
let world: BrowserWorld;
let member: TestUser;
let staff: TestUser;
let manager: TestUser;
let questionId: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  const category = await api.category({ name: 'Billing', slug: 'billing', peerWindowHours: 1 });
  member = await api.member('Aoife Member');
  staff = await api.userWithRole('STAFF', undefined, 'Sam Staff');
  manager = await api.userWithRole('MANAGER', undefined, 'Maeve Manager');
  questionId = (await api.ask(member, category.id, { title: 'Why was I charged twice this month?' })).id;
  const swept = await world.advanceAndSweep(2 * 3600);
  expect(swept.escalated).toContain(questionId);
}, 90_000);

afterAll(() => world?.close());

it('sends a signed-out visitor to sign in and shows a member a readable 403', async () => {
  const visitor = await world.visitor();
  for (const path of ['/staff', '/reports/deflection', '/admin', '/moderation']) {
    await visitor.page.goto(path);
    expect(new URL(visitor.page.url()).pathname).toBe('/login');
    expect(new URL(visitor.page.url()).searchParams.get('next')).toBe(path);
  }
  await visitor.context.close();

  const signedIn = await world.withSession(member);
  for (const path of ['/staff', '/reports/deflection', '/admin', '/moderation']) {
    const response = await signedIn.page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(signedIn.page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/permission|access|not allowed/i);
  }
  await screenshot(signedIn.page, 'forbidden');
  await signedIn.context.close();
});

it('lists the escalated question with its time left, and staff claim it', async () => {
  const { context, page } = await world.withSession(staff);
  // The page shows the API's business seconds left, read just before and just after the page (business
  // hours may tick between the two, so either reading's text is right).
  const timeLeft = async () => {
    const { staffQueue } = await world.api.ok<{ staffQueue: { edges: Array<{ node: { question: { id: string }; timeLeftSeconds: number } }> } }>(
      `{ staffQueue(first: 50) { edges { node { question { id } timeLeftSeconds } } } }`, {}, staff);
    return staffQueue.edges.find((edge) => edge.node.question.id === questionId)!.node.timeLeftSeconds;
  };
  const before = await timeLeft();
  await page.goto('/staff');
  const after = await timeLeft();
  const item = page.getByRole('article', { name: 'Why was I charged twice this month?' });
  const shown = await item.locator('.left').textContent();
  expect([timeLeftText(before), timeLeftText(after)]).toContain(shown?.trim());
  await item.getByRole('button', { name: 'Claim' }).click();
  await item.getByText('Assigned to you').waitFor();
  await expect(item.getByRole('button', { name: 'Release' }).count()).resolves.toBe(1);
  // Filters: it is now assigned to this person, and no longer waiting for someone to pick it up.
  await page.getByLabel('Assignee').selectOption('me');
  await Promise.all([page.waitForURL(/assignee=me/), page.getByRole('button', { name: 'Apply filters' }).click()]);
  await expect(page.getByRole('article', { name: 'Why was I charged twice this month?' }).count()).resolves.toBe(1);
  await page.goto('/staff?state=WAITING');
  await expect(page.getByRole('article').count()).resolves.toBe(0);
  await page.getByText('Nothing waiting for our team with these filters').waitFor();
  await page.goto('/staff');
  await screenshot(page, 'staff-queue');
  const violations = await seriousAxeViolations(page);
  expect(describeViolations(violations)).toBe('');
  await context.close();
});

it('shows managers the dashboard with charts readable without JavaScript, and the CSV through the web', async () => {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: manager.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto('/reports/deflection');
  await expect(page.getByRole('heading', { name: 'Deflection report', level: 1 }).count()).resolves.toBe(1);
  // By default, the last 12 months by month.
  await expect(page.getByRole('img', { name: /Outcome of the questions asked each month/ }).count()).resolves.toBe(1);
  await expect(page.locator('select[name="bucket"]').inputValue()).resolves.toBe('');
  await expect(page.getByRole('img', { name: /peer/i }).count()).resolves.toBeGreaterThanOrEqual(3);
  const row = page.getByRole('row', { name: /^Billing/ });
  await expect(row.textContent()).resolves.toContain('Billing');

  const csv = await page.request.get(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href') as string);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^section,key,name,cohort_size,peer_solved/);
  const from = await page.locator('input[name="from"]').inputValue();
  const to = await page.locator('input[name="to"]').inputValue();
  expect(csv.headers()['content-disposition']).toBe(`attachment; filename="deflection-${from}-to-${to}.csv"`);
  await screenshot(page, 'dashboard-without-javascript');

  // Long periods by month: the axis labels are thinned so none overlap (look at the screenshots).
  for (const [name, start] of [['dashboard-12-months', '2025-12-01'], ['dashboard-3-years', '2023-11-01']] as const) {
    await page.goto(`/reports/deflection?from=${start}&to=2026-11-30`);
    const labels = await Promise.all((await page.locator('svg text.tick').all()).map(async (label) => (await label.boundingBox())!));
    for (const chart of [labels.slice(0, labels.length / 2), labels.slice(labels.length / 2)]) {
      for (let i = 1; i < chart.length; i++) expect(chart[i].x).toBeGreaterThan(chart[i - 1].x + chart[i - 1].width);
    }
    await screenshot(page, name);
  }

  // A period the API refuses comes back with its message beside the field it names.
  await page.goto('/reports/deflection?from=2026-05-01&to=2026-04-01');
  await expect(page.locator('#to-error').textContent()).resolves.toMatch(/must (end|come) after/); // the report's or the search gaps' words
  await expect(page.locator('input[name="to"]').getAttribute('aria-describedby')).resolves.toBe('to-error');
  await context.close();

  // The definitions are a page of the site, rendered from docs/metrics.md.
  const reader = await world.withSession(manager);
  await reader.page.goto('/reports/deflection');
  await Promise.all([reader.page.waitForURL('**/reports/metrics'), reader.page.getByRole('link', { name: 'how the figures are defined' }).click()]);
  await expect(reader.page.getByRole('heading', { name: 'Deflection metrics', level: 1 }).count()).resolves.toBe(1);
  await expect(reader.page.getByRole('table').first().textContent()).resolves.toContain('report_question_facts_as_of');
  expect(describeViolations(await seriousAxeViolations(reader.page))).toBe('');
  await screenshot(reader.page, 'metrics-definitions');
  await reader.context.close();

  // A member's CSV request is refused by the API, and the web passes the refusal on.
  const memberContext = await world.withSession(member);
  const refused = await memberContext.page.request.get('/reports/deflection.csv');
  expect(refused.status()).toBe(403);
  await memberContext.context.close();
});

it('lets admins manage categories, roles and webhooks, with the API’s messages beside the fields', async () => {
  const admin = await world.api.admin();
  const { context, page } = await world.withSession(admin);
  await page.goto('/admin');

  const create = page.locator('form[action="?/createCategory"]');
  await create.getByLabel('Name').fill('Devices');
  await create.getByLabel('Slug').fill('Not A Slug');
  await create.getByRole('button', { name: 'Create category' }).click();
  await page.waitForSelector('#new-slug-error');
  await expect(page.locator('#new-slug').getAttribute('aria-describedby')).resolves.toBe('new-slug-error');
  await create.getByLabel('Slug').fill('devices');
  await create.getByLabel('Peer window (hours)').fill('12');
  await create.getByRole('button', { name: 'Create category' }).click();
  await page.getByRole('status').filter({ hasText: 'Category “Devices” created.' }).waitFor();
  await expect(page.getByText('/devices · 0 questions · peer window 12 h').count()).resolves.toBe(1);

  await page.goto(`/moderation/users/${member.id}`);
  await page.getByLabel('Role', { exact: true }).selectOption('MODERATOR');
  await page.getByRole('button', { name: 'Change role' }).click();
  await page.getByRole('status').filter({ hasText: 'Role changed.' }).waitFor();
  const role = await world.api.ok<{ user: { role: string } }>(`query ($id: ID!) { user(id: $id) { role } }`, { id: member.id });
  expect(role.user.role).toBe('MODERATOR');

  await page.getByLabel('Affiliation', { exact: true }).selectOption('EMPLOYEE');
  await page.getByRole('button', { name: 'Change affiliation' }).click();
  await page.getByRole('status').filter({ hasText: 'Affiliation changed.' }).waitFor();
  const affiliation = await world.api.ok<{ user: { affiliation: string } }>(`query ($id: ID!) { user(id: $id) { affiliation } }`, { id: member.id });
  expect(affiliation.user.affiliation).toBe('EMPLOYEE');

  await page.goto('/admin');
  const hook = page.locator('form[action="?/createWebhook#webhooks"]');
  await hook.getByLabel('URL').fill('https://hooks.example.com/peerdesk');
  await hook.getByLabel('Secret').fill('short');
  await hook.getByLabel('question.solved').check();
  await hook.getByRole('button', { name: 'Add webhook' }).click();
  await page.waitForSelector('#hook-secret-error');
  await screenshot(page, 'admin');
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await context.close();

  // Now a moderator, the member may send a question to staff by hand from the question's moderation menu.
  const moderator = await world.withSession(member);
  const other = await world.api.ask(manager, (await world.api.category()).id, { title: 'The app logs me out every few minutes' });
  await moderator.page.goto(`/questions/${other.id}`);
  // With scripts on, hydration renders the menu closed again: a menu opened before it would shut under the
  // click that follows (tests/browser/moderation-menu.spec.ts drives the same menu without scripts).
  await waitForHydration(moderator.page);
  await moderator.page.getByText('Moderate this question').click();
  await moderator.page.getByLabel('Why staff are needed').fill('Looks like a session bug only our team can investigate.');
  await moderator.page.getByRole('button', { name: 'Send to staff' }).click();
  await moderator.page.getByRole('status').filter({ hasText: 'Sent to the staff queue.' }).waitFor();

  // …and close a repeat of an answered question as its duplicate, found by its title.
  const again = await world.api.ask(manager, (await world.api.category()).id, { title: 'The app keeps logging me out after a few minutes' });
  await moderator.page.goto(`/questions/${again.id}`);
  await waitForHydration(moderator.page);
  await moderator.page.getByText('Moderate this question').click();
  await moderator.page.getByLabel('Find the original by its title').fill('app logs me out');
  await moderator.page.getByRole('button', { name: 'Find originals' }).click();
  await moderator.page.getByRole('listitem').filter({ hasText: 'The app logs me out every few minutes' }).getByRole('button', { name: 'Duplicate of this' }).click();
  await moderator.page.waitForURL((url) => url.pathname.startsWith(`/questions/${other.id}`));
  const closed = await world.api.ok<{ question: { status: string; duplicateOf: { id: string } | null } }>(`query ($id: ID!) { question(id: $id) { status duplicateOf { id } } }`, { id: again.id });
  expect(closed.question).toEqual({ status: 'CLOSED', duplicateOf: { id: other.id } });
  await moderator.page.goto('/moderation');
  await screenshot(moderator.page, 'moderation');
  await moderator.context.close();
});

it('lets staff assign a question to a colleague chosen by name, and filter the queue by them', async () => {
  const api = world.api;
  const colleague = await api.userWithRole('STAFF', undefined, 'Tara Team');
  const asked = await api.ask(member, (await api.category({ peerWindowHours: 1 })).id, { title: 'Roaming bundle was not applied in Spain' });
  expect((await world.advanceAndSweep(2 * 3600)).escalated).toContain(asked.id);

  const { context, page } = await world.withSession(staff);
  await page.goto('/staff');
  // Hydration closes a menu opened before it (tests/support/browser.ts, waitForHydration).
  await waitForHydration(page);
  const item = page.getByRole('article', { name: 'Roaming bundle was not applied in Spain' });
  await item.getByText('Assign…').click();
  const choices = await item.getByLabel('Team member').locator('option').allTextContents();
  expect(choices).toEqual(expect.arrayContaining(['Sam Staff (you)', 'Tara Team']));
  expect(choices).not.toContain('Aoife Member');
  await item.getByLabel('Team member').selectOption({ label: 'Tara Team' });
  await item.getByRole('button', { name: 'Assign', exact: true }).click();
  await item.getByRole('status').filter({ hasText: 'Assigned.' }).waitFor();
  await expect(item.textContent()).resolves.toContain('Tara Team');

  await page.getByLabel('Assignee').selectOption({ label: 'Assigned to Tara Team' });
  await Promise.all([page.waitForURL(new RegExp(`assignee=${colleague.id}`)), page.getByRole('button', { name: 'Apply filters' }).click()]);
  await expect(page.getByRole('article').allTextContents()).resolves.toEqual([expect.stringContaining('Roaming bundle was not applied in Spain')]);
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await context.close();
});

it('lets admins put up a service announcement that the home page shows, and take it down', async () => {
  const admin = await world.api.admin();
  const { context, page } = await world.withSession(admin);
  await page.goto('/admin');
  const form = page.locator('form[action="?/setAnnouncement#announcement"]');
  await form.getByLabel('Message').fill('Mobile data is down in Cork since 14:00; engineers are on site.');
  await form.getByRole('button', { name: 'Publish announcement' }).click();
  await page.getByRole('status').filter({ hasText: 'Announcement published on the home page.' }).waitFor();

  const visitor = await world.visitor();
  await visitor.page.goto('/');
  await expect(visitor.page.getByRole('status').filter({ hasText: 'Service announcement' }).textContent()).resolves.toContain('Mobile data is down in Cork since 14:00');
  await screenshot(visitor.page, 'home-with-announcement');
  expect(describeViolations(await seriousAxeViolations(visitor.page))).toBe('');

  await page.reload();
  await expect(form.getByLabel('Message').inputValue()).resolves.toBe('Mobile data is down in Cork since 14:00; engineers are on site.');
  await form.getByRole('button', { name: 'Take announcement down' }).click();
  await page.getByRole('status').filter({ hasText: 'Announcement taken down.' }).waitFor();
  await visitor.page.reload();
  await expect(visitor.page.getByText('Service announcement').count()).resolves.toBe(0);
  await visitor.context.close();
  await context.close();
});

it('shows managers the moderation figures with their charts and tables, linked from the deflection report, without JavaScript', async () => {
  const api = world.api;
  // A member flags the question; a moderator approves it: one flag raised and handled, one FLAGGED item decided.
  const flagger = await api.member('Fionn Flagger');
  const moderator = await api.userWithRole('MODERATOR', undefined, 'Mona Moderator');
  await api.ok(`mutation ($input: FlagInput!) { flag(input: $input) { id } }`, { input: { targetType: 'QUESTION', targetId: questionId, reason: 'SPAM' } }, flagger);
  const { reviewQueue } = await api.ok<{ reviewQueue: { edges: Array<{ node: { id: string; targetId: string } }> } }>(`{ reviewQueue(first: 50) { edges { node { id targetId } } } }`, {}, moderator);
  const item = reviewQueue.edges.find((e) => e.node.targetId === questionId)!.node;
  await api.ok(`mutation ($id: ID!) { resolveReview(id: $id, action: APPROVE) { id } }`, { id: item.id }, moderator);

  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: manager.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto('/reports/deflection');
  await Promise.all([page.waitForURL('**/reports/moderation'), page.getByRole('link', { name: 'moderation figures' }).click()]);
  // Earlier tests moved the API's clock 4 hours on, so after 20:00 UTC the flag is dated tomorrow: the period ends then.
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
  await page.goto(`/reports/moderation?to=${tomorrow}`);
  await expect(page.getByRole('heading', { name: 'Moderation', level: 2 }).count()).resolves.toBe(1);
  // Every chart is an image with a text alternative that carries its figures.
  for (const name of [/Flags raised each month/, /Flags handled \(decided\) each month/, /Review items opened each month, by reason/,
    /Median time from entering the queue to a decision/, /Share of decided held posts approved, by reason/,
    /Posts each spam check held each month/, /Share of decided spam-check holds approved, by check/]) {
    await expect(page.getByRole('img', { name }).count()).resolves.toBe(1);
  }
  await expect(page.locator('svg desc').allTextContents()).resolves.toEqual(expect.arrayContaining([
    expect.stringContaining('Flags raised 1'),
    expect.stringContaining('Flagged by members: 100% (1 of 1)'),
  ]));
  const total = page.getByRole('row', { name: /^Whole period/ });
  await expect(total.locator('td').allTextContents()).resolves.toEqual(['1', '1', '1', expect.stringMatching(/\d+ s|\d+ min/), '1', '0', '0', '0', '0']);
  await screenshot(page, 'moderation-figures');
  await context.close();
  const reader = await world.withSession(manager);
  await reader.page.goto('/reports/moderation');
  expect(describeViolations(await seriousAxeViolations(reader.page))).toBe('');
  await reader.context.close();

  const signedIn = await world.withSession(member);
  expect((await signedIn.page.goto('/reports/moderation'))?.status()).toBe(403);
  await signedIn.context.close();
}, 120_000);
