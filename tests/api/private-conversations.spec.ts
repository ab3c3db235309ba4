import { expectError, PASSWORD, TestApp, type TestUser } from '../support/test-app';

const HOUR = 3600;
const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

const READ = `query ($id: ID!) { privateConversation(questionId: $id) {
  id resolvedAt messages { id body bodyHtml createdAt author { id displayName isEmployee } } } }`;
const SEND = `mutation ($id: ID!, $body: String!) { sendPrivateMessage(questionId: $id, body: $body) { id body bodyHtml author { id isEmployee } } }`;
const RESOLVE = `mutation ($id: ID!, $summary: String) { resolvePrivately(questionId: $id, summary: $summary) { id resolvedAt } }`;
const ESCALATE = `mutation ($id: ID!) { escalateQuestion(questionId: $id, reason: "Needs the account team.") { id } }`;
const ESCALATION = `query ($id: ID!) { question(id: $id) { status helpingPrivately escalation { state firstStaffResponseAt needsInfo { repliedAt } staffDueAt } } }`;

describe('private conversations', () => {
  let app: TestApp;
  let asker: TestUser;
  let otherCustomer: TestUser;
  let staff: TestUser;
  let otherStaff: TestUser;
  let volunteer: TestUser;
  let employeeModerator: TestUser;
  let manager: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    [asker, otherCustomer, staff, otherStaff, volunteer, employeeModerator, manager] = [
      await app.member('Asker'), await app.member('Other customer'), await app.userWithRole('STAFF', undefined, 'Sam Staff'),
      await app.userWithRole('STAFF', undefined, 'Olga Staff'), await app.userWithRole('MODERATOR', 'COMMUNITY', 'Vol Unteer'),
      await app.userWithRole('MODERATOR', 'EMPLOYEE', 'Emma Mod'), await app.userWithRole('MANAGER'),
    ];
    for (const member of [asker, otherCustomer]) await app.setTrustLevel(member, 'MEMBER');
    categoryId = (await app.category({ peerWindowHours: 24, staffResponseHours: 4, businessCalendar: alwaysOpen })).id;
  });
  afterAll(async () => { await app.close(); });

  const escalated = async (title?: string) => {
    const question = await app.ask(asker, categoryId, title ? { title } : {});
    await app.ok(ESCALATE, { id: question.id }, volunteer);
    return question.id;
  };
  const send = (user: TestUser, id: string, body: string) => app.gql(SEND, { id, body }, user);
  const read = async (user: TestUser, id: string) => (await app.ok<{ privateConversation: any }>(READ, { id }, user)).privateConversation;
  const notificationsOf = async (user: TestUser) => (await app.ok<{ notifications: any }>(
    `{ notifications(first: 50) { edges { node { kind message payload question { id } } } } }`, {}, user)).notifications.edges.map((e: any) => e.node);
  const escalationEvents = async (questionId: string) => (await app.db.query(
    'SELECT type, reason FROM escalation_events WHERE question_id = $1 ORDER BY id', [questionId]) as Array<{ type: string; reason: string | null }>)
    .map((r) => (r.reason ? `${r.type}:${r.reason}` : r.type));

  describe('who may read and write', () => {
    it('is null until opened, for the asker and employees; FORBIDDEN for anyone else, a volunteer moderator too', async () => {
      const id = await escalated();
      expect(await read(asker, id)).toBeNull();
      expect(await read(staff, id)).toBeNull();
      expect(await read(employeeModerator, id)).toBeNull();
      for (const outsider of [otherCustomer, volunteer]) expectError(await app.gql(READ, { id }, outsider), 'FORBIDDEN');
      expectError(await app.gql(READ, { id }), 'UNAUTHENTICATED');
      expectError(await app.gql(READ, { id: '987654321' }, staff), 'NOT_FOUND');
    });

    it('lets employees open one at any time, the asker only once the question is with our team', async () => {
      const plain = (await app.ask(asker, categoryId)).id;
      expectError(await send(asker, plain, 'Can someone look at my invoice?'), 'FORBIDDEN');
      expect(await app.count('private_conversations', 'question_id = $1', [plain])).toBe(0);
      expect((await send(staff, plain, 'We saw this; can you tell us your order number?')).errors).toBeUndefined();
      // Open now: both sides write.
      expect((await send(asker, plain, 'It is 4711.')).errors).toBeUndefined();

      const escalatedId = await escalated();
      expect((await send(asker, escalatedId, 'My account number is 1234, please check.')).errors).toBeUndefined();
    });

    it('lets the asker open one on a question where they flagged a post as needing our team', async () => {
      const id = (await app.ask(asker, categoryId)).id;
      const answer = await app.answer(otherCustomer, id);
      const mayMessage = async (user?: TestUser) => (await app.ok<{ question: { viewerCanMessagePrivately: boolean } }>(
        `query ($id: ID!) { question(id: $id) { viewerCanMessagePrivately } }`, { id }, user ?? {})).question.viewerCanMessagePrivately;
      expect(await mayMessage(asker)).toBe(false);
      expectError(await send(asker, id, 'This has my address in it, can we talk privately?'), 'FORBIDDEN');
      await app.ok(`mutation ($id: ID!) { flag(input: { targetType: ANSWER, targetId: $id, reason: NEEDS_STAFF }) { id } }`, { id: answer.id }, asker);
      // The field says what the mutation then does, for each viewer.
      expect({ asker: await mayMessage(asker), staff: await mayMessage(staff), other: await mayMessage(otherCustomer), volunteer: await mayMessage(volunteer), anonymous: await mayMessage() })
        .toEqual({ asker: true, staff: true, other: false, volunteer: false, anonymous: false });
      expect((await send(asker, id, 'This has my address in it, can we talk privately?')).errors).toBeUndefined();
      await app.ok(RESOLVE, { id }, staff);
      expect({ asker: await mayMessage(asker), staff: await mayMessage(staff) }).toEqual({ asker: false, staff: false });
    });

    it('refuses a member, a volunteer moderator and another customer on an open conversation, to read or to send', async () => {
      const id = await escalated();
      expect((await send(staff, id, 'Hello from the team.')).errors).toBeUndefined();
      for (const outsider of [otherCustomer, volunteer]) {
        expectError(await app.gql(READ, { id }, outsider), 'FORBIDDEN');
        expectError(await send(outsider, id, 'Let me in.'), 'FORBIDDEN');
        expectError(await app.gql(RESOLVE, { id }, outsider), 'FORBIDDEN');
      }
      expect(await app.count('private_messages', 'question_id = $1', [id])).toBe(1);
      // A moderator's view of the thread shows only the public line.
      const seen = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { helpingPrivately body comments { body } } }`, { id }, volunteer);
      expect(seen.question.helpingPrivately).toBe(true);
      expect(JSON.stringify(seen)).not.toContain('Hello from the team');
    });

    it('refuses an empty message as VALIDATION_FAILED', async () => {
      const id = await escalated();
      expectError(await send(staff, id, '  '), 'VALIDATION_FAILED');
    });
  });

  describe('the conversation', () => {
    it('shows both sides, Markdown rendered, with who is an employee', async () => {
      const id = await escalated();
      await send(staff, id, 'Please check **Settings > Billing**.');
      await send(asker, id, 'Found it, thanks.');
      const conversation = await read(asker, id);
      expect(conversation.resolvedAt).toBeNull();
      expect(conversation.messages.map((m: any) => [m.author.id, m.author.isEmployee, m.body])).toEqual([
        [staff.id, true, 'Please check **Settings > Billing**.'], [asker.id, false, 'Found it, thanks.'],
      ]);
      expect(conversation.messages[0].bodyHtml).toContain('<strong>Settings &gt; Billing</strong>');
      expect((await read(employeeModerator, id)).messages).toHaveLength(2);
    });

    it('counts a staff message as the staff response on the escalation, a breach when late', async () => {
      const onTime = await escalated();
      app.clock.advance(HOUR);
      await send(staff, onTime, 'Looking into it.');
      const data = await app.ok<{ question: any }>(ESCALATION, { id: onTime });
      expect(data.question.escalation.firstStaffResponseAt).not.toBeNull();
      expect(await escalationEvents(onTime)).toEqual(['ESCALATED:MODERATOR', 'STAFF_RESPONDED']);

      const late = await escalated();
      app.clock.advance(5 * HOUR);
      await send(staff, late, 'Sorry for the wait.');
      expect(await escalationEvents(late)).toEqual(['ESCALATED:MODERATOR', 'STAFF_RESPONDED', 'BREACHED']);
    });

    it("resumes a paused escalation when the asker replies privately, and not on a staff member's message", async () => {
      const id = await escalated();
      await app.ok(`mutation ($id: ID!) { markNeedsInfo(questionId: $id, note: "Order number?") { id } }`, { id }, staff);
      await send(otherStaff, id, 'Any news?');
      expect((await app.ok<{ question: any }>(ESCALATION, { id }, staff)).question.escalation).toMatchObject({ state: 'NEEDS_INFO', needsInfo: { repliedAt: null } });
      app.clock.advance(HOUR);
      await send(asker, id, 'Order 4711.');
      const resumed = (await app.ok<{ question: any }>(ESCALATION, { id }, staff)).question.escalation;
      expect(resumed.state).not.toBe('NEEDS_INFO');
      expect(resumed.needsInfo.repliedAt).not.toBeNull();
      expect(await escalationEvents(id)).toContain('RESUMED');
    });

    it('notifies the asker when staff write, and the assignee (or every member of staff) when the asker writes, never with the body', async () => {
      const id = await escalated('Billing portal shows the wrong plan');
      await send(staff, id, 'Secret detail: your card ends in 9999.');
      const toAsker = (await notificationsOf(asker)).filter((n: any) => n.kind === 'PRIVATE_MESSAGE' && n.question.id === id);
      expect(toAsker.map((n: any) => n.message)).toEqual(['Our team sent you a private message about “Billing portal shows the wrong plan”.']);

      const privateOnThis = async (member: TestUser) =>
        (await notificationsOf(member)).filter((n: any) => n.kind === 'PRIVATE_MESSAGE' && n.question.id === id).map((n: any) => n.message);
      // Nobody has the escalation: every member of staff hears of it.
      await send(asker, id, 'Secret reply: my postcode is AB1 2CD.');
      const fromAsker = 'The asker sent our team a private message about “Billing portal shows the wrong plan”.';
      for (const member of [staff, otherStaff]) expect(await privateOnThis(member)).toEqual([fromAsker]);
      // Then only its assignee.
      await app.ok(`mutation ($id: ID!, $user: ID!) { assignEscalation(questionId: $id, userId: $user) { id } }`, { id, user: otherStaff.id }, staff);
      await send(asker, id, 'Another secret reply.');
      expect(await privateOnThis(otherStaff)).toEqual([fromAsker, fromAsker]);
      expect(await privateOnThis(staff)).toEqual([fromAsker]);

      const stored: Array<{ payload: unknown }> = await app.db.query(`SELECT payload FROM notifications WHERE kind = 'PRIVATE_MESSAGE'`);
      const outbox: Array<{ row: unknown }> = await app.db.query(`SELECT to_jsonb(o) AS row FROM email_outbox o`);
      expect(JSON.stringify([stored, outbox])).not.toMatch(/Secret|9999|AB1 2CD/);
    });
  });

  describe('never public', () => {
    it('shows anonymous readers only that our team is helping privately; not in search, lists or webhooks', async () => {
      const hook = (await app.ok<{ createWebhook: { id: string } }>(
        `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`,
        { input: { url: 'https://hooks.example.com/peerdesk', secret: 'a-webhook-secret-long-enough', events: ['question.escalated', 'escalation.breached', 'question.solved'] } },
        await app.admin())).createWebhook;
      const id = await escalated('Router keeps dropping the connection');
      const before = await app.count('webhook_deliveries', 'webhook_id = $1', [hook.id]);
      await send(staff, id, 'Try the zyxquorbant setting, it is hidden in the admin page.');
      await send(asker, id, 'The zyxquorbant setting worked.');
      await app.ok(RESOLVE, { id }, staff);
      expect(await app.count('webhook_deliveries', 'webhook_id = $1', [hook.id])).toBe(before);
      const payloads: Array<{ payload: string }> = await app.db.query(`SELECT payload::text FROM webhook_deliveries`);
      expect(payloads.map((p) => p.payload).join()).not.toContain('zyxquorbant');

      const search = await app.ok<{ search: any }>(`query { search(query: "zyxquorbant") { edges { node { question { id } } } } }`);
      expect(search.search.edges).toEqual([]);
      const page = await app.ok<{ question: any; questions: any }>(
        `query ($id: ID!) { question(id: $id) { title body helpingPrivately comments { body } answers { body } } questions(first: 50) { edges { node { id title } } } }`, { id });
      expect(JSON.stringify(page)).not.toContain('zyxquorbant');
      expect(page.question.helpingPrivately).toBe(false); // resolved
      expectError(await app.gql(READ, { id }), 'UNAUTHENTICATED');
    });

    it('says helpingPrivately while the conversation is open', async () => {
      const id = await escalated();
      expect((await app.ok<{ question: any }>(ESCALATION, { id })).question.helpingPrivately).toBe(false);
      await send(staff, id, 'We will sort this out here.');
      expect((await app.ok<{ question: any }>(ESCALATION, { id })).question.helpingPrivately).toBe(true);
    });

    it("exports only the messages the member wrote in the member's own data", async () => {
      const id = await escalated();
      await send(staff, id, 'Staff words not in your export.');
      await send(asker, id, 'My own words in my export.');
      const exported = (await app.ok<{ exportMyData: any }>(`{ exportMyData }`, {}, asker)).exportMyData;
      expect(exported.privateMessages.filter((m: any) => m.questionId === id).map((m: any) => m.body)).toEqual(['My own words in my export.']);
      expect(JSON.stringify(exported)).not.toContain('Staff words not in your export.');
    });

    it("erases a deleted account's own messages, and keeps our team's replies", async () => {
      const leaver = await app.member('Leaving asker');
      await app.setTrustLevel(leaver, 'MEMBER');
      const id = (await app.ask(leaver, categoryId)).id;
      await send(staff, id, 'Staff reply that stays.');
      await send(leaver, id, 'Words that leave with me.');
      await app.ok(`mutation { deleteMyAccount(password: "${PASSWORD}") }`, {}, leaver);
      expect((await read(staff, id)).messages.map((m: any) => m.body)).toEqual(['Staff reply that stays.']);
    });
  });

  describe('resolving privately', () => {
    it('is for staff: closes the escalation as solved, posts the summary as a public staff answer, is audited, and ends the conversation', async () => {
      const id = await escalated();
      expectError(await app.gql(RESOLVE, { id }, staff), 'CONFLICT'); // nothing to resolve yet
      await send(asker, id, 'My invoice is wrong.');
      await send(staff, id, 'Fixed, you will get a corrected one.');
      expectError(await app.gql(RESOLVE, { id }, asker), 'FORBIDDEN');
      expectError(await app.gql(RESOLVE, { id }, manager), 'FORBIDDEN');
      expectError(await app.gql(RESOLVE, { id, summary: 'short' }, staff), 'VALIDATION_FAILED');

      const resolved = (await app.ok<{ resolvePrivately: any }>(RESOLVE, { id, summary: 'We corrected the invoice for this account.' }, staff)).resolvePrivately;
      expect(resolved.resolvedAt).not.toBeNull();
      const thread = await app.ok<{ question: any }>(
        `query ($id: ID!) { question(id: $id) { helpingPrivately escalation { state } answers { body authorKind } } }`, { id });
      expect(thread.question.helpingPrivately).toBe(false);
      expect(thread.question.answers).toEqual([{ body: 'We corrected the invoice for this account.', authorKind: 'STAFF' }]);
      expect(await escalationEvents(id)).toEqual(expect.arrayContaining(['SOLVED:RESOLVED_PRIVATELY']));
      const [closed]: Array<{ close_reason: string }> = await app.db.query(`SELECT close_reason FROM escalations WHERE question_id = $1`, [id]);
      expect(closed.close_reason).toBe('SOLVED');
      expect(await app.count('audit_log', `action = 'PRIVATE_CONVERSATION_RESOLVED' AND target_id = $1 AND actor_id = $2`, [id, staff.id])).toBe(1);

      expectError(await send(asker, id, 'One more thing.'), 'CONFLICT');
      expectError(await send(staff, id, 'One more thing.'), 'CONFLICT');
      expectError(await app.gql(RESOLVE, { id }, staff), 'CONFLICT');
      expect((await read(asker, id)).resolvedAt).not.toBeNull();
    });
    it('reads as SOLVED afterwards (not ESCALATED), and a later peer answer starts no community clock that would escalate it again', async () => {
      const id = await escalated();
      await send(staff, id, 'Your refund went out today.');
      await app.ok(RESOLVE, { id }, staff);
      const status = async () => (await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { status acceptedAnswer { id } escalation { state } } }`, { id })).question;
      expect(await status()).toMatchObject({ status: 'SOLVED', acceptedAnswer: null });
      // Solved, as an accepted question: the asker's "request staff help" says why not (the request is refused below).
      const { question: { staffHelp } } = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { staffHelp { allowed refusal } } }`, { id }, asker);
      expect(staffHelp).toEqual({ allowed: false, refusal: 'SOLVED' });

      const answer = await app.answer(otherCustomer, id);
      expect((await status()).status).toBe('SOLVED');
      const [clock]: Array<{ community_due_at: Date | null }> = await app.db.query('SELECT community_due_at FROM questions WHERE id = $1', [id]);
      expect(clock.community_due_at).toBeNull();
      // Past the unsolved window (72 hours by default) that a peer answer would otherwise start.
      app.clock.advance(4 * 24 * HOUR);
      const swept = await (await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' })).json() as { escalated: string[] };
      expect(swept.escalated).not.toContain(id);
      // Past the peer window too, the request is refused by the thread's state, not by the clock.
      expect(expectError(await app.gql(`mutation ($id: ID!) { requestStaffHelp(questionId: $id) { id } }`, { id }, asker), 'CONFLICT').message).toMatch(/solved/);
      // The asker may still accept the peer answer: it stays SOLVED, now with an accepted answer.
      expect((await app.acceptAnswer(asker, answer.id)).data?.acceptAnswer.status).toBe('SOLVED');
    });
  });

  describe('deflection report', () => {
    const REPORT = `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { cohortSize outcomes { outcome count } peerDeflectionRate { numerator } } }`;

    it('counts a privately resolved question as STAFF_SOLVED_PRIVATELY until an answer is accepted, never as peer deflection', async () => {
      const reportCategory = (await app.category({ peerWindowHours: 24, staffResponseHours: 4, businessCalendar: alwaysOpen })).id;
      const from = new Date(app.clock.now().getTime() - 1000);
      const question = await app.ask(asker, reportCategory);
      await app.ok(ESCALATE, { id: question.id }, volunteer);
      await send(staff, question.id, 'Sorted on our side.');
      await app.ok(RESOLVE, { id: question.id }, staff);
      app.clock.advance(60);
      const report = async () => (await app.ok<{ deflectionReport: any }>(REPORT, {
        input: { from, to: new Date(app.clock.now().getTime() + 1000), bucket: 'DAY', categoryId: reportCategory },
      }, manager)).deflectionReport;
      let r = await report();
      expect(r.cohortSize).toBe(1);
      expect(r.outcomes.find((o: any) => o.outcome === 'STAFF_SOLVED_PRIVATELY').count).toBe(1);
      expect(r.peerDeflectionRate.numerator).toBe(0);

      // A peer answer accepted later wins: the public record is what the asker accepted.
      const answer = await app.answer(otherCustomer, question.id);
      expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();
      app.clock.advance(60);
      r = await report();
      expect(r.outcomes.find((o: any) => o.outcome === 'STAFF_SOLVED_PRIVATELY').count).toBe(0);
      expect(r.outcomes.find((o: any) => o.outcome === 'PEER_SOLVED_AFTER_ESCALATION').count).toBe(1);
    });
  });
});
