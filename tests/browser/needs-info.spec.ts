import type { TestUser } from '../support/test-app';
import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, waitForHydration } from '../support/browser';

/**
 * Closing the staff loop in the browser: a member of staff asks the asker for information from the staff
 * queue, the asker reads the note on their question, replies, and the staff card shows the reply; an admin
 * puts staff on a category's team from the admin page.
 */
const NOTE = 'Please tell us the e-mail address on the account';
const TITLE = 'My bill shows a charge I do not recognise';

let world: BrowserWorld;
let asker: TestUser;
let bystander: TestUser;
let staff: TestUser;
let questionId: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  const api = world.api;
  const category = await api.category({ name: 'Billing', slug: 'billing' });
  asker = await api.member('Aoife Asker');
  bystander = await api.member('Brian Bystander');
  staff = await api.userWithRole('STAFF', undefined, 'Sam');
  const moderator = await api.userWithRole('MODERATOR', undefined, 'Fergal');
  questionId = (await api.ask(asker, category.id, { title: TITLE })).id;
  await api.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Only billing can see charges") { id } }`, { q: questionId }, moderator);
}, 90_000);

afterAll(() => world?.close());

it('staff mark needs info from the staff page; the asker sees the note, replies, and the staff card shows the reply', async () => {
  const staffSide = await world.withSession(staff);
  await staffSide.page.goto('/staff');
  // Hydration closes a menu opened before it (tests/support/browser.ts, waitForHydration).
  await waitForHydration(staffSide.page);
  const card = staffSide.page.getByRole('article', { name: TITLE });
  await card.getByText('Needs info…').click();
  await card.getByLabel(/What do you need from the asker/).fill(NOTE);
  await card.getByRole('button', { name: 'Mark as needs info' }).click();
  await card.getByText('Clock paused').waitFor();
  await expect(card.locator('.needs-info q').textContent()).resolves.toBe(NOTE);
  await expect(card.getByText('No reply yet.').count()).resolves.toBe(1);

  const askerSide = await world.withSession(asker);
  await askerSide.page.goto(`/questions/${questionId}`);
  const note = askerSide.page.locator('#needs-info');
  await expect(note.textContent()).resolves.toContain('Our team needs more information from you.');
  await expect(note.locator('blockquote').textContent()).resolves.toBe(NOTE);
  await expect(note.textContent()).resolves.toContain('Sam asked');
  await screenshot(askerSide.page, 'needs-info-asker');
  expect(describeViolations(await seriousAxeViolations(askerSide.page))).toBe('');

  // Another member sees that the team waits on the asker, not what it asked.
  const other = await world.withSession(bystander);
  await other.page.goto(`/questions/${questionId}`);
  await expect(other.page.locator('#needs-info').textContent()).resolves.toContain('waiting on more information from the asker');
  await expect(other.page.getByText(NOTE).count()).resolves.toBe(0);
  await other.context.close();

  // The asker replies in a comment; the staff card links to it and the clock runs again.
  const reply = await world.api.ok<{ postComment: { id: string } }>(
    `mutation ($q: ID!) { postComment(input: { targetType: QUESTION, targetId: $q, body: "It is aoife@example.org" }) { id } }`, { q: questionId }, asker);
  await staffSide.page.goto('/staff');
  await card.getByText('The asker replied').waitFor();
  await expect(card.getByRole('link', { name: 'read the comment' }).getAttribute('href')).resolves.toBe(`/questions/${questionId}#comment-${reply.postComment.id}`);
  await expect(card.getByText('Clock paused').count()).resolves.toBe(0);

  // Once staff answer, the card says who answered instead of a countdown.
  await world.api.answer(staff, questionId, 'We found the charge: it is the yearly router rental.');
  await staffSide.page.goto('/staff');
  await card.getByText('Answered').waitFor();
  await expect(card.locator('.deadline').textContent()).resolves.toMatch(/by Sam .*waiting for the asker/s);
  await screenshot(staffSide.page, 'needs-info-staff-card');
  expect(describeViolations(await seriousAxeViolations(staffSide.page))).toBe('');
  await askerSide.context.close();
  await staffSide.context.close();
});

it("an admin puts a member of staff on a category's staff team", async () => {
  const { context, page } = await world.withSession(await world.api.admin());
  await page.goto('/admin#categories');
  // Hydration renders the category's settings closed again: opened before it, they would shut under the next click.
  await waitForHydration(page);
  await page.locator('details.category summary').filter({ hasText: 'Billing' }).click();
  const team = page.getByRole('group', { name: 'Staff team for Billing' });
  await team.getByLabel('Sam').check();
  await page.getByRole('button', { name: 'Save team' }).click();
  await page.getByText('Staff team saved.').waitFor();
  const saved = await world.api.ok<{ category: { staffTeam: Array<{ displayName: string }> } }>(`{ category(slug: "billing") { staffTeam { displayName } } }`);
  expect(saved.category.staffTeam).toEqual([{ displayName: 'Sam' }]);
  await context.close();
});
