import { expectError, expectInvalid, PASSWORD, TestApp, type TestUser } from '../support/test-app';

// The audit log: append-only in the database, readable by moderators and admins through auditLog(filter,
// first, after), and written by every moderator and admin action (who, when, target, before, after, reason).

const AUDIT_LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at actor { id displayName } action targetType targetId before after reason } }
  }
}`;

interface Entry {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

describe('audit log', () => {
  let app: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let asker: TestUser;
  let helper: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members from one address; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    admin = await app.admin();
    moderator = await app.userWithRole('MODERATOR', undefined, 'Fergal');
    asker = await app.member('Asker');
    helper = await app.member('Helper');
    categoryId = (await app.category()).id;
  });
  afterAll(async () => { await app.close(); });

  async function page(filter: Record<string, unknown> = {}, first = 20, after?: string) {
    return (await app.ok<{ auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Entry }> } }>(
      AUDIT_LOG, { filter, first, after }, admin)).auditLog;
  }
  /** The entries about one target, newest first. */
  async function about(targetType: string, targetId: string): Promise<Entry[]> {
    return (await page({ targetType, targetId }, 100)).edges.map((e) => e.node);
  }
  /** Every entry as [actor, action, target, before, after, reason], newest first. */
  const shape = (entries: Entry[]) => entries.map((e) => [e.actor?.id ?? null, e.action, `${e.targetType}:${e.targetId}`, e.before, e.after, e.reason]);

  describe('in the database', () => {
    it('refuses to change or remove an entry, with a message that says why', async () => {
      const target = await app.member();
      await app.setRole(target, 'STAFF');
      const [row] = await app.db.query(`SELECT id, action FROM audit_log WHERE target_type = 'USER' AND target_id = $1`, [target.id]);
      expect(row.action).toBe('USER_ROLE_CHANGED');

      await expect(app.db.query(`UPDATE audit_log SET action = 'NOTHING_HAPPENED' WHERE id = $1`, [row.id]))
        .rejects.toThrow('The audit log is append-only: UPDATE is refused on audit_log');
      await expect(app.db.query(`DELETE FROM audit_log WHERE id = $1`, [row.id]))
        .rejects.toThrow('The audit log is append-only: DELETE is refused on audit_log');
      await expect(app.db.query(`TRUNCATE audit_log CASCADE`)).rejects.toThrow('The audit log is append-only: TRUNCATE is refused on audit_log');

      expect(await app.db.query(`SELECT action FROM audit_log WHERE id = $1`, [row.id])).toEqual([{ action: 'USER_ROLE_CHANGED' }]);
    });

    it('keeps the entries about a member who deletes their account, with their id and without their e-mail', async () => {
      const leaving = await app.member('Leaving Soon');
      await app.setRole(leaving, 'MODERATOR');
      await app.ok(`mutation ($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaving);
      const entries = await about('USER', leaving.id);
      expect(entries.map((e) => e.action)).toEqual(['ACCOUNT_DELETED', 'USER_ROLE_CHANGED']);
      expect(JSON.stringify(entries)).not.toContain(leaving.email);
      expect(JSON.stringify(entries)).not.toContain('Leaving Soon');
    });
  });

  describe('auditLog', () => {
    it('is for moderators and admins only', async () => {
      for (const role of ['MEMBER', 'STAFF', 'MANAGER'] as const) {
        expectError(await app.gql(AUDIT_LOG, {}, await app.userWithRole(role)), 'FORBIDDEN');
      }
      expectError(await app.gql(AUDIT_LOG, {}), 'UNAUTHENTICATED');
      const seen = (await app.ok<{ auditLog: { totalCount: number } }>(AUDIT_LOG, {}, moderator)).auditLog.totalCount;
      expect(seen).toBe((await page()).totalCount);
      expect(seen).toBeGreaterThan(0);
    });

    it('pages newest first, filtered by actor, action, target and period', async () => {
      const secondAdmin = await app.userWithRole('ADMIN');
      const subjects = [await app.member(), await app.member(), await app.member()];
      const start = app.clock.now();
      for (const subject of subjects) {
        app.clock.advance(60);
        await app.ok(`mutation ($id: ID!) { setUserRole(userId: $id, role: STAFF) { id } }`, { id: subject.id }, secondAdmin);
      }
      app.clock.advance(60);
      const end = app.clock.now();
      await app.ok(`mutation ($id: ID!) { setUserAffiliation(userId: $id, affiliation: EMPLOYEE) { id } }`, { id: subjects[0].id }, secondAdmin);

      const mine = { actorId: secondAdmin.id };
      const first = await page(mine, 2);
      expect(first.totalCount).toBe(4);
      expect(first.edges.map((e) => [e.node.action, e.node.targetId])).toEqual([['USER_AFFILIATION_CHANGED', subjects[0].id], ['USER_ROLE_CHANGED', subjects[2].id]]);
      expect(first.edges[0].node.actor).toEqual({ id: secondAdmin.id, displayName: expect.any(String) });
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(mine, 2, first.pageInfo.endCursor!);
      expect(second.edges.map((e) => e.node.targetId)).toEqual([subjects[1].id, subjects[0].id]);
      expect(second.pageInfo.hasNextPage).toBe(false);

      expect((await page({ ...mine, action: 'USER_ROLE_CHANGED' })).edges.map((e) => e.node.targetId)).toEqual([subjects[2].id, subjects[1].id, subjects[0].id]);
      expect((await page({ targetType: 'USER', targetId: subjects[0].id })).edges.map((e) => e.node.action)).toEqual(['USER_AFFILIATION_CHANGED', 'USER_ROLE_CHANGED']);
      const period = await page({ from: new Date(start.getTime() + 90_000).toISOString(), to: end.toISOString() });
      expect(period.edges.map((e) => e.node.targetId)).toEqual([subjects[2].id, subjects[1].id]);
    });

    it('refuses filters that cannot match anything meaningful, naming the field', async () => {
      expectInvalid(await app.gql(AUDIT_LOG, { filter: { actorId: 'fergal' } }, admin), ['actorId']);
      expectInvalid(await app.gql(AUDIT_LOG, { filter: { targetId: '-3' } }, admin), ['targetId']);
      expectInvalid(await app.gql(AUDIT_LOG, { filter: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }, admin), ['to']);
      expectError(await app.gql(AUDIT_LOG, { filter: { action: 'DROPPED_TABLES' } }, admin), 'VALIDATION_FAILED');
      expectInvalid(await app.gql(AUDIT_LOG, { filter: { from: 'last tuesday', to: '2025-13-45' } }, admin), ['from', 'to']);
      expectError(await app.gql(AUDIT_LOG, { after: 'not-a-cursor' }, admin), 'VALIDATION_FAILED');
      expectError(await app.gql(AUDIT_LOG, { first: 0 }, admin), 'VALIDATION_FAILED');
    });
  });

  describe('records', () => {
    it('category creation and changes, with the settings that changed', async () => {
      const created = await app.category({ name: 'Billing', slug: `billing-${Date.now()}` });
      await app.ok(`mutation ($input: UpdateCategoryInput!) { updateCategory(input: $input) { id } }`, { input: { id: created.id, name: 'Bills', peerWindowHours: 12 } }, admin);
      const [updated, made] = await about('CATEGORY', created.id);
      expect(made).toMatchObject({ actor: { id: admin.id }, action: 'CATEGORY_CREATED', before: null, after: { name: 'Billing', slug: created.slug, peerWindowHours: 24 } });
      expect(updated).toMatchObject({ actor: { id: admin.id }, action: 'CATEGORY_UPDATED', before: { name: 'Billing', peerWindowHours: 24 }, after: { name: 'Bills', peerWindowHours: 12 } });
      expect(Object.keys(updated.after!).sort()).toEqual(['name', 'peerWindowHours']);
    });

    it('webhook creation and deletion, never the secret or the full address', async () => {
      const secret = 'a-very-long-webhook-secret-0001';
      const { createWebhook } = await app.ok<{ createWebhook: { id: string } }>(
        `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { id } }`,
        { input: { url: 'https://hooks.example.com/services/T000/SECRET-PATH', secret, events: ['question.solved'] } }, admin);
      await app.ok(`mutation ($id: ID!) { deleteWebhook(id: $id) }`, { id: createWebhook.id }, admin);
      const entries = await about('WEBHOOK', createWebhook.id);
      expect(shape(entries)).toEqual([
        [admin.id, 'WEBHOOK_DELETED', `WEBHOOK:${createWebhook.id}`, { origin: 'https://hooks.example.com', events: ['question.solved'] }, null, null],
        [admin.id, 'WEBHOOK_CREATED', `WEBHOOK:${createWebhook.id}`, null, { origin: 'https://hooks.example.com', events: ['question.solved'] }, null],
      ]);
      expect(JSON.stringify(entries)).not.toContain(secret);
      expect(JSON.stringify(entries)).not.toContain('SECRET-PATH');
    });

    it('the announcement set, changed and taken down', async () => {
      const SET = `mutation ($m: String!) { setAnnouncement(message: $m) { message } }`;
      const before = (await about('ANNOUNCEMENT', '1')).length;
      await app.ok(SET, { m: 'Maintenance tonight' }, admin);
      await app.ok(SET, { m: 'Maintenance tonight' }, admin);
      await app.ok(SET, { m: 'Maintenance moved to Friday' }, admin);
      await app.ok(SET, { m: '' }, admin);
      await app.ok(SET, { m: '' }, admin);
      expect(shape((await about('ANNOUNCEMENT', '1')).slice(0, -before || undefined))).toEqual([
        [admin.id, 'ANNOUNCEMENT_CLEARED', 'ANNOUNCEMENT:1', { message: 'Maintenance moved to Friday' }, null, null],
        [admin.id, 'ANNOUNCEMENT_SET', 'ANNOUNCEMENT:1', { message: 'Maintenance tonight' }, { message: 'Maintenance moved to Friday' }, null],
        [admin.id, 'ANNOUNCEMENT_SET', 'ANNOUNCEMENT:1', null, { message: 'Maintenance tonight' }, null],
      ]);
    });

    it("a moderator's acceptance and withdrawal for the asker, not the asker's own", async () => {
      const question = await app.ask(asker, categoryId);
      const [first, second] = [await app.answer(helper, question.id), await app.answer(helper, question.id, 'Or swap the power supply.')];
      expect((await app.acceptAnswer(asker, first.id)).errors).toBeUndefined();
      expect((await app.acceptAnswer(moderator, second.id)).errors).toBeUndefined();
      await app.ok(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: question.id }, moderator);

      expect(await about('ANSWER', first.id)).toEqual([]);
      expect(shape(await about('ANSWER', second.id))).toEqual([[
        moderator.id, 'ANSWER_ACCEPTED_FOR_ASKER', `ANSWER:${second.id}`,
        { questionId: question.id, acceptedAnswerId: first.id, status: 'SOLVED' }, { questionId: question.id, acceptedAnswerId: second.id, status: 'SOLVED' }, null,
      ]]);
      expect(shape(await about('QUESTION', question.id))).toEqual([[
        moderator.id, 'ACCEPTANCE_WITHDRAWN_FOR_ASKER', `QUESTION:${question.id}`,
        { acceptedAnswerId: second.id, status: 'SOLVED' }, { acceptedAnswerId: null, status: 'ANSWERED' }, null,
      ]]);
    });

    it("edits and deletions of someone else's question, answer and comment, and never an author's own", async () => {
      const question = await app.ask(asker, categoryId);
      const answer = await app.answer(helper, question.id, 'Reset the router.');
      const POST_COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
      const comment = (await app.ok<{ postComment: { id: string } }>(POST_COMMENT, { input: { targetType: 'ANSWER', targetId: answer.id, body: 'Worked for me!' } }, asker)).postComment;
      const own = (await app.ok<{ postComment: { id: string } }>(POST_COMMENT, { input: { targetType: 'QUESTION', targetId: question.id, body: 'Any news on this?' } }, asker)).postComment;
      const EDIT_QUESTION = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`;
      const EDIT_ANSWER = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`;
      const EDIT_COMMENT = `mutation ($input: EditCommentInput!) { editComment(input: $input) { id } }`;

      // The authors' own edits and deletions: not moderation, not audited.
      await app.ok(EDIT_QUESTION, { input: { id: question.id, title: 'My router keeps dropping every evening' } }, asker);
      await app.ok(EDIT_ANSWER, { input: { id: answer.id, body: 'Reset the router, then re-pair.' } }, helper);
      await app.ok(EDIT_COMMENT, { input: { id: own.id, body: 'Any news on this one?' } }, asker);
      await app.ok(`mutation ($id: ID!) { deleteComment(id: $id) }`, { id: own.id }, asker);
      expect(await about('QUESTION', question.id)).toEqual([]);
      expect(await about('ANSWER', answer.id)).toEqual([]);
      expect(await about('COMMENT', own.id)).toEqual([]);

      await app.ok(EDIT_QUESTION, { input: { id: question.id, tags: ['router'], reason: 'Tagged for the router board' } }, moderator);
      await app.ok(EDIT_ANSWER, { input: { id: answer.id, body: 'Reset the router (hold the button 10 s), then re-pair.', reason: 'Added the missing step' } }, moderator);
      await app.ok(EDIT_COMMENT, { input: { id: comment.id, body: 'Worked for me.' } }, moderator);
      await app.ok(`mutation ($id: ID!) { deleteComment(id: $id) }`, { id: comment.id }, moderator);
      await app.ok(`mutation ($id: ID!, $reason: String) { deleteAnswer(id: $id, reason: $reason) { id } }`, { id: answer.id, reason: 'Advertising' }, moderator);

      expect(shape(await about('QUESTION', question.id))).toEqual([
        [moderator.id, 'QUESTION_EDITED', `QUESTION:${question.id}`, { authorId: asker.id, tags: [] }, { tags: ['router'] }, 'Tagged for the router board'],
      ]);
      expect(shape(await about('ANSWER', answer.id))).toEqual([
        [moderator.id, 'ANSWER_DELETED', `ANSWER:${answer.id}`,
          { questionId: question.id, authorId: helper.id, deleted: false, accepted: false }, { questionId: question.id, deleted: true, accepted: false }, 'Advertising'],
        [moderator.id, 'ANSWER_EDITED', `ANSWER:${answer.id}`,
          { questionId: question.id, authorId: helper.id, body: 'Reset the router, then re-pair.' },
          { questionId: question.id, body: 'Reset the router (hold the button 10 s), then re-pair.' }, 'Added the missing step'],
      ]);
      expect(shape(await about('COMMENT', comment.id))).toEqual([
        [moderator.id, 'COMMENT_DELETED', `COMMENT:${comment.id}`, { questionId: question.id, authorId: asker.id, deleted: false }, { questionId: question.id, deleted: true }, null],
        [moderator.id, 'COMMENT_EDITED', `COMMENT:${comment.id}`,
          { questionId: question.id, authorId: asker.id, body: 'Worked for me!' }, { questionId: question.id, body: 'Worked for me.' }, null],
      ]);
    });

    it('duplicate marks and their removal', async () => {
      const [original, duplicate] = [await app.ask(asker, categoryId), await app.ask(helper, categoryId)];
      await app.ok(`mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { id } }`, { q: duplicate.id, o: original.id }, moderator);
      await app.ok(`mutation ($q: ID!) { unmarkDuplicate(questionId: $q) { id } }`, { q: duplicate.id }, moderator);
      expect(shape(await about('QUESTION', duplicate.id))).toEqual([
        [moderator.id, 'QUESTION_UNMARKED_DUPLICATE', `QUESTION:${duplicate.id}`, { status: 'CLOSED', duplicateOf: original.id }, { status: 'OPEN', duplicateOf: null }, null],
        [moderator.id, 'QUESTION_MARKED_DUPLICATE', `QUESTION:${duplicate.id}`, { status: 'OPEN', duplicateOf: null }, { status: 'CLOSED', duplicateOf: original.id }, null],
      ]);
    });

    it('escalation by hand, needs-info, claim, assignment, release and return to the community, with their reasons', async () => {
      const [staff, colleague] = [await app.userWithRole('STAFF'), await app.userWithRole('STAFF')];
      const question = await app.ask(asker, categoryId);
      const q = { q: question.id };
      await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Account locked; only billing can see it") { id } }`, q, moderator);
      await app.ok(`mutation ($q: ID!) { claimEscalation(questionId: $q) { id } }`, q, staff);
      await app.ok(`mutation ($q: ID!, $u: ID!) { assignEscalation(questionId: $q, userId: $u) { id } }`, { ...q, u: colleague.id }, staff);
      await app.ok(`mutation ($q: ID!) { releaseEscalation(questionId: $q) { id } }`, q, colleague);
      await app.ok(`mutation ($q: ID!) { markNeedsInfo(questionId: $q, note: "Which account number?") { id } }`, q, staff);
      await app.ok(`mutation ($q: ID!) { returnToCommunity(questionId: $q, reason: "A peer answer covers it") { id } }`, q, moderator);

      const entries = await about('QUESTION', question.id);
      expect(entries.map((e) => [e.actor?.id, e.action, e.reason])).toEqual([
        [moderator.id, 'ESCALATION_RETURNED_TO_COMMUNITY', 'A peer answer covers it'],
        [staff.id, 'ESCALATION_NEEDS_INFO', 'Which account number?'],
        [colleague.id, 'ESCALATION_RELEASED', null],
        [staff.id, 'ESCALATION_ASSIGNED', null],
        [staff.id, 'ESCALATION_CLAIMED', null],
        [moderator.id, 'QUESTION_ESCALATED', 'Account locked; only billing can see it'],
      ]);
      const escalationId = entries[5].after!.escalationId;
      expect(entries[5]).toMatchObject({ before: { status: 'OPEN' }, after: { status: 'ESCALATED', escalationId: expect.any(String) } });
      expect(entries.slice(2, 5).map((e) => [e.before, e.after])).toEqual([
        [{ escalationId, assigneeId: colleague.id }, { escalationId, assigneeId: null }],
        [{ escalationId, assigneeId: staff.id }, { escalationId, assigneeId: colleague.id }],
        [{ escalationId, assigneeId: null }, { escalationId, assigneeId: staff.id }],
      ]);
      expect(entries[0]).toMatchObject({ before: { escalationId, status: 'ESCALATED' }, after: { escalationId, status: 'OPEN' } });
    });

    it('staff endorsements given and taken off', async () => {
      const staff = await app.userWithRole('STAFF');
      const question = await app.ask(asker, categoryId);
      const answer = await app.answer(helper, question.id);
      await app.ok(`mutation ($id: ID!) { endorseAnswer(answerId: $id) { id } }`, { id: answer.id }, staff);
      await app.ok(`mutation ($id: ID!) { endorseAnswer(answerId: $id) { id } }`, { id: answer.id }, admin);
      await app.ok(`mutation ($id: ID!) { unendorseAnswer(answerId: $id) { id } }`, { id: answer.id }, admin);
      const entries = await about('ANSWER', answer.id);
      expect(shape(entries)).toEqual([
        [admin.id, 'ANSWER_UNENDORSED', `ANSWER:${answer.id}`,
          { questionId: question.id, endorsed: true, endorsedBy: staff.id, endorsedAt: expect.any(String) }, { questionId: question.id, endorsed: false }, null],
        [staff.id, 'ANSWER_ENDORSED', `ANSWER:${answer.id}`, { questionId: question.id, endorsed: false }, { questionId: question.id, endorsed: true }, null],
      ]);
    });

    it('role and affiliation changes, findable by action', async () => {
      const target = await app.member();
      await app.setRole(target, 'MODERATOR');
      await app.setAffiliation(target, 'EMPLOYEE');
      expect(shape(await about('USER', target.id))).toEqual([
        [admin.id, 'USER_AFFILIATION_CHANGED', `USER:${target.id}`, { role: 'MODERATOR', affiliation: 'COMMUNITY' }, { role: 'MODERATOR', affiliation: 'EMPLOYEE' }, null],
        [admin.id, 'USER_ROLE_CHANGED', `USER:${target.id}`, { role: 'MEMBER', affiliation: 'COMMUNITY' }, { role: 'MODERATOR', affiliation: 'COMMUNITY' }, null],
      ]);
      const found = (await page({ action: 'USER_AFFILIATION_CHANGED', targetId: target.id })).edges.map((e) => e.node.action);
      expect(found).toEqual(['USER_AFFILIATION_CHANGED']);
    });
  });
});
