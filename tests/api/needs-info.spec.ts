import { expectInvalid, TestApp, type TestUser } from '../support/test-app';

const HOUR = 3600;
const NOTE = 'Please tell us the e-mail address on the account';

const ESCALATE = `mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Account-specific: billing") { id } }`;
const MARK = `mutation ($q: ID!, $note: String!) { markNeedsInfo(questionId: $q, note: $note) { state needsInfo { note } } }`;
const COMMENT = `mutation ($q: ID!, $b: String!) { postComment(input: { targetType: QUESTION, targetId: $q, body: $b }) { id } }`;
const ESCALATION = `query ($id: ID!) { question(id: $id) { escalation {
  state note staffDueAt needsInfo { note askedAt repliedAt replyCommentId askedBy { id displayName } } firstStaffResponse { at by { displayName } } } } }`;
const INBOX = `{ notifications(first: 50) { edges { node { kind message payload question { id } } } } }`;

describe('needs info: staff ask the asker, the asker replies, staff hear of it', () => {
  let app: TestApp;
  let asker: TestUser;
  let bystander: TestUser;
  let volunteer: TestUser;
  let employeeModerator: TestUser;
  let staff: TestUser;
  let colleague: TestUser;
  const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

  beforeAll(async () => {
    app = await TestApp.start();
    asker = await app.member('Asker');
    bystander = await app.member('Bystander');
    volunteer = await app.userWithRole('MODERATOR', 'COMMUNITY', 'Volunteer Moderator');
    employeeModerator = await app.userWithRole('MODERATOR', 'EMPLOYEE', 'Employee Moderator');
    staff = await app.userWithRole('STAFF', undefined, 'Sam');
    colleague = await app.userWithRole('STAFF', undefined, 'Colleague');
    await app.setTrustLevel(asker, 'MEMBER');
  });
  afterAll(async () => { await app.close(); });

  async function escalatedQuestion(): Promise<{ id: string; categoryId: string }> {
    const category = await app.category({ staffResponseHours: 4, businessCalendar: alwaysOpen });
    const question = await app.ask(asker, category.id);
    await app.ok(ESCALATE, { q: question.id }, volunteer);
    return { id: question.id, categoryId: category.id };
  }

  const escalationAs = async (id: string, user?: TestUser) =>
    (await app.ok<{ question: { escalation: any } }>(ESCALATION, { id }, user ?? {})).question.escalation;
  const inbox = async (user: TestUser): Promise<any[]> =>
    (await app.ok<{ notifications: any }>(INBOX, {}, user)).notifications.edges.map((e: any) => e.node);

  it("e-mails staff's request at once by default, whatever the asker's usual choice, and not once they turn that kind off", async () => {
    const quiet = await app.member('Quiet Asker');
    await app.setTrustLevel(quiet, 'MEMBER');
    const preferences = (await app.ok<{ notificationPreferences: any }>(
      `{ notificationPreferences { notificationEmail kinds { kind email defaultEmail } } }`, {}, quiet)).notificationPreferences;
    expect(preferences.notificationEmail).toBe('IN_APP_ONLY');
    const kind = (name: string) => preferences.kinds.find((k: any) => k.kind === name);
    expect(kind('NEEDS_INFO')).toEqual({ kind: 'NEEDS_INFO', email: null, defaultEmail: 'IMMEDIATE' });
    expect(kind('PRIVATE_MESSAGE').defaultEmail).toBe('IMMEDIATE');
    expect(kind('ANSWER_POSTED').defaultEmail).toBe('IN_APP_ONLY');

    const category = await app.category({ staffResponseHours: 4, businessCalendar: alwaysOpen });
    const escalatedByQuiet = async () => {
      const question = await app.ask(quiet, category.id);
      await app.ok(ESCALATE, { q: question.id }, volunteer);
      return question.id;
    };
    await app.ok(MARK, { q: await escalatedByQuiet(), note: 'First: the account number?' }, staff);
    expect((await app.mailsTo(quiet.email)).filter((mail) => mail.body.includes('First: the account number?'))).toHaveLength(1);

    await app.ok(`mutation { setNotificationPreferences(input: { kinds: [{ kind: NEEDS_INFO, email: IN_APP_ONLY }] }) { notificationEmail } }`, {}, quiet);
    await app.ok(MARK, { q: await escalatedByQuiet(), note: 'Second: the postcode?' }, staff);
    expect((await app.mailsTo(quiet.email)).some((mail) => mail.body.includes('Second: the postcode?'))).toBe(false);
    expect((await inbox(quiet)).filter((n) => n.kind === 'NEEDS_INFO')).toHaveLength(2);
  });

  it("shows the note to the asker (field, notification, e-mail), keeps the moderator's reason apart, and hides it from others", async () => {
    const question = await escalatedQuestion();
    const marked = await app.ok<{ markNeedsInfo: any }>(MARK, { q: question.id, note: NOTE }, staff);
    expect(marked.markNeedsInfo).toEqual({ state: 'NEEDS_INFO', needsInfo: { note: NOTE } });

    const seenByAsker = await escalationAs(question.id, asker);
    expect(seenByAsker.needsInfo).toMatchObject({ note: NOTE, repliedAt: null, askedBy: { id: staff.id, displayName: 'Sam' } });
    expect(seenByAsker.note).toBeNull(); // the internal reason stays internal
    const seenByStaff = await escalationAs(question.id, staff);
    expect(seenByStaff.note).toBe('Account-specific: billing');
    expect(seenByStaff.needsInfo.note).toBe(NOTE);
    expect((await escalationAs(question.id, employeeModerator)).needsInfo.note).toBe(NOTE);
    for (const reader of [bystander, volunteer, undefined]) {
      const seen = await escalationAs(question.id, reader);
      expect(seen.state).toBe('NEEDS_INFO');
      expect(seen.needsInfo).toBeNull();
    }

    const told = (await inbox(asker)).filter((n) => n.kind === 'NEEDS_INFO' && n.question.id === question.id);
    expect(told).toHaveLength(1);
    expect(told[0].message).toContain(NOTE);
    expect(told[0].payload.note).toBe(NOTE);
    const mails = await app.mailsTo(asker.email);
    expect(mails.some((mail) => mail.body.includes(NOTE))).toBe(true);
    // Only the asker is told: the bystander and the staff member who asked are not.
    expect((await inbox(bystander)).some((n) => n.kind === 'NEEDS_INFO')).toBe(false);
    expect((await inbox(staff)).some((n) => n.kind === 'NEEDS_INFO')).toBe(false);
  });

  it('requires a note, since the asker must act on it', async () => {
    const question = await escalatedQuestion();
    expectInvalid(await app.gql(MARK, { q: question.id, note: '   ' }, staff), ['note']);
    const missing = await app.gql(`mutation ($q: ID!) { markNeedsInfo(questionId: $q) { id } }`, { q: question.id }, staff);
    expect(missing.errors?.length).toBeGreaterThan(0);
    expect((await escalationAs(question.id, staff)).state).toBe('WAITING');
  });

  it("the asker's comment resumes the clock, is linked from the escalation, and notifies the assignee only", async () => {
    const question = await escalatedQuestion();
    await app.ok(`mutation ($q: ID!) { claimEscalation(questionId: $q) { id } }`, { q: question.id }, staff);
    await app.ok(MARK, { q: question.id, note: NOTE }, staff);
    app.clock.advance(HOUR);
    const reply = await app.ok<{ postComment: { id: string } }>(COMMENT, { q: question.id, b: 'It is asker@example.org, thanks.' }, asker);

    const escalation = await escalationAs(question.id, staff);
    expect(escalation.state).toBe('ASSIGNED');
    expect(escalation.staffDueAt).not.toBeNull();
    expect(escalation.needsInfo.replyCommentId).toBe(reply.postComment.id);
    expect(Date.parse(escalation.needsInfo.repliedAt)).toBeGreaterThan(Date.parse(escalation.needsInfo.askedAt));
    const told = (await inbox(staff)).filter((n) => n.kind === 'ASKER_REPLIED' && n.question.id === question.id);
    expect(told).toHaveLength(1);
    expect((await inbox(colleague)).some((n) => n.kind === 'ASKER_REPLIED' && n.question.id === question.id)).toBe(false);

    // A staff answer is the first staff response: who and when, for the queue card.
    await app.answer(staff, question.id, 'We have updated the address on your account; it works now.');
    const answered = await escalationAs(question.id, staff);
    expect(answered.firstStaffResponse).toMatchObject({ by: { displayName: 'Sam' } });
  });

  it("an edit by the asker, with nobody assigned, notifies the category's staff team (every member of staff when it has none)", async () => {
    const withoutTeam = await escalatedQuestion();
    await app.ok(MARK, { q: withoutTeam.id, note: NOTE }, staff);
    await app.ok(`mutation ($id: ID!) { editQuestion(input: { id: $id, body: "The account address is asker@example.org." }) { id } }`, { id: withoutTeam.id }, asker);
    for (const member of [staff, colleague]) {
      expect((await inbox(member)).filter((n) => n.kind === 'ASKER_REPLIED' && n.question.id === withoutTeam.id)).toHaveLength(1);
    }
    expect((await escalationAs(withoutTeam.id, staff)).needsInfo.replyCommentId).toBeNull();

    const withTeam = await escalatedQuestion();
    await app.ok(`mutation ($c: ID!, $u: [ID!]!) { setCategoryStaffTeam(categoryId: $c, userIds: $u) { id } }`,
      { c: withTeam.categoryId, u: [colleague.id] }, await app.admin());
    await app.ok(MARK, { q: withTeam.id, note: NOTE }, staff);
    await app.ok(COMMENT, { q: withTeam.id, b: 'The address is asker@example.org.' }, asker);
    expect((await inbox(colleague)).filter((n) => n.kind === 'ASKER_REPLIED' && n.question.id === withTeam.id)).toHaveLength(1);
    expect((await inbox(staff)).some((n) => n.kind === 'ASKER_REPLIED' && n.question.id === withTeam.id)).toBe(false);
  });

  it("someone else's comment neither resumes the clock nor tells staff", async () => {
    const question = await escalatedQuestion();
    await app.ok(MARK, { q: question.id, note: NOTE }, staff);
    await app.ok(COMMENT, { q: question.id, b: 'Same problem here, following.' }, bystander);
    const escalation = await escalationAs(question.id, staff);
    expect(escalation.state).toBe('NEEDS_INFO');
    expect(escalation.needsInfo.repliedAt).toBeNull();
    expect((await inbox(staff)).some((n) => n.kind === 'ASKER_REPLIED' && n.question.id === question.id)).toBe(false);
  });
});
