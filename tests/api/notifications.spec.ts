import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainEvents, type DomainEvent } from '../../apps/api/src/common/domain-events';
import { EmailOutbox } from '../../apps/api/src/notifications/email-outbox';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// In-app notifications, watching, and e-mail through the outbox.

const NOTIFICATIONS = `query ($first: Int, $after: String) {
  notifications(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind message payload isRead readAt createdAt question { id } actor { id } } }
  }
}`;
const UNREAD = `query { unreadNotificationCount }`;
const MARK_READ = `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const WATCH_QUESTION = `mutation ($id: ID!, $watching: Boolean!) { watchQuestion(questionId: $id, watching: $watching) { id viewerIsWatching } }`;
const WATCH_CATEGORY = `mutation ($id: ID!, $watching: Boolean!) { watchCategory(categoryId: $id, watching: $watching) { id viewerIsWatching } }`;
const PREFERENCES = `mutation ($e: NotificationEmail!) { setNotificationPreferences(input: { notificationEmail: $e }) { notificationEmail } }`;

interface Notification {
  id: string;
  kind: string;
  message: string;
  payload: Record<string, unknown>;
  isRead: boolean;
  readAt: string | null;
  createdAt: string;
  question: { id: string } | null;
  actor: { id: string } | null;
}

/** The Nest application inside the harness, to reach the workers tests drive by hand. */

/** Decodes RFC 2047 encoded words and unfolds header lines, so a test reads a Subject as a person would. */
function header(eml: string, name: string): string | undefined {
  const head = eml.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?(.*?)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

describe('notifications', () => {
  let app: TestApp;
  let dataDir: string;
  let categoryId: string;
  let asker: TestUser;
  let helper: TestUser;
  let bystander: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'peerdesk-mail-'));
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off', DATA_DIR: dataDir });
    ({ categoryId, asker, helper, bystander, moderator } = await app.threadCast());
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const inbox = async (user: TestUser, first = 50): Promise<Notification[]> =>
    (await app.ok(NOTIFICATIONS, { first }, user)).notifications.edges.map((e: { node: Notification }) => e.node);
  const unread = async (user: TestUser): Promise<number> => (await app.ok(UNREAD, {}, user)).unreadNotificationCount;
  const markRead = async (user: TestUser, ids?: string[]): Promise<number> => (await app.ok(MARK_READ, { ids }, user)).markNotificationsRead;
  const question = async (by = asker) => (await app.ask(by, categoryId)).id;

  describe('on answers and acceptance', () => {
    it('tells the asker about a new answer, not the person who answered', async () => {
      const questionId = await question();
      const before = await inbox(helper);

      const answer = await app.answer(helper, questionId);

      const [latest] = await inbox(asker);
      expect(latest).toMatchObject({
        kind: 'ANSWER_POSTED', isRead: false, readAt: null, question: { id: questionId }, actor: { id: helper.id },
        message: expect.stringMatching(/^Helper answered your question “My router number \d+ keeps dropping”\.$/),
        payload: expect.objectContaining({ answerId: answer.id }),
      });
      expect(await inbox(helper)).toEqual(before);
    });

    it('does not notify an asker who answers their own question', async () => {
      const questionId = await question();
      const before = await unread(asker);
      await app.answer(asker, questionId);
      expect(await unread(asker)).toBe(before);
    });

    it("tells the answer's author when the asker accepts it, and not the asker", async () => {
      const questionId = await question();
      const answer = await app.answer(helper, questionId);
      const askerBefore = await unread(asker);

      expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();

      const [latest] = await inbox(helper);
      expect(latest).toMatchObject({ kind: 'ANSWER_ACCEPTED', question: { id: questionId }, actor: { id: asker.id } });
      expect(latest.message).toMatch(/^Your answer to “.+” was accepted as the solution\.$/);
      expect(await unread(asker)).toBe(askerBefore);
    });

    it('tells both the author and the asker when a moderator accepts, never the moderator', async () => {
      const questionId = await question();
      const answer = await app.answer(helper, questionId);
      const moderatorBefore = await unread(moderator);

      expect((await app.acceptAnswer(moderator, answer.id)).errors).toBeUndefined();

      expect((await inbox(helper))[0]).toMatchObject({ kind: 'ANSWER_ACCEPTED', question: { id: questionId }, actor: { id: moderator.id } });
      const [toAsker] = await inbox(asker);
      expect(toAsker).toMatchObject({ kind: 'ANSWER_ACCEPTED', question: { id: questionId } });
      expect(toAsker.message).toMatch(/^A moderator marked an answer to your question “.+” as the solution\.$/);
      expect(await unread(moderator)).toBe(moderatorBefore);
    });

    it('writes nothing when the change itself is refused', async () => {
      const questionId = await question();
      const answer = await app.answer(helper, questionId);
      const before = await app.count('notifications');
      expectError(await app.acceptAnswer(bystander, answer.id), 'FORBIDDEN');
      expect(await app.count('notifications')).toBe(before);
    });
  });

  describe('on comments', () => {
    const comment = async (by: TestUser, targetType: 'QUESTION' | 'ANSWER', targetId: string, body = 'Which router model is it?') =>
      (await app.ok(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`, { input: { targetType, targetId, body } }, by)).postComment.id as string;
    const commentNotes = async (user: TestUser, questionId: string) =>
      (await inbox(user)).filter((n) => n.kind === 'COMMENT_POSTED' && n.question?.id === questionId);

    it("tells the post's author and the question's watchers, never the commenter", async () => {
      const questionId = await question();
      const answerId = (await app.answer(helper, questionId)).id;
      await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, bystander);

      const onQuestion = await comment(helper, 'QUESTION', questionId);
      const onAnswer = await comment(asker, 'ANSWER', answerId);

      const [toAsker] = await commentNotes(asker, questionId);
      expect(toAsker).toMatchObject({ actor: { id: helper.id }, payload: { commentId: onQuestion, targetType: 'QUESTION', targetId: questionId } });
      expect(toAsker.message).toMatch(/^Helper commented on your question “.+”\.$/);
      const [toHelper] = await commentNotes(helper, questionId);
      expect(toHelper).toMatchObject({ actor: { id: asker.id }, payload: { commentId: onAnswer, targetType: 'ANSWER', targetId: answerId } });
      expect(toHelper.message).toMatch(/^Asker commented on your answer to “.+”\.$/);
      expect((await commentNotes(bystander, questionId)).map((n) => n.payload.commentId)).toEqual([onAnswer, onQuestion]);
    });

    it('does not notify an author who comments on their own post, nor a watcher of their own comment', async () => {
      const questionId = await question();
      await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, asker);
      await comment(asker, 'QUESTION', questionId, 'Edit: it is the white model.');
      expect(await commentNotes(asker, questionId)).toEqual([]);
    });

    it('tells an author who also watches only once', async () => {
      const questionId = await question();
      await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, asker);
      await comment(helper, 'QUESTION', questionId);
      expect((await commentNotes(asker, questionId)).map((n) => n.message)).toEqual([expect.stringMatching(/commented on your question/)]);
    });
  });

  describe('on escalation events', () => {
    // The escalation module publishes these; here they are published directly, inside a transaction as it does.
    const publish = (event: DomainEvent) => app.db.transaction((em) => app.provider(DomainEvents).publish(em, event));

    it('tells the asker when staff will answer and every STAFF user; breaches go to managers; assignments to the assignee', async () => {
      const staff = [await app.userWithRole('STAFF'), await app.userWithRole('STAFF')];
      const manager = await app.userWithRole('MANAGER');
      const questionId = await question();
      const staffDueAt = new Date('2031-03-04T15:30:00.000Z');

      await publish({
        type: 'questions.escalated', escalations: [{ questionId, categoryId, askerId: asker.id, reason: 'UNANSWERED_TIMEOUT', staffDueAt }], at: app.clock.now(),
      });

      const [toAsker] = await inbox(asker);
      expect(toAsker).toMatchObject({ kind: 'QUESTION_ESCALATED', question: { id: questionId }, actor: null });
      expect(toAsker.message).toMatch(/was passed to our team\. Our team will answer by Tue, 4 Mar 2031, 15:30 UTC\.$/);
      expect(toAsker.payload).toMatchObject({ reason: 'UNANSWERED_TIMEOUT', staffDueAt: staffDueAt.toISOString() });
      for (const member of staff) expect((await inbox(member))[0]).toMatchObject({ kind: 'QUESTION_ESCALATED', question: { id: questionId } });
      expect(await app.count('notifications', 'user_id = $1', [manager.id])).toBe(0);

      await publish({ type: 'questions.escalated', escalations: [{ questionId, categoryId, askerId: asker.id, reason: 'MODERATOR', staffDueAt: null }], at: app.clock.now() });
      expect((await inbox(asker))[0].message).toMatch(/Our team will answer as soon as possible\.$/);

      await publish({ type: 'escalation.assigned', questionId, assigneeId: staff[1].id, assignedBy: staff[0].id, at: app.clock.now() });
      expect((await inbox(staff[1]))[0]).toMatchObject({ kind: 'ESCALATION_ASSIGNED', actor: { id: staff[0].id } });
      const selfAssigned = await app.count('notifications', 'user_id = $1', [staff[0].id]);
      await publish({ type: 'escalation.assigned', questionId, assigneeId: staff[0].id, assignedBy: staff[0].id, at: app.clock.now() });
      expect(await app.count('notifications', 'user_id = $1', [staff[0].id])).toBe(selfAssigned);

      await publish({ type: 'escalations.breached', breaches: [{ questionId, staffDueAt }], at: app.clock.now() });
      expect((await inbox(manager))[0]).toMatchObject({ kind: 'ESCALATION_BREACHED', question: { id: questionId }, actor: null });
      expect(await app.count('notifications', `kind = 'ESCALATION_BREACHED' AND user_id <> $1`, [manager.id])).toBe(0);
    });
  });

  describe('reading', () => {
    it('counts unread notifications and marks chosen ones, then all, read', async () => {
      const reader = await app.member('Reader');
      const questionIds = [await question(reader), await question(reader), await question(reader)];
      for (const id of questionIds) await app.answer(helper, id);
      expect(await unread(reader)).toBe(3);
      const [newest, middle] = await inbox(reader);

      expect(await markRead(reader, [newest.id, middle.id])).toBe(2);
      expect(await markRead(reader, [newest.id])).toBe(0);

      expect(await unread(reader)).toBe(1);
      const after = await inbox(reader);
      expect(after.map((n) => n.isRead)).toEqual([true, true, false]);
      expect(after[0].readAt).toEqual(expect.any(String));

      expect(await markRead(reader)).toBe(1);
      expect(await unread(reader)).toBe(0);
      expect(await markRead(reader, [])).toBe(0);
    });

    it('pages newest first with cursors', async () => {
      const reader = await app.member('Pager');
      for (let i = 0; i < 3; i++) {
        app.clock.advance(1);
        await app.answer(helper, await question(reader));
      }
      const first = (await app.ok(NOTIFICATIONS, { first: 2 }, reader)).notifications;
      expect(first.totalCount).toBe(3);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await app.ok(NOTIFICATIONS, { first: 2, after: first.pageInfo.endCursor }, reader)).notifications;
      expect(second.pageInfo.hasNextPage).toBe(false);
      const all = [...first.edges, ...second.edges].map((e: { node: Notification }) => e.node);
      expect(all).toHaveLength(3);
      expect(new Set(all.map((n) => n.id)).size).toBe(3);
      expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(all);
      expectInvalid(await app.gql(NOTIFICATIONS, { first: 2, after: 'bogus' }, reader), ['after']);
    });

    it("never shows or changes anyone else's notifications", async () => {
      const owner = await app.member('Owner');
      const other = await app.member('Other');
      await app.answer(helper, await question(owner));
      const [mine] = await inbox(owner);

      expect(await inbox(other)).toEqual([]);
      expect(await markRead(other, [mine.id])).toBe(0);
      expect(await markRead(other)).toBe(0);

      expect(await unread(owner)).toBe(1);
      expect((await inbox(owner))[0].isRead).toBe(false);
    });

    it('needs a session', async () => {
      expectError(await app.gql(UNREAD), 'UNAUTHENTICATED');
      expectError(await app.gql(NOTIFICATIONS), 'UNAUTHENTICATED');
      expectError(await app.gql(MARK_READ, {}), 'UNAUTHENTICATED');
      expectInvalid(await app.gql(MARK_READ, { ids: ['x'] }, asker), ['ids']);
    });
  });

  describe('watching', () => {
    it('tells watchers of a category about each new question, but not its asker', async () => {
      const category = await app.category();
      const watcher = await app.member('Category Watcher');
      const data = await app.ok(WATCH_CATEGORY, { id: category.id, watching: true }, watcher);
      expect(data.watchCategory).toEqual({ id: category.id, viewerIsWatching: true });
      await app.ok(WATCH_CATEGORY, { id: category.id, watching: true }, asker);

      const questionId = (await app.ask(asker, category.id)).id;

      const [latest] = await inbox(watcher);
      expect(latest).toMatchObject({ kind: 'QUESTION_ASKED', question: { id: questionId }, actor: { id: asker.id } });
      expect(latest.message).toMatch(/^New question in Category \d+: “.+”\.$/);
      expect(await app.count('notifications', `kind = 'QUESTION_ASKED' AND user_id = $1`, [asker.id])).toBe(0);

      await app.ok(WATCH_CATEGORY, { id: category.id, watching: false }, watcher);
      await app.ask(asker, category.id);
      expect((await inbox(watcher)).length).toBe(1);
    });

    it('tells watchers of a question about answers, and an asker who also watches only once', async () => {
      const questionId = await question();
      const watcher = await app.member('Question Watcher');
      const q = `query ($id: ID!) { question(id: $id) { viewerIsWatching } }`;
      expect((await app.ok(q, { id: questionId }, watcher)).question.viewerIsWatching).toBe(false);
      expect((await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, watcher)).watchQuestion.viewerIsWatching).toBe(true);
      expect((await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, watcher)).watchQuestion.viewerIsWatching).toBe(true);
      await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, asker);
      expect((await app.ok(q, { id: questionId }, watcher)).question.viewerIsWatching).toBe(true);
      expect((await app.ok(q, { id: questionId })).question.viewerIsWatching).toBe(false);

      await app.answer(helper, questionId);

      expect((await inbox(watcher))[0]).toMatchObject({ kind: 'ANSWER_POSTED', question: { id: questionId } });
      expect(await app.count('notifications', 'question_id = $1 AND user_id = $2', [questionId, asker.id])).toBe(1);
      // The answerer who watches is not told about their own answer.
      await app.ok(WATCH_QUESTION, { id: questionId, watching: true }, helper);
      await app.answer(helper, questionId);
      expect(await app.count('notifications', 'question_id = $1 AND user_id = $2', [questionId, helper.id])).toBe(0);
    });

    it('answers NOT_FOUND for an unknown question or category, and needs a session', async () => {
      expectError(await app.gql(WATCH_QUESTION, { id: '999999', watching: true }, asker), 'NOT_FOUND');
      expectError(await app.gql(WATCH_CATEGORY, { id: 'abc', watching: true }, asker), 'NOT_FOUND');
      expectError(await app.gql(WATCH_QUESTION, { id: await question(), watching: true }), 'UNAUTHENTICATED');
    });
  });

  describe('e-mail', () => {
    const outbox = () => app.provider(EmailOutbox);
    const mailFiles = async () => (await readdir(path.join(dataDir, 'mail')).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));

    it('queues a mail in the same transaction for IMMEDIATE users only, and drains it into an .eml file', async () => {
      const emailed = await app.member('Emailed Asker');
      const quiet = await app.member('Quiet Asker');
      expect((await app.ok(`query { notificationPreferences { notificationEmail } }`, {}, emailed)).notificationPreferences)
        .toEqual({ notificationEmail: 'IN_APP_ONLY' });
      expect((await app.ok(PREFERENCES, { e: 'IMMEDIATE' }, emailed)).setNotificationPreferences).toEqual({ notificationEmail: 'IMMEDIATE' });
      const questionId = await question(emailed);
      await app.answer(helper, await question(quiet));

      await app.answer(helper, questionId);

      const [notification] = await inbox(emailed);
      const rows = await app.db.query(`SELECT id::text, to_address, subject, status, attempts, notification_id::text FROM email_outbox WHERE user_id = $1`, [emailed.id]);
      expect(rows).toEqual([{ id: expect.any(String), to_address: emailed.email, subject: notification.message, status: 'PENDING', attempts: 0, notification_id: notification.id }]);
      expect(await app.count('email_outbox', 'user_id = $1', [quiet.id])).toBe(0);

      const result = await outbox().drainEmailOutbox();

      expect(result.sent).toBeGreaterThanOrEqual(1);
      expect(result.failed).toBe(0);
      expect(await mailFiles()).toContain(`${rows[0].id}.eml`);
      const eml = await readFile(path.join(dataDir, 'mail', `${rows[0].id}.eml`), 'utf8');
      expect(header(eml, 'To')).toBe(emailed.email);
      expect(header(eml, 'From')).toBe('Peerdesk <peerdesk@localhost>');
      expect(header(eml, 'Subject')).toBe(notification.message);
      expect(header(eml, 'Subject')).toMatch(/^Helper answered your question “.+”\.$/);
      expect(eml).toContain('Hello Emailed Asker,');
      expect(await app.db.query(`SELECT status, attempts FROM email_outbox WHERE id = $1`, [rows[0].id])).toEqual([{ status: 'SENT', attempts: 1 }]);

      // Sent mail is not sent again.
      expect(await outbox().drainEmailOutbox()).toEqual({ sent: 0, failed: 0 });
    });

    it('sends DAILY_DIGEST users one mail a day listing their unread notifications', async () => {
      const digester = await app.member('Digest Reader');
      await app.ok(PREFERENCES, { e: 'DAILY_DIGEST' }, digester);
      const questionId = await question(digester);
      await app.answer(helper, questionId);
      await app.answer(bystander, questionId);
      expect(await app.count('email_outbox', 'user_id = $1', [digester.id])).toBe(0);
      expect(await outbox().enqueueDigests()).toBe(0);

      app.clock.advance(24 * 3600 + 1);
      expect(await outbox().enqueueDigests()).toBe(1);
      expect(await outbox().enqueueDigests()).toBe(0);

      const [row] = await app.db.query(`SELECT id::text, subject FROM email_outbox WHERE user_id = $1`, [digester.id]);
      expect(row.subject).toBe('Your Peerdesk digest: 2 new notifications');
      await outbox().drainEmailOutbox();
      const eml = await readFile(path.join(dataDir, 'mail', `${row.id}.eml`), 'utf8');
      expect(header(eml, 'To')).toBe(digester.email);
      expect(eml).toContain('Bystander answered your question');
    });

    describe('per kind', () => {
      const KIND_PREFERENCES = `mutation ($input: NotificationPreferencesInput!) {
        setNotificationPreferences(input: $input) { notificationEmail kinds { kind email } } }`;
      const READ_PREFERENCES = `query { notificationPreferences { notificationEmail kinds { kind email } } }`;
      const choose = (user: TestUser, input: Record<string, unknown>) => app.ok(KIND_PREFERENCES, { input }, user);
      const comment = (by: TestUser, questionId: string) =>
        app.ok(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`, { input: { targetType: 'QUESTION', targetId: questionId, body: 'Which model?' } }, by);

      it('lists every kind, each following the default until chosen, and clears a choice with null', async () => {
        const member = await app.member();
        const { notificationPreferences } = await app.ok(READ_PREFERENCES, {}, member);
        expect(notificationPreferences.notificationEmail).toBe('IN_APP_ONLY');
        expect(notificationPreferences.kinds).toEqual(expect.arrayContaining([{ kind: 'COMMENT_POSTED', email: null }, { kind: 'ANSWER_POSTED', email: null }]));

        const set = (await choose(member, { kinds: [{ kind: 'COMMENT_POSTED', email: 'IMMEDIATE' }, { kind: 'MENTIONED', email: 'DAILY_DIGEST' }] })).setNotificationPreferences;
        expect(set.notificationEmail).toBe('IN_APP_ONLY');
        expect(set.kinds).toEqual(expect.arrayContaining([{ kind: 'COMMENT_POSTED', email: 'IMMEDIATE' }, { kind: 'MENTIONED', email: 'DAILY_DIGEST' }, { kind: 'ANSWER_POSTED', email: null }]));

        const cleared = (await choose(member, { notificationEmail: 'IMMEDIATE', kinds: [{ kind: 'COMMENT_POSTED', email: null }] })).setNotificationPreferences;
        expect(cleared.notificationEmail).toBe('IMMEDIATE');
        expect(cleared.kinds).toEqual(expect.arrayContaining([{ kind: 'COMMENT_POSTED', email: null }, { kind: 'MENTIONED', email: 'DAILY_DIGEST' }]));
      });

      it("mails a kind chosen IMMEDIATE at once and not one chosen IN_APP_ONLY, whatever the default", async () => {
        const member = await app.member('Picky Asker');
        await choose(member, { notificationEmail: 'IMMEDIATE', kinds: [{ kind: 'ANSWER_POSTED', email: 'IN_APP_ONLY' }] });
        const questionId = await question(member);
        await app.answer(helper, questionId);
        expect(await app.count('email_outbox', 'user_id = $1', [member.id])).toBe(0);

        await comment(helper, questionId);
        expect((await app.db.query(`SELECT subject FROM email_outbox WHERE user_id = $1`, [member.id])).map((r: { subject: string }) => r.subject))
          .toEqual([expect.stringMatching(/^Helper commented on your question/)]);

        await choose(member, { notificationEmail: 'IN_APP_ONLY', kinds: [{ kind: 'COMMENT_POSTED', email: 'IMMEDIATE' }] });
        await comment(bystander, questionId);
        await app.answer(bystander, questionId);
        expect(await app.count('email_outbox', 'user_id = $1', [member.id])).toBe(2);
      });

      it('lists only the digest kinds in the daily digest, for a member whose default is not the digest', async () => {
        const member = await app.member('Kind Digester');
        await choose(member, { kinds: [{ kind: 'COMMENT_POSTED', email: 'DAILY_DIGEST' }] });
        const questionId = await question(member);
        await app.answer(helper, questionId);
        await comment(bystander, questionId);
        expect(await app.count('email_outbox', 'user_id = $1', [member.id])).toBe(0);
        expect(await outbox().enqueueDigests()).toBe(0);

        app.clock.advance(24 * 3600 + 1);
        expect(await outbox().enqueueDigests()).toBe(1);
        const [row] = await app.db.query(`SELECT subject, body FROM email_outbox WHERE user_id = $1`, [member.id]);
        expect(row.subject).toBe('Your Peerdesk digest: 1 new notification');
        expect(row.body).toContain('Bystander commented on your question');
        expect(row.body).not.toContain('answered your question');
      });

      it("changes only the viewer's own preferences, and refuses a kind listed twice or nothing to change", async () => {
        const member = await app.member();
        await choose(member, { kinds: [{ kind: 'MENTIONED', email: 'IMMEDIATE' }] });
        const other = (await app.ok(READ_PREFERENCES, {}, bystander)).notificationPreferences;
        expect(other.kinds).toContainEqual({ kind: 'MENTIONED', email: null });
        expectInvalid(await app.gql(KIND_PREFERENCES, { input: { kinds: [{ kind: 'MENTIONED', email: 'IMMEDIATE' }, { kind: 'MENTIONED', email: null }] } }, member), ['input.kinds']);
        expectInvalid(await app.gql(KIND_PREFERENCES, { input: {} }, member), ['input']);
        expectError(await app.gql(KIND_PREFERENCES, { input: { kinds: [{ kind: 'MENTIONED', email: 'IMMEDIATE' }] } }), 'UNAUTHENTICATED');
        expectError(await app.gql(READ_PREFERENCES, {}), 'UNAUTHENTICATED');
      });
    });

    it('refuses an unknown preference', async () => {
      expect((await app.gql(PREFERENCES, { e: 'HOURLY' }, asker)).errors).toBeDefined();
      expectError(await app.gql(PREFERENCES, { e: 'IMMEDIATE' }), 'UNAUTHENTICATED');
    });
  });
});

describe('e-mail to an SMTP server that is down', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there, so every connection is refused.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off', SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => { await app.close(); });

  it('keeps the mail, counts attempts and retries after a growing backoff', async () => {
    const asker = await app.member('Asker');
    await app.ok(PREFERENCES, { e: 'IMMEDIATE' }, asker);
    const questionId = (await app.ask(asker, (await app.category()).id)).id;
    await app.answer(await app.member('Helper'), questionId);
    const outbox = app.provider(EmailOutbox);
    const row = async () =>
      (await app.db.query(`SELECT status, attempts, last_error, next_attempt_at FROM email_outbox WHERE user_id = $1`, [asker.id]))[0];

    expect(await outbox.drainEmailOutbox()).toEqual({ sent: 0, failed: 1 });
    const first = await row();
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
    expect(first.next_attempt_at.getTime() - app.clock.now().getTime()).toBeGreaterThan(50_000);

    // Not due yet: nothing is tried.
    expect(await outbox.drainEmailOutbox()).toEqual({ sent: 0, failed: 0 });

    app.clock.advance(61);
    expect(await outbox.drainEmailOutbox()).toEqual({ sent: 0, failed: 1 });
    const second = await row();
    expect(second).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(second.next_attempt_at.getTime() - app.clock.now().getTime()).toBeGreaterThan(110_000);

    // After the last attempt it is FAILED, still there to inspect.
    for (let i = 0; i < 10; i++) {
      app.clock.advance(4 * 3600);
      await outbox.drainEmailOutbox();
    }
    expect(await row()).toMatchObject({ status: 'FAILED', attempts: 8 });
  });
});
