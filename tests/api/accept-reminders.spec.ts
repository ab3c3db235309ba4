import { AcceptRemindersJob } from '../../apps/api/src/reminders/accept-reminders.job';
import { AcceptRemindersService } from '../../apps/api/src/reminders/accept-reminders.service';
import { expectError, TestApp, type TestUser } from '../support/test-app';

const HOUR = 3600;
const LINK = /\/reminders\/([A-Za-z0-9_-]{43})/g;
const USE = `mutation ($t: String!) { useAcceptReminderLink(token: $t) { questionId choice } }`;
const DESCRIBE = `query ($t: String!) { acceptReminderLink(token: $t) { questionId questionTitle choice answerId answerAuthorName refusal } }`;

describe('reminders to accept', () => {
  let app: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let otherPeer: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    app = await TestApp.start({ ACCEPT_REMINDER_HOURS: '24', ACCEPT_REMINDER_LINK_DAYS: '2' });
    staff = await app.userWithRole('STAFF'); // answers in the first test only, before the clock has moved
  });
  // Fresh people for each test, each with a fresh session, whatever the clock did before (the admin's lasts 30 days).
  beforeEach(async () => {
    [asker, peer, otherPeer] = [await app.member('Asker'), await app.member('Peer'), await app.member('Other peer')];
    for (const member of [asker, peer, otherPeer]) await app.setTrustLevel(member, 'MEMBER');
  });
  afterAll(async () => { await app.close(); });

  const newCategory = () => app.category({ peerWindowHours: 24, unsolvedWindowHours: 72 });
  const send = () => app.provider(AcceptRemindersJob).runOnce();
  const reminderMails = async (questionTitle: string) =>
    (await app.mailsTo(asker.email)).filter((m) => m.subject === `Did this solve it? ${questionTitle}`);
  /** The links of the newest reminder mail about the question: one per peer answer, then "it did not help". */
  async function links(questionTitle: string): Promise<string[]> {
    const mails = await reminderMails(questionTitle);
    return [...mails[mails.length - 1].body.matchAll(LINK)].map((m) => m[1]);
  }
  const title = async (questionId: string) => (await app.db.query('SELECT title FROM questions WHERE id = $1', [questionId]))[0].title as string;

  it('reminds the asker once, after the configured time, only with a peer answer and no acceptance', async () => {
    const category = await newCategory();
    const answered = await app.ask(asker, category.id);
    const solved = await app.ask(asker, category.id);
    const staffOnly = await app.ask(asker, category.id);
    const unanswered = await app.ask(asker, category.id);
    await app.answer(peer, answered.id);
    await app.answer(otherPeer, answered.id, 'Check the cable first, then the port.');
    const accepted = await app.answer(peer, solved.id);
    await app.acceptAnswer(asker, accepted.id);
    await app.answer(staff, staffOnly.id);

    app.clock.advance(24 * HOUR - 60);
    expect(await send()).not.toContain(answered.id);
    app.clock.advance(60);
    const sent = await send();
    expect(sent).toContain(answered.id);
    for (const id of [solved.id, staffOnly.id, unanswered.id]) expect(sent).not.toContain(id);
    expect(await send()).not.toContain(answered.id);
    app.clock.advance(3 * 24 * HOUR);
    expect(await send()).not.toContain(answered.id);

    expect(await reminderMails(await title(answered.id))).toHaveLength(1);
    const mail = (await reminderMails(await title(answered.id)))[0];
    expect(mail.body).toContain('Peer:');
    expect(mail.body).toContain('Other peer:');
    expect(await links(await title(answered.id))).toHaveLength(3);
    const inbox = await app.ok<{ notifications: any }>(`{ notifications(first: 50) { edges { node { kind question { id } } } } }`, {}, asker);
    expect(inbox.notifications.edges.filter((e: any) => e.node.kind === 'ACCEPT_REMINDER').map((e: any) => e.node.question.id)).toEqual([answered.id]);
  });

  it('accepts the chosen answer once, without a session; a used link is refused and so are its siblings', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.answer(peer, question.id);
    const second = await app.answer(otherPeer, question.id, 'Swap the power supply; it fails under load.');
    app.clock.advance(25 * HOUR);
    await send();
    const [, chooseSecond, notHelped] = await links(await title(question.id));

    // Reading what a link does changes nothing (mail scanners follow links).
    const described = await app.ok<{ acceptReminderLink: any }>(DESCRIBE, { t: chooseSecond });
    expect(described.acceptReminderLink).toMatchObject({ questionId: question.id, choice: 'ACCEPTED', answerId: second.id, answerAuthorName: 'Other peer', refusal: null });
    expect(await app.count('questions', 'id = $1 AND accepted_answer_id IS NULL', [question.id])).toBe(1);

    expect((await app.ok<{ useAcceptReminderLink: any }>(USE, { t: chooseSecond })).useAcceptReminderLink).toEqual({ questionId: question.id, choice: 'ACCEPTED' });
    const after = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { status acceptedAnswer { id } } }`, { id: question.id });
    expect(after.question).toEqual({ status: 'SOLVED', acceptedAnswer: { id: second.id } });

    const again = await app.gql(USE, { t: chooseSecond });
    expectError(again, 'CONFLICT');
    expect(again.errors![0].message).toMatch(/already been used/);
    expectError(await app.gql(USE, { t: notHelped }), 'CONFLICT');
    expect(await app.count('escalations', 'question_id = $1', [question.id])).toBe(0);
    expect((await app.ok<{ acceptReminderLink: any }>(DESCRIBE, { t: notHelped })).acceptReminderLink.refusal).toMatch(/already been used/);
  });

  it('refuses an expired link with a clear error and changes nothing', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.answer(peer, question.id);
    app.clock.advance(25 * HOUR);
    await send();
    const [accept] = await links(await title(question.id));
    app.clock.advance(2 * 24 * HOUR + 60);
    const refused = await app.gql(USE, { t: accept });
    expectError(refused, 'CONFLICT');
    expect(refused.errors![0].message).toMatch(/expired/);
    expect(await app.count('questions', 'id = $1 AND accepted_answer_id IS NULL', [question.id])).toBe(1);
    expectError(await app.gql(USE, { t: 'A'.repeat(43) }), 'NOT_FOUND');
    expectError(await app.gql(USE, { t: 'short' }), 'VALIDATION_FAILED');
  });

  it('"it did not help" sends the question to staff at once, as the asker\'s request', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.answer(peer, question.id);
    app.clock.advance(25 * HOUR);
    await send();
    const notHelped = (await links(await title(question.id))).at(-1)!;
    expect((await app.ok<{ acceptReminderLink: any }>(DESCRIBE, { t: notHelped })).acceptReminderLink.choice).toBe('NOT_HELPED');
    expect((await app.ok<{ useAcceptReminderLink: any }>(USE, { t: notHelped })).useAcceptReminderLink.choice).toBe('NOT_HELPED');
    const escalated = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { status escalation { reason } } }`, { id: question.id });
    expect(escalated.question).toEqual({ status: 'ESCALATED', escalation: { reason: 'ASKER_REQUEST' } });
  });

  it('comes before the unsolved window ends when the first peer answer was late', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    app.clock.advance(60 * HOUR);
    await app.answer(peer, question.id);
    app.clock.advance(11 * HOUR - 60);
    expect(await send()).not.toContain(question.id);
    app.clock.advance(60);
    expect(await send()).toContain(question.id);
  });

  it('two sweepers racing send one reminder', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.answer(peer, question.id);
    app.clock.advance(25 * HOUR);
    const service = app.provider(AcceptRemindersService);
    const results = await Promise.all([service.sendDueBatch(100), service.sendDueBatch(100), service.sendDueBatch(100)]);
    expect(results.flatMap((r) => r.done).filter((id) => id === question.id)).toHaveLength(1);
    expect(await reminderMails(await title(question.id))).toHaveLength(1);
    expect(await app.count('notifications', "kind = 'ACCEPT_REMINDER' AND question_id = $1", [question.id])).toBe(1);
  });

  it("shows in the deflection report: reminders sent for the period's questions and the share that led to an acceptance", async () => {
    const manager = await app.userWithRole('MANAGER');
    const category = await newCategory();
    const from = app.clock.now();
    const [followed, ignored, neverReminded] = [await app.ask(asker, category.id), await app.ask(asker, category.id), await app.ask(asker, category.id)];
    const answer = await app.answer(peer, followed.id);
    await app.answer(peer, ignored.id);
    app.clock.advance(25 * HOUR);
    await send();
    await app.acceptAnswer(asker, answer.id);
    await app.answer(peer, neverReminded.id);
    const to = new Date(app.clock.now().getTime() + 60_000);
    const REPORT = `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { acceptReminders { sent ledToAcceptance { numerator denominator value } } } }`;
    const report = await app.ok<{ deflectionReport: any }>(REPORT, { input: { from: from.toISOString(), to: to.toISOString(), asOf: to.toISOString(), categoryId: category.id } }, manager);
    expect(report.deflectionReport.acceptReminders).toEqual({ sent: 2, ledToAcceptance: { numerator: 1, denominator: 2, value: 0.5 } });
  });
});
