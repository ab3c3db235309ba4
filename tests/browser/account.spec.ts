import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations, signIn } from '../support/browser';

/**
 * Account recovery and sessions as people use them, without waiting for scripts (every form posts):
 * forgot password → the e-mailed link → a new password → sign in; and "sign out everywhere" ending
 * the session in another browser.
 */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start();
}, 90_000);

afterAll(async () => {
  if (world && process.env.PEERDESK_WEB_LOG) process.stdout.write(world.webOutput());
  await world?.close();
});

it('resets a forgotten password from the e-mailed link, then signs in with the new one', async () => {
  const user = await world.api.member('Forgetful Fran');
  const { context, page } = await world.visitor();

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await page.waitForURL('**/forgot-password');
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await page.getByText('we have sent it a link to set a new password').waitFor();
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');

  const [mail] = (await world.api.mailsTo(user.email)).filter((m) => m.subject === 'Reset your Peerdesk password');
  const link = new URL(/http\S+\/reset-password\?token=\S+/.exec(mail.body)![0]);
  await page.goto(link.pathname + link.search);
  await page.getByLabel(/^New password/).fill('password123');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByText('This is one of the most common passwords').waitFor();
  await page.getByLabel(/^New password/).fill('violet tractor sings');
  await Promise.all([page.waitForURL('**/login?reset=1'), page.getByRole('button', { name: 'Set new password' }).click()]);
  await page.getByText('Your password was changed. Sign in with the new one.').waitFor();
  await screenshot(page, 'password-reset-done');

  await signIn(page, user.email, 'violet tractor sings');
  await page.getByRole('link', { name: 'Forgetful Fran' }).waitFor();

  // The link worked once.
  await page.goto(link.pathname + link.search);
  await page.getByLabel(/^New password/).fill('another fine passphrase');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByText('This link has expired or was already used.').waitFor();
  await context.close();
});

it('signs out everywhere from the account page, which ends the session in another browser too', async () => {
  const user = await world.api.member('Careful Carla');
  const laptop = await world.signedIn(user);
  const phone = await world.signedIn(user);

  await laptop.page.goto('/account');
  await laptop.page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
  await laptop.page.getByText('This browser').waitFor();
  expect(await laptop.page.getByRole('listitem').filter({ hasText: /HeadlessChrome|Chrome/ }).count()).toBeGreaterThanOrEqual(2);
  expect(describeViolations(await seriousAxeViolations(laptop.page))).toBe('');
  await screenshot(laptop.page, 'account-settings');

  await Promise.all([laptop.page.waitForURL((url) => url.pathname === '/login'), laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click()]);

  await phone.page.goto('/account');
  await phone.page.waitForURL((url) => url.pathname === '/login');
  await phone.page.goto('/');
  await phone.page.getByRole('link', { name: 'Sign in' }).waitFor();
  expect(await phone.page.getByRole('link', { name: 'Careful Carla' }).count()).toBe(0);
  await laptop.context.close();
  await phone.context.close();
});
