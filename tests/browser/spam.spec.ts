import { BrowserWorld, describeViolations, seriousAxeViolations } from '../support/browser';

/** Spam defence in the browser: the registration form's honeypot, and the admin's blocked words and domains (without JavaScript). */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start({ SPAM_CHECKS: 'on' });
}, 90_000);

afterAll(() => world?.close());

async function register(javaScriptEnabled: boolean, email: string, honeypot: string | null) {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/register');
  await page.getByLabel('Display name').fill('Polly Person');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  // Out of sight and out of the tab order: only a bot fills it (force: a person could not reach it).
  const trap = page.getByLabel('Leave this field empty');
  await expect(trap.getAttribute('tabindex')).resolves.toBe('-1');
  await expect(trap.getAttribute('autocomplete')).resolves.toBe('off');
  if (honeypot !== null) await trap.fill(honeypot, { force: true });
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
  await context.close();
}

it.each([false, true])('answers a filled honeypot as if it worked but creates no account and sends no mail (JavaScript: %p)', async (javaScriptEnabled) => {
  const bot = `bot.${javaScriptEnabled}@example.com`;
  await register(javaScriptEnabled, bot, 'https://cheap-pills.example');
  expect(await world.api.mailsTo(bot)).toEqual([]);
  expect(await world.api.count('users', 'lower(email) = $1', [bot])).toBe(0);

  // A person leaves it empty and is sent the link.
  const person = `person.${javaScriptEnabled}@example.com`;
  await register(javaScriptEnabled, person, null);
  expect((await world.api.mailsTo(person)).map((mail) => /\/register\/confirm\?token=/.test(mail.body))).toEqual([true]);
});

it('keeps the register page accessible with the honeypot on it', async () => {
  const { context, page } = await world.visitor();
  await page.goto('/register');
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await context.close();
});

it('lets an admin edit the blocked words and domains without JavaScript, and a post holding one waits with the reason', async () => {
  const admin = await world.api.admin();
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  await context.addCookies([{ name: 'peerdesk_session', value: admin.token, url: world.webUrl }]);
  const page = await context.newPage();
  await page.goto('/admin');
  const section = page.locator('#spam-rules');
  await section.getByLabel('Blocked link domains').fill('not a domain');
  await section.getByRole('button', { name: 'Save spam rules' }).click();
  await page.locator('#spam-rules').getByText('"not a domain" is not a domain name (write one like example.com).').waitFor();
  await page.locator('#spam-rules').getByLabel('Blocked words and phrases').fill('Casino Bonus\n\nfree money\n');
  await page.locator('#spam-rules').getByLabel('Blocked link domains').fill('https://www.spam.example/\n');
  await page.locator('#spam-rules').getByRole('button', { name: 'Save spam rules' }).click();
  await page.locator('#spam-rules').getByText('Spam rules saved.').waitFor();
  await expect(page.locator('#spam-rules').getByLabel('Blocked words and phrases').inputValue()).resolves.toBe('casino bonus\nfree money');
  await expect(page.locator('#spam-rules').getByLabel('Blocked link domains').inputValue()).resolves.toBe('spam.example');
  await context.close();

  const member = await world.api.member('Spammy Sam');
  await world.api.setTrustLevel(member, 'MEMBER');
  const question = await world.api.ask(member, (await world.api.category()).id, { title: 'Router deals', body: 'Get your free money at the shop today.' });
  const own = await world.withSession(member);
  await own.page.goto(`/questions/${question.id}`);
  await own.page.getByText('Your post contains a word that is checked before it is shown; a moderator will look at it.').waitFor();
  await own.context.close();
});
