import type { TestUser } from '../support/test-app';
import { BrowserWorld, screenshot, waitForHydration } from '../support/browser';

/**
 * A member finds their data from their profile, downloads it, and deletes their account (a wrong password
 * first); afterwards they are signed out and their answer reads as "Deleted member".
 */
let world: BrowserWorld;
let leaver: TestUser;
let questionPath: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  leaver = await world.api.member('Lorcan Leaving');
  const asker = await world.api.member('Asha Asker');
  const category = await world.api.category();
  const question = await world.api.ask(asker, category.id, { title: 'Voicemail PIN reset from abroad', body: 'I am travelling and forgot my voicemail PIN. How can I reset it?' });
  await world.api.answer(leaver, question.id, 'Dial 1750 from your own phone and choose option 3; it works while roaming.');
  questionPath = `/questions/${question.id}`;
}, 90_000);

afterAll(() => world?.close());

it('lets a member download their data and delete their account', async () => {
  const { context, page } = await world.withSession(leaver);
  try {
    await page.goto(`/users/${leaver.id}`);
    await page.getByRole('link', { name: 'Your data and account' }).click();
    await waitForHydration(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^peerdesk-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
    expect(data.profile.email).toBe(leaver.email);
    expect(data.answers).toHaveLength(1);

    await page.getByLabel('Your password, to confirm').fill('not my password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('That is not your password.').waitFor();

    await page.getByLabel('Your password, to confirm').fill('correct horse battery');
    await Promise.all([page.waitForURL(/deleted/), page.getByRole('button', { name: 'Delete my account' }).click()]);
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    await screenshot(page, 'account-deleted');
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);

    await page.goto(questionPath);
    await page.getByText('Dial 1750 from your own phone').waitFor();
    expect(await page.getByText('Deleted member').count()).toBeGreaterThan(0);
    expect(await page.getByText('Lorcan Leaving').count()).toBe(0);
  } finally {
    await context.close();
  }
});
