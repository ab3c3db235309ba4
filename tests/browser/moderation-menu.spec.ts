import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations } from '../support/browser';

/**
 * Moderators act where they read: the question page's moderation menu (a <details> that works without
 * JavaScript). A moderator locks a question; the member sees the lock's reason where the answer form was;
 * the moderator then closes it as off-topic with a note, and everyone reads why.
 */
let world: BrowserWorld;
let member: TestUser;
let moderator: TestUser;

beforeAll(async () => {
  world = await BrowserWorld.start();
  member = await world.api.member('Maeve Member');
  moderator = await world.api.userWithRole('MODERATOR', undefined, 'Mona Moderator');
}, 90_000);

afterAll(() => world?.close());

async function noScript(user: TestUser) {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: user.token, url: world.webUrl }]);
  return { context, page: await context.newPage() };
}

it('a moderator locks a question from its page, the member sees why instead of the answer form, then it is closed as off-topic', async () => {
  const question = await world.api.ask(member, (await world.api.category()).id, { title: 'Who will win the league this year?' });
  const mod = await noScript(moderator);
  await mod.page.goto(`/questions/${question.id}`);
  await mod.page.getByText('Moderate this question').click();
  await mod.page.getByLabel('Why lock it (members see this)').fill('Heated argument, cooling off for a day');
  await mod.page.getByRole('button', { name: 'Lock question' }).click();
  await mod.page.getByRole('status').filter({ hasText: 'The question is locked.' }).waitFor();
  await mod.page.locator('#lock-notice').filter({ hasText: 'Heated argument, cooling off for a day' }).waitFor();

  // The member reads with JavaScript (the accessibility check runs in the page).
  const reader = await world.withSession(member);
  await reader.page.goto(`/questions/${question.id}`);
  await expect(reader.page.locator('#answer-locked').textContent()).resolves.toContain('This question is locked: Heated argument, cooling off for a day');
  await expect(reader.page.getByRole('button', { name: 'Post your answer' }).count()).resolves.toBe(0);
  await expect(reader.page.getByText('Add a comment').count()).resolves.toBe(0);
  await expect(reader.page.getByText('Moderate this question').count()).resolves.toBe(0);
  expect(describeViolations(await seriousAxeViolations(reader.page))).toBe('');
  await screenshot(reader.page, 'question-locked');

  await mod.page.goto(`/questions/${question.id}`);
  await mod.page.getByText('Moderate this question').click();
  await mod.page.getByLabel('Close reason').selectOption('OFF_TOPIC');
  await mod.page.getByLabel('Note (members see this; needed for Other)').fill('Not about our network or devices');
  await mod.page.getByRole('button', { name: 'Close question' }).click();
  await mod.page.getByRole('status').filter({ hasText: 'The question is closed.' }).waitFor();
  await screenshot(mod.page, 'question-moderation-menu');

  await reader.page.reload();
  await expect(reader.page.locator('#closed-notice').textContent()).resolves.toMatch(/Closed as off-topic\.\s+Not about our network or devices/);
  const state = await world.api.ok<{ question: { status: string; lock: { reason: string }; closeReason: { kind: string; note: string } } }>(
    `query ($id: ID!) { question(id: $id) { status lock { reason } closeReason { kind note } } }`, { id: question.id });
  expect(state.question).toEqual({
    status: 'CLOSED', lock: { reason: 'Heated argument, cooling off for a day' }, closeReason: { kind: 'OFF_TOPIC', note: 'Not about our network or devices' },
  });
  await mod.context.close();
  await reader.context.close();
});

it('marks a duplicate from the question page by searching for the original by title', async () => {
  const category = (await world.api.category()).id;
  const original = await world.api.ask(member, category, { title: 'Voicemail greeting keeps resetting' });
  const duplicate = await world.api.ask(member, category, { title: 'My voicemail greeting resets itself' });
  await world.api.answer(await world.api.member(), duplicate.id, 'Record it again from the app, the dial-in greeting expires.');
  const mod = await noScript(moderator);
  await mod.page.goto(`/questions/${duplicate.id}`);
  await mod.page.getByText('Moderate this question').click();
  await mod.page.getByLabel('Find the original by its title').fill('voicemail greeting');
  await mod.page.getByRole('button', { name: 'Find originals' }).click();
  const candidate = mod.page.getByRole('listitem').filter({ hasText: 'Voicemail greeting keeps resetting' });
  await candidate.getByLabel("also move this question's answers there").check();
  await candidate.getByRole('button', { name: 'Duplicate of this' }).click();
  await mod.page.waitForURL((url) => url.pathname.startsWith(`/questions/${original.id}`));
  await mod.page.getByText('dial-in greeting expires').waitFor();
  await mod.context.close();
});
