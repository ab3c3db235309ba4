import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, waitForHydration } from '../support/browser';

/**
 * Moderation in a real browser: a new member's first answer waits for a moderator and its author sees why; a
 * member flags a question as spam (without JavaScript); a moderator hides it from the review queue; the flag is
 * recorded as upheld and the decision audited.
 */
let world: BrowserWorld;
let asker: TestUser;
let newcomer: TestUser;
let flagger: TestUser;
let moderator: TestUser;
let questionPath: string;
let spamId: string;

beforeAll(async () => {
  world = await BrowserWorld.start({ NEW_MEMBER_REVIEW_POSTS: '2', FLAG_HIDE_THRESHOLD: '3' });
  const api = world.api;
  const category = await api.category({ name: 'Mobile', slug: 'mobile' });
  asker = await api.member('Aisling Asker');
  flagger = await api.member('Fionn Flagger');
  newcomer = await api.member('Niamh Newcomer');
  moderator = await api.userWithRole('MODERATOR', undefined, 'Maire Moderator');
  // Members past NEW: their posts are not held; a MEMBER's flag weighs 2, short of hiding by itself.
  await api.db.query(`UPDATE users SET trust_level = 'MEMBER' WHERE id = ANY($1::bigint[])`, [[asker.id, flagger.id]]);
  const question = await api.ask(asker, category.id, { title: 'Voicemail does not pick up after four rings' });
  questionPath = `/questions/${question.id}`;
  spamId = (await api.ask(asker, category.id, { title: 'Cheap phone unlock codes, message me' })).id;
}, 90_000);

afterAll(() => world?.close());

it("holds a new member's first answer and tells its author why", async () => {
  const { context, page } = await world.withSession(newcomer);
  await page.goto(questionPath);
  await page.getByLabel('Answer', { exact: true }).fill('Set the ring time to 30 seconds in the voicemail settings.');
  await page.getByRole('button', { name: 'Post your answer' }).click();
  const banner = page.locator('[data-moderation="HELD"]');
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toMatch(/Waiting for a moderator: new members' first posts are checked/);
  await expect(banner.textContent()).resolves.toMatch(/Once a moderator approves it, everyone can/);
  await screenshot(page, 'held-answer-author');
  await context.close();

  // Nobody else sees it.
  const other = await world.withSession(flagger);
  await other.page.goto(questionPath);
  await expect(other.page.getByText('Set the ring time to 30 seconds').count()).resolves.toBe(0);
  await other.context.close();
});

it('keeps the reason a member chose when the flag is refused, without JavaScript and with it', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled });
    await context.addCookies([{ name: 'peerdesk_session', value: flagger.token, url: world.webUrl }]);
    const page = await context.newPage();
    await page.goto(`/questions/${spamId}`);
    if (javaScriptEnabled) await waitForHydration(page);
    await page.getByText('Flag question').click();
    // "Something else" needs a note: the API refuses, and the form shows the choice again with the note's message.
    await page.getByLabel('Something else (say what below)').check();
    await page.getByRole('button', { name: 'Send flag' }).first().click();
    await page.getByText('Say what is wrong with this post.').first().waitFor();
    await expect(page.getByLabel('Something else (say what below)').isChecked()).resolves.toBe(true);
    await context.close();
  }
  await expect(world.api.count('flags', 'target_id = $1', [spamId])).resolves.toBe(0);
});

it("keeps a reason chosen before the page's scripts ran: hydration does not clear it", async () => {
  const context = await world.browser.newContext({ baseURL: world.webUrl });
  await context.addCookies([{ name: 'peerdesk_session', value: flagger.token, url: world.webUrl }]);
  const page = await context.newPage();
  // The scripts wait until the reason is chosen, as on a slow connection.
  let releaseScripts!: () => void;
  const chosen = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route('**/_app/**/*.js', async (route) => {
    await chosen;
    await route.continue();
  });
  // Module scripts hold back DOMContentLoaded: the page is read as soon as its HTML is in.
  await page.goto(`/questions/${spamId}`, { waitUntil: 'commit' });
  await page.getByText('Flag question').click();
  await page.getByLabel('Spam or advertising').check();
  releaseScripts();
  await waitForHydration(page);
  await expect(page.getByLabel('Spam or advertising').isChecked()).resolves.toBe(true);
  await context.close();
});

it('lets a member flag a question as spam without JavaScript', async () => {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: flagger.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto(`/questions/${spamId}`);
  await page.getByText('Flag question').click();
  await page.getByLabel('Spam or advertising').check();
  await page.getByRole('button', { name: 'Send flag' }).first().click();
  await page.getByText('Thanks — the moderators will look at it.').waitFor();
  await context.close();
  expect(await world.api.db.query(`SELECT flagger_id::text, reason, outcome FROM flags WHERE target_id = $1`, [spamId]))
    .toEqual([{ flagger_id: flagger.id, reason: 'SPAM', outcome: null }]);
});

it('lets a moderator hide the flagged question from the review queue, and records the flag as upheld', async () => {
  const { context, page } = await world.withSession(moderator);
  await page.goto('/');
  await page.getByRole('link', { name: 'Review queue' }).click();
  await page.waitForURL(/\/moderation\/review/);
  const item = page.getByRole('article', { name: /Cheap phone unlock codes/ });
  await expect(item.textContent()).resolves.toMatch(/spam by Fionn Flagger \(weight 2\)/);
  // The held answer waits in the same queue.
  await expect(page.getByRole('article', { name: /Voicemail does not pick up/ }).textContent()).resolves.toMatch(/new member's first post/);
  const violations = await seriousAxeViolations(page);
  expect(describeViolations(violations)).toBe('');
  await screenshot(page, 'review-queue');

  await item.getByLabel('Hide it', { exact: true }).check();
  await item.getByLabel(/Reason/).fill('Selling unlock codes is not allowed here.');
  await item.getByRole('button', { name: 'Decide' }).click();
  await page.getByText('Hidden: only its author and the moderators can see it').waitFor();
  await expect(page.getByRole('article', { name: /Cheap phone unlock codes/ }).count()).resolves.toBe(0);
  await context.close();

  expect(await world.api.db.query(`SELECT outcome FROM flags WHERE target_id = $1`, [spamId])).toEqual([{ outcome: 'UPHELD' }]);
  expect(await world.api.db.query(`SELECT actor_id::text, action, reason FROM audit_log WHERE target_type = 'QUESTION' AND target_id = $1`, [spamId]))
    .toEqual([{ actor_id: moderator.id, action: 'REVIEW_HIDDEN', reason: 'Selling unlock codes is not allowed here.' }]);
  // Its author sees why; a visitor finds nothing there.
  const author = await world.withSession(asker);
  await author.page.goto(`/questions/${spamId}`);
  await expect(author.page.locator('[data-moderation="HIDDEN"]').textContent()).resolves.toMatch(/Selling unlock codes is not allowed here/);
  await author.context.close();
  const visitor = await world.visitor();
  const response = await visitor.page.goto(`/questions/${spamId}`);
  expect(response?.status()).toBe(404);
  await visitor.context.close();
});
