import type { TestUser } from '../support/test-app';
import { BrowserWorld, screenshot } from '../support/browser';

/**
 * The private conversation in a real browser: staff write to the asker without JavaScript, the asker replies with it,
 * staff resolve it; anyone else (a visitor, another member) sees only that our team is helping privately.
 */
let world: BrowserWorld;
let asker: TestUser;
let staff: TestUser;
let other: TestUser;
let questionPath: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  const category = await api.category({ name: 'Billing', slug: 'billing' });
  asker = await api.member('Aoife Asker');
  other = await api.member('Oisin Other');
  staff = await api.userWithRole('STAFF', undefined, 'Sadhbh Staff');
  await api.db.query(`UPDATE users SET trust_level = 'MEMBER' WHERE id = ANY($1::bigint[])`, [[asker.id, other.id]]);
  const question = await api.ask(asker, category.id, { title: 'My invoice shows the wrong company name' });
  await api.ok(`mutation ($id: ID!) { escalateQuestion(questionId: $id, reason: "Account-specific.") { id } }`, { id: question.id }, staff);
  questionPath = `/questions/${question.id}`;
}, 90_000);

afterAll(() => world?.close());

it('lets staff write privately without JavaScript, and the asker reply with it', async () => {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: staff.token, url: world.webUrl }]);
  const staffPage = await context.newPage();
  await staffPage.goto(questionPath);
  await staffPage.getByLabel('Private message').fill('Which company name should the invoice carry?');
  await staffPage.getByRole('button', { name: 'Send privately' }).click();
  await staffPage.getByText('Sent privately').waitFor();
  await expect(staffPage.locator('#private').textContent()).resolves.toContain('Which company name should the invoice carry?');
  await context.close();

  const { context: askerContext, page } = await world.withSession(asker);
  await page.goto(questionPath);
  const conversation = page.locator('#private');
  await expect(conversation.textContent()).resolves.toContain('Which company name should the invoice carry?');
  await page.getByLabel('Private message').fill('Murphy Widgets Ltd, please.');
  await page.getByRole('button', { name: 'Send privately' }).click();
  await page.getByText('Sent privately').waitFor();
  await page.goto(questionPath);
  await expect(page.locator('#private').textContent()).resolves.toContain('Murphy Widgets Ltd, please.');
  await screenshot(page, 'private-conversation-asker');
  await askerContext.close();
});

it('shows a visitor and another member only that our team is helping privately', async () => {
  const visitor = await world.browser.newContext({ baseURL: world.webUrl });
  const page = await visitor.newPage();
  await page.goto(questionPath);
  await expect(page.locator('#private').textContent()).resolves.toContain('Our team is helping privately.');
  await expect(page.content()).resolves.not.toMatch(/Murphy Widgets|Which company name/);
  await visitor.close();

  const { context, page: memberPage } = await world.withSession(other);
  await memberPage.goto(questionPath);
  await expect(memberPage.locator('#private').textContent()).resolves.toContain('Our team is helping privately.');
  await expect(memberPage.getByLabel('Private message').count()).resolves.toBe(0);
  await expect(memberPage.content()).resolves.not.toMatch(/Murphy Widgets|Which company name/);
  await context.close();
});

it('lets staff resolve it privately with a public summary', async () => {
  const { context, page } = await world.withSession(staff);
  await page.goto(questionPath);
  await page.getByLabel(/Public summary/).fill('We corrected the company name on the invoice for this account.');
  await page.getByRole('button', { name: 'Resolve privately' }).click();
  await page.getByText('Resolved privately; your summary is posted as an answer.').waitFor();
  await page.goto(questionPath);
  await expect(page.locator('#private').textContent()).resolves.toContain('Our team resolved this privately');
  await expect(page.getByLabel('Private message').count()).resolves.toBe(0);
  await expect(page.locator('.answers').textContent()).resolves.toContain('We corrected the company name on the invoice');
  await context.close();
});

it('offers the asker the private form once she flags a post on her question as needing our team, before any escalation', async () => {
  const question = await world.api.ask(asker, (await world.api.category()).id, { title: 'My direct debit date is wrong on the account' });
  const { context, page } = await world.withSession(asker);
  await page.goto(`/questions/${question.id}`);
  await expect(page.getByLabel('Private message').count()).resolves.toBe(0);
  const answer = await world.api.answer(other, question.id, 'Change it under Payments, it takes a day to show.');
  await world.api.ok(`mutation ($id: ID!) { flag(input: { targetType: ANSWER, targetId: $id, reason: NEEDS_STAFF }) { id } }`, { id: answer.id }, asker);
  await page.reload();
  await page.getByLabel('Private message').fill('It should be the 15th, not the 1st.');
  await page.getByRole('button', { name: 'Send privately' }).click();
  await page.getByText('Sent privately').waitFor();
  expect(await world.api.count('private_messages', 'question_id = $1', [question.id])).toBe(1);
  await context.close();
});
