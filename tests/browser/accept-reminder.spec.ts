import { AcceptRemindersJob } from '../../apps/api/src/reminders/accept-reminders.job';
import { BrowserWorld, screenshot } from '../support/browser';

/**
 * The one-click link of a reminder to accept, as an asker reading the e-mail somewhere they are not signed in,
 * with scripts off: opening it changes nothing, the button accepts, the link then works no more.
 */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start({ ACCEPT_REMINDER_HOURS: '24' });
}, 90_000);

afterAll(async () => {
  if (world && process.env.PEERDESK_WEB_LOG) process.stdout.write(world.webOutput());
  await world?.close();
});

it('accepts an answer from the e-mailed link without JavaScript and without signing in, once', async () => {
  const { api } = world;
  const [asker, peer] = [await api.member('Reminded Rita'), await api.member('Helpful Hugo')];
  const category = await api.category({ unsolvedWindowHours: 72 });
  const question = await api.ask(asker, category.id, { title: 'The printer prints blank pages after the update' });
  const answer = await api.answer(peer, question.id, 'Reinstall the driver from the vendor site, then print a test page.');
  api.clock.advance(25 * 3600);
  expect(await api.provider(AcceptRemindersJob).runOnce()).toContain(question.id);

  const [mail] = (await api.mailsTo(asker.email)).filter((m) => m.subject.startsWith('Did this solve it?'));
  const accept = new URL(/http\S+\/reminders\/\S+/.exec(mail.body)![0]);

  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(accept.pathname);
  await page.getByRole('heading', { name: 'Did this solve it?' }).waitFor();
  await page.getByText('Reinstall the driver from the vendor site').waitFor();
  // Opening the link (as a mail scanner would) accepted nothing.
  expect(await api.count('questions', 'id = $1 AND accepted_answer_id IS NULL', [question.id])).toBe(1);

  await page.getByRole('button', { name: 'Yes, accept this answer' }).click();
  await page.getByText('Thank you: the answer is accepted').waitFor();
  await screenshot(page, 'accept-reminder-done');
  expect(await api.count('questions', 'id = $1 AND accepted_answer_id = $2', [question.id, answer.id])).toBe(1);

  await page.goto(accept.pathname);
  await page.getByText('This link has already been used').waitFor();
  await context.close();
});
