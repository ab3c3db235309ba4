import { readFileSync } from 'node:fs';
import { expectError, expectInvalid, PASSWORD, TestApp, type TestUser } from '../support/test-app';

// A member's privacy rights: a copy of their data, and deleting their account without breaking threads
// or moving any report figure.

const DAY_S = 86_400;
/** The dashboard's own operation (its document's other operation left out): every figure the manager's page shows. */
const DASHBOARD = readFileSync(new URL('../../apps/web/src/routes/reports/deflection/deflection.graphql', import.meta.url), 'utf8')
  .replace(/query ReportCategories \{[^}]*\}\s*\}/, '');

describe('privacy rights', () => {
  let app: TestApp;
  let asker: TestUser;
  let helper: TestUser;
  let staff: TestUser;
  let manager: TestUser;
  let stranger: TestUser;
  let categoryId: string;
  let solvedId: string;
  let helperAnswerId: string;
  const period = { from: '', to: '' };

  beforeAll(async () => {
    app = await TestApp.start();
    period.from = new Date(app.clock.now().getTime() - DAY_S * 1000).toISOString();
    asker = await app.member('Aisling Asker');
    helper = await app.member('Hugh Helper');
    stranger = await app.member('Someone Else');
    staff = await app.userWithRole('STAFF', undefined, 'Sam Staff');
    manager = await app.userWithRole('MANAGER', undefined, 'Maeve Manager');
    categoryId = (await app.category({ peerWindowHours: 1 })).id;
    // A peer-solved question (the helper's answer accepted), with a vote and a comment by the helper.
    solvedId = (await app.ask(asker, categoryId, { title: 'Hub light flashes orange after the update', body: 'Since last night the hub light flashes orange and nothing connects.' })).id;
    helperAnswerId = (await app.answer(helper, solvedId, 'Hold the reset button for 15 seconds; the update left it half-configured.')).id;
    await app.ok(`mutation { vote(input: { targetType: QUESTION, targetId: "${solvedId}", value: 1 }) { score } }`, {}, helper);
    await app.ok(`mutation($input: PostCommentInput!) { postComment(input: $input) { id } }`, { input: { targetType: 'QUESTION', targetId: solvedId, body: 'Same here since the update.' } }, helper);
    expect((await app.acceptAnswer(asker, helperAnswerId)).errors).toBeUndefined();
    // A staff-solved question: escalated by the sweep, answered by staff, accepted.
    const escalated = (await app.ask(helper, categoryId, { title: 'Charged twice for the same month', body: 'My bill shows two charges for November, same amount.' })).id;
    await fetch(`${app.baseUrl}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 2 * 3600 }) });
    await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' });
    const staffAnswer = await app.answer(staff, escalated, 'We have refunded the second charge; it shows within five working days.');
    expect((await app.acceptAnswer(helper, staffAnswer.id)).errors).toBeUndefined();
    period.to = new Date(app.clock.now().getTime() + DAY_S * 1000).toISOString();
  });
  afterAll(async () => { await app.close(); });

  async function dashboard(): Promise<unknown> {
    return app.ok(DASHBOARD, { input: { from: period.from, to: period.to, asOf: period.to }, from: period.from, to: period.to }, manager);
  }

  describe('exportMyData', () => {
    it('is refused to someone signed out', async () => {
      expectError(await app.gql('{ exportMyData }'), 'UNAUTHENTICATED');
    });

    it("gives a member their profile, posts, votes and notifications, and nobody else's", async () => {
      await app.ok(`mutation { setNotificationPreferences(input: { kinds: [{ kind: MENTIONED, email: IMMEDIATE }] }) { notificationEmail } }`, {}, helper);
      const { exportMyData: data } = await app.ok<{ exportMyData: Record<string, any> }>('{ exportMyData }', {}, helper);
      expect(data.profile).toMatchObject({ id: helper.id, email: helper.email, displayName: 'Hugh Helper', role: 'MEMBER' });
      expect(data.answers.map((a: { id: string }) => a.id)).toContain(helperAnswerId);
      expect(data.questions.map((q: { title: string }) => q.title)).toEqual(['Charged twice for the same month']);
      expect(data.comments.map((c: { body: string }) => c.body)).toEqual(['Same here since the update.']);
      expect(data.votes).toEqual([expect.objectContaining({ targetType: 'QUESTION', targetId: solvedId, value: 1 })]);
      expect(data.notifications.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['ANSWER_ACCEPTED']));
      expect(data.notificationPreferences).toEqual([expect.objectContaining({ kind: 'MENTIONED', email: 'IMMEDIATE' })]);
      expect(data.sessions.length).toBeGreaterThan(0);
      expect(JSON.stringify(data)).not.toContain(asker.email);
      expect(JSON.stringify(data)).not.toContain('password');
    });
  });

  describe('deleteMyAccount', () => {
    it('is refused to someone signed out, and with a wrong password, changing nothing', async () => {
      expectError(await app.gql(`mutation { deleteMyAccount(password: "${PASSWORD}") }`), 'UNAUTHENTICATED');
      expectInvalid(await app.gql(`mutation { deleteMyAccount(password: "not the password") }`, {}, stranger), ['password']);
      expect((await app.ok<{ me: { displayName: string } }>('{ me { displayName } }', {}, stranger)).me.displayName).toBe('Someone Else');
    });

    it('refuses the only administrator', async () => {
      const admin = await app.admin();
      const response = await app.gql(`mutation { deleteMyAccount(password: "${PASSWORD}") }`, {}, admin);
      expect(expectError(response, 'FORBIDDEN').message).toContain('only administrator');
    });

    it('erases the personal data, ends every session, keeps the threads whole, and moves no report figure', async () => {
      const before = (await dashboard()) as { deflectionReport: { cohortSize: number; superusers: { peerAnswerers: number }; outcomes: Array<{ outcome: string; count: number }> } };
      // A report with something in it: both questions, one solved by the member about to leave.
      expect(before.deflectionReport.cohortSize).toBe(2);
      expect(before.deflectionReport.superusers.peerAnswerers).toBe(1);
      expect(before.deflectionReport.outcomes.filter((o) => o.count > 0).length).toBe(2);
      const secondSession = await app.ok<{ login: { token: string } }>(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: helper.email, password: PASSWORD } });

      expect((await app.ok<{ deleteMyAccount: boolean }>(`mutation { deleteMyAccount(password: "${PASSWORD}") }`, {}, helper)).deleteMyAccount).toBe(true);

      // Every session is gone, and the address no longer signs in.
      expect((await app.ok<{ me: unknown }>('{ me { id } }', {}, helper)).me).toBeNull();
      expect((await app.ok<{ me: unknown }>('{ me { id } }', {}, { token: secondSession.login.token })).me).toBeNull();
      expectError(await app.gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: helper.email, password: PASSWORD } }), 'UNAUTHENTICATED');
      // Nothing personal is left in the row, and the private traces are gone.
      const [row] = await app.db.query(`SELECT email, display_name, password_hash, deleted_at FROM users WHERE id = $1`, [helper.id]);
      expect(row).toMatchObject({ email: null, display_name: 'Deleted member', password_hash: null });
      expect(row.deleted_at).not.toBeNull();
      for (const table of ['sessions', 'watches', 'notifications', 'notification_preferences', 'email_outbox']) expect(await app.count(table, 'user_id = $1', [helper.id])).toBe(0);
      expect(await app.count('question_views', 'viewer_id = $1', [helper.id])).toBe(0);
      // The thread reads as before, the answer now by "Deleted member".
      const thread = await app.ok<{ question: { acceptedAnswer: { id: string; author: { displayName: string } }; comments: Array<{ body: string }> } }>(
        `{ question(id: "${solvedId}") { acceptedAnswer { id author { displayName } } comments { body } } }`,
      );
      expect(thread.question.acceptedAnswer).toEqual({ id: helperAnswerId, author: { displayName: 'Deleted member' } });
      expect(thread.question.comments.map((c) => c.body)).toEqual(['Same here since the update.']);
      // Every figure the manager sees is the same.
      expect(await dashboard()).toEqual(before);
      // The address is free for a new account: signing up with it again mails a confirmation link, which makes one.
      await app.ok(`mutation($input: RegisterInput!) { register(input: $input) }`, { input: { email: helper.email, password: PASSWORD, displayName: 'Hugh Again' } });
      const token = await app.mailedToken(helper.email, '/register/confirm');
      const again = await app.ok<{ confirmRegistration: { user: { id: string } } }>(`mutation($token: String!) { confirmRegistration(token: $token) { user { id } } }`, { token });
      expect(again.confirmRegistration.user.id).not.toBe(helper.id);
      // The deletion is in the audit log, without the personal data.
      const audit = await app.db.query(`SELECT action, before, after FROM audit_log WHERE target_type = 'USER' AND target_id = $1`, [helper.id]);
      expect(audit).toEqual([{ action: 'ACCOUNT_DELETED', before: { role: 'MEMBER' }, after: null }]);
    });
  });
});
