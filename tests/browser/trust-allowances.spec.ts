import type { TestUser } from '../support/test-app';
import { BrowserWorld, screenshot } from '../support/browser';

/**
 * What a member's trust level allows on others' questions, offered on the question page without
 * JavaScript: a REGULAR member changes the tags (with a reason kept in the history), a LEADER member marks a
 * duplicate after searching for the original; a MEMBER is offered neither.
 */
let world: BrowserWorld;
let asker: TestUser;
let categoryId: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  asker = await world.api.member('Ada Asker');
  // Past a new member's asking limit: the asker asks four questions here.
  await world.api.setTrustLevel(asker, 'MEMBER');
  categoryId = (await world.api.category()).id;
}, 90_000);

afterAll(() => world?.close());

async function noScript(user: TestUser) {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: user.token, url: world.webUrl }]);
  return { context, page: await context.newPage() };
}

async function memberAt(level: 'MEMBER' | 'REGULAR' | 'LEADER', name: string): Promise<TestUser> {
  const user = await world.api.member(name);
  await world.api.setTrustLevel(user, level);
  return user;
}

it("a REGULAR member retags someone else's question from its page, and the reason shows in its history", async () => {
  const question = await world.api.ask(asker, categoryId, { title: 'Router light blinks orange all night', tags: ['router'] });
  const regular = await noScript(await memberAt('REGULAR', 'Rita Regular'));
  await regular.page.goto(`/questions/${question.id}`);
  await expect(regular.page.getByRole('link', { name: 'Edit question' }).count()).resolves.toBe(0);
  await expect(regular.page.getByText('Duplicate of another question?').count()).resolves.toBe(0);
  await regular.page.getByText('Edit tags').click();
  await regular.page.getByRole('textbox', { name: /^Tags/ }).fill('router, broadband');
  await regular.page.getByLabel('Reason for the change (shown in its history)').fill('It is about the broadband line');
  await regular.page.getByRole('button', { name: 'Save tags' }).click();
  await regular.page.getByRole('status').filter({ hasText: 'The tags are changed.' }).waitFor();
  await expect(regular.page.getByRole('list', { name: 'Tags' }).textContent()).resolves.toContain('broadband');
  await screenshot(regular.page, 'question-retag');

  const read = await world.api.ok<{ question: { tags: string[]; revisions: { reason: string }[] } }>(
    'query ($id: ID!) { question(id: $id) { tags revisions { reason } } }', { id: question.id });
  expect(read.question).toEqual({ tags: ['router', 'broadband'], revisions: [{ reason: 'It is about the broadband line' }] });
  await regular.context.close();
});

it('a LEADER member marks a duplicate by searching for the original, and lands on it', async () => {
  const original = await world.api.ask(asker, categoryId, { title: 'Roaming data stops working in France' });
  const duplicate = await world.api.ask(asker, categoryId, { title: 'No roaming data while in France' });
  const leader = await noScript(await memberAt('LEADER', 'Leo Leader'));
  await leader.page.goto(`/questions/${duplicate.id}`);
  await expect(leader.page.getByText('Moderate this question').count()).resolves.toBe(0);
  await leader.page.getByText('Duplicate of another question?').click();
  await leader.page.getByLabel('Find the original by its title').fill('roaming data France');
  await leader.page.getByRole('button', { name: 'Find originals' }).click();
  const candidate = leader.page.getByRole('listitem').filter({ hasText: 'Roaming data stops working in France' });
  // Moving the answers stays with the moderators.
  await expect(candidate.getByLabel("also move this question's answers there").count()).resolves.toBe(0);
  await candidate.getByRole('button', { name: 'Duplicate of this' }).click();
  await leader.page.waitForURL((url) => url.pathname.startsWith(`/questions/${original.id}`));
  await leader.page.getByText('closed as a duplicate of this one').waitFor();

  const read = await world.api.ok<{ question: { duplicateOf: { id: string } | null } }>('query ($id: ID!) { question(id: $id) { duplicateOf { id } } }', { id: duplicate.id });
  expect(read.question.duplicateOf).toEqual({ id: original.id });
  await leader.context.close();
});

it('offers a MEMBER neither form, and a refusal from the API reads as a message', async () => {
  const question = await world.api.ask(asker, categoryId, { title: 'Bill shows a charge twice this month', tags: ['billing'] });
  const memberUser = await memberAt('MEMBER', 'Mo Member');
  const member = await noScript(memberUser);
  await member.page.goto(`/questions/${question.id}`);
  await member.page.getByRole('heading', { name: 'Bill shows a charge twice this month' }).waitFor();
  await expect(member.page.getByText('Edit tags').count()).resolves.toBe(0);
  await expect(member.page.getByText('Duplicate of another question?').count()).resolves.toBe(0);
  await expect(member.page.getByText('Find the original by its title').count()).resolves.toBe(0);

  // The page's actions leave the decision to the API: a REGULAR member demoted after opening the form reads its refusal.
  const regularUser = await memberAt('REGULAR', 'Rob Regular');
  const regular = await noScript(regularUser);
  await regular.page.goto(`/questions/${question.id}`);
  await regular.page.getByText('Edit tags').click();
  await world.api.setTrustLevel(regularUser, 'MEMBER');
  await regular.page.getByRole('textbox', { name: /^Tags/ }).fill('billing, charges');
  await regular.page.getByLabel('Reason for the change (shown in its history)').fill('Charges');
  await regular.page.getByRole('button', { name: 'Save tags' }).click();
  await regular.page.getByRole('alert').filter({ hasText: 'Only the author, or a moderator, can edit this post.' }).waitFor();
  await member.context.close();
  await regular.context.close();
});
