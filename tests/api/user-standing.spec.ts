import { momentText } from '@peerdesk/domain';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Finding users (moderators and admins), suspending and silencing them: who may, what a suspended member
// is refused (and told), that a suspension ends by itself, and the audit rows.

const USERS = `query ($filter: UsersFilterInput, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id displayName email role } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SUSPEND = `mutation ($id: ID!, $until: DateTime!, $reason: String!) { suspendUser(userId: $id, until: $until, reason: $reason) { id suspension { until reason } } }`;
const UNSUSPEND = `mutation ($id: ID!, $reason: String) { unsuspendUser(userId: $id, reason: $reason) { id suspension { until reason } } }`;
const SILENCE = `mutation ($id: ID!, $until: DateTime!, $reason: String!) { silenceUser(userId: $id, until: $until, reason: $reason) { id silence { until reason } } }`;
const UNSILENCE = `mutation ($id: ID!) { unsilenceUser(userId: $id) { id silence { until reason } } }`;
const STANDING = `query ($id: ID!) { user(id: $id) { id suspension { until reason } silence { until reason } } }`;
const ME = `{ me { id suspension { until reason } } }`;
const AUDIT = `query ($id: ID!) { userAuditLog(userId: $id) { actorId action before after reason } }`;
const COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;

const DAY = 24 * 3600;

interface UsersPage {
  users: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; displayName: string; email: string | null; role: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('finding users', () => {
  let app: TestApp;
  let moderator: TestUser;
  let admin: TestUser;
  let members: TestUser[];

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    admin = await app.admin();
    moderator = await app.userWithRole('MODERATOR', undefined, 'Mona Moderator');
    members = [];
    for (const name of ['Zoe Fibre', 'Adam Router', 'bella router', 'Carl 50%_off']) members.push(await app.member(name));
  });
  afterAll(async () => { await app.close(); });

  const search = (viewer: TestUser, filter: Record<string, unknown> = {}, first = 20, after?: string) =>
    app.ok<UsersPage>(USERS, { filter, first, after }, viewer).then((d) => d.users);
  const names = (page: UsersPage['users']) => page.edges.map((e) => e.node.displayName);

  it('finds by part of a name in any letter case, sorted by name', async () => {
    expect(names(await search(moderator, { query: 'ROUTER' }))).toEqual(['Adam Router', 'bella router']);
  });

  it('finds by part of an e-mail address, and shows the address only to an admin', async () => {
    const localPart = members[0].email.split('@')[0];
    const asModerator = await search(moderator, { query: localPart.slice(2).toUpperCase() });
    expect(asModerator.edges.map((e) => [e.node.displayName, e.node.email])).toEqual([['Zoe Fibre', null]]);
    const asAdmin = await search(admin, { query: localPart });
    expect(asAdmin.edges.map((e) => e.node.email)).toEqual([members[0].email]);
  });

  it('takes LIKE wildcards literally', async () => {
    expect(names(await search(moderator, { query: '50%_' }))).toEqual(['Carl 50%_off']);
    expect(names(await search(moderator, { query: '%' }))).toEqual(['Carl 50%_off']);
  });

  it('filters by role and trust level', async () => {
    expect(names(await search(admin, { role: 'MODERATOR' }))).toEqual(['Mona Moderator']);
    await app.db.query(`UPDATE users SET trust_level = 'LEADER' WHERE id = $1`, [members[1].id]);
    expect(names(await search(admin, { trustLevel: 'LEADER' }))).toEqual(['Adam Router']);
  });

  it('pages by name with a cursor, every user once', async () => {
    const all = await search(admin, {}, 100);
    expect(all.totalCount).toBe(6);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search(admin, {}, 2, after);
      expect(page.totalCount).toBe(6);
      seen.push(...names(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(names(all));
    expect(seen).toEqual(['Adam Router', 'bella router', 'Carl 50%_off', 'Mona Moderator', 'Site Admin', 'Zoe Fibre']);
  });

  it('leaves deleted accounts out unless asked for', async () => {
    const gone = await app.member('Gone Router');
    await app.ok(`mutation ($p: String!) { deleteMyAccount(password: $p) }`, { p: 'correct horse battery' }, gone);
    const deletedName: string = (await app.db.query(`SELECT display_name FROM users WHERE id = $1`, [gone.id]))[0].display_name;
    expect(names(await search(admin, { query: deletedName }))).toEqual([]);
    expect((await search(admin, { query: deletedName, includeDeleted: true })).edges.map((e) => e.node.id)).toContain(gone.id);
  });

  it('refuses bad filters and page sizes as VALIDATION_FAILED', async () => {
    expectInvalid(await app.gql(USERS, { filter: { query: 'x'.repeat(255) } }, moderator), ['filter.query']);
    expectInvalid(await app.gql(USERS, { first: 0 }, moderator), ['first']);
    expectInvalid(await app.gql(USERS, { after: 'not-a-cursor' }, moderator), ['after']);
    expectError(await app.gql(USERS, { filter: { role: 'OWNER' } }, moderator), 'VALIDATION_FAILED');
    expectError(await app.gql(USERS, { filter: { trustLevel: 'GURU' } }, moderator), 'VALIDATION_FAILED');
  });

  it('is for moderators and admins only', async () => {
    expectError(await app.gql(USERS, {}, members[0]), 'FORBIDDEN');
    expectError(await app.gql(USERS, {}, await app.userWithRole('STAFF')), 'FORBIDDEN');
    expectError(await app.gql(USERS, {}), 'UNAUTHENTICATED');
  });
});

describe('suspending and silencing', () => {
  let app: TestApp;
  let moderator: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let other: TestUser;
  let categoryId: string;
  let questionId: string;
  let answerId: string;

  const inDays = (days: number) => new Date(app.clock.now().getTime() + days * DAY * 1000);

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    admin = await app.admin();
    moderator = await app.userWithRole('MODERATOR');
    categoryId = (await app.category()).id;
    other = await app.member('Other Member');
    questionId = (await app.ask(other, categoryId)).id;
    answerId = (await app.answer(other, questionId)).id;
  });
  afterAll(async () => { await app.close(); });

  beforeEach(async () => {
    member = await app.member();
  });

  it('refuses a suspended member every post and vote, saying until when and why, and lets them read and sign in', async () => {
    const until = inDays(7);
    const suspended = await app.ok(SUSPEND, { id: member.id, until: until.toISOString(), reason: 'Posting the same link in every thread.' }, moderator);
    expect(suspended.suspendUser.suspension).toEqual({ until: until.toISOString(), reason: 'Posting the same link in every thread.' });

    const expected = `Your account is suspended until ${momentText(until)}: Posting the same link in every thread. `
      + 'You can still read and sign in, but not post, vote or flag until then.';
    const refusals = [
      await app.gql(`mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
        input: { categoryId, title: 'My router keeps dropping again', body: 'Every evening around 8pm the connection drops.', tags: [] },
      }, member),
      await app.gql(`mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`, { input: { questionId, body: 'Restart the router and it works.' } }, member),
      await app.gql(COMMENT, { input: { targetType: 'QUESTION', targetId: questionId, body: 'Same here.' } }, member),
      await app.vote(member, 'ANSWER', answerId, 1),
    ];
    for (const response of refusals) expect(expectError(response, 'FORBIDDEN').message).toBe(expected);
    expect(await app.count('answers', 'author_id = $1', [member.id])).toBe(0);
    expect(await app.count('votes', 'user_id = $1', [member.id])).toBe(0);

    // Reading and signing in go on; the member sees why.
    expect((await app.ok(ME, {}, member)).me.suspension).toEqual({ until: until.toISOString(), reason: 'Posting the same link in every thread.' });
    expect((await app.ok(`query ($id: ID!) { question(id: $id) { id } }`, { id: questionId }, member)).question.id).toBe(questionId);
    const login = await app.gql(`mutation ($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: member.email, password: 'correct horse battery' } });
    expect(login.errors).toBeUndefined();
  });

  it('ends a suspension by itself at its end', async () => {
    await app.ok(SUSPEND, { id: member.id, until: inDays(2).toISOString(), reason: 'Cool down for two days.' }, moderator);
    expectError(await app.vote(member, 'ANSWER', answerId, 1), 'FORBIDDEN');
    app.clock.advance(2 * DAY - 60);
    expectError(await app.vote(member, 'ANSWER', answerId, 1), 'FORBIDDEN');
    app.clock.advance(61);
    expect((await app.vote(member, 'ANSWER', answerId, 1)).errors).toBeUndefined();
    expect((await app.ok(ME, {}, member)).me.suspension).toBeNull();
    expect((await app.ok(STANDING, { id: member.id }, moderator)).user.suspension).toBeNull();
  });

  it('lifts a suspension early, and refuses lifting one that is not in force', async () => {
    await app.ok(SUSPEND, { id: member.id, until: inDays(30).toISOString(), reason: 'Abusive replies.' }, moderator);
    const lifted = await app.ok(UNSUSPEND, { id: member.id, reason: 'Apologised.' }, moderator);
    expect(lifted.unsuspendUser.suspension).toBeNull();
    expect((await app.answer(member, questionId)).id).toMatch(/^\d+$/);
    expectError(await app.gql(UNSUSPEND, { id: member.id }, moderator), 'CONFLICT');
  });

  it('keeps the suspended member\'s posts', async () => {
    const answer = await app.answer(member, questionId, 'An answer written before the suspension.');
    await app.ok(SUSPEND, { id: member.id, until: inDays(3).toISOString(), reason: 'Spam.' }, moderator);
    const thread = await app.ok(`query ($id: ID!) { question(id: $id) { answers { id body } } }`, { id: questionId });
    expect(thread.question.answers.find((a: { id: string }) => a.id === answer.id)?.body).toBe('An answer written before the suspension.');
  });

  it('shows the standing to the member, moderators and admins only', async () => {
    await app.ok(SUSPEND, { id: member.id, until: inDays(3).toISOString(), reason: 'Spam.' }, moderator);
    await app.ok(SILENCE, { id: member.id, until: inDays(5).toISOString(), reason: 'Heated threads.' }, moderator);
    for (const viewer of [member, moderator, admin]) {
      const { user } = await app.ok(STANDING, { id: member.id }, viewer);
      expect([user.suspension?.reason, user.silence?.reason]).toEqual(['Spam.', 'Heated threads.']);
    }
    for (const viewer of [other, await app.userWithRole('STAFF'), undefined]) {
      const { user } = await app.ok(STANDING, { id: member.id }, viewer ?? {});
      expect([user.suspension, user.silence]).toEqual([null, null]);
    }
  });

  it('silences without refusing posts: they wait for a moderator, the author told why; unsilenced, they are public again', async () => {
    const silenced = await app.ok(SILENCE, { id: member.id, until: inDays(5).toISOString(), reason: 'Heated threads.' }, moderator);
    expect(silenced.silenceUser.silence.reason).toBe('Heated threads.');
    const held = (await app.answer(member, questionId)).id;
    const moderation = async (id: string, as: TestUser) =>
      (await app.ok<{ question: { answers: Array<{ id: string; moderation: { state: string; reason: string } | null }> } }>(
        `query ($q: ID!) { question(id: $q) { answers { id moderation { state reason } } } }`, { q: questionId }, as)).question.answers.find((a) => a.id === id);
    expect((await moderation(held, member))?.moderation).toEqual({ state: 'HELD', reason: expect.stringMatching(/your posts are checked until .*Heated threads\./) });
    expect(await moderation(held, other)).toBeUndefined();
    expect(await app.count('review_items', `target_type = 'ANSWER' AND target_id = $1 AND reason = 'SILENCED' AND state = 'OPEN'`, [held])).toBe(1);

    expect((await app.ok(UNSILENCE, { id: member.id }, moderator)).unsilenceUser.silence).toBeNull();
    expectError(await app.gql(UNSILENCE, { id: member.id }, moderator), 'CONFLICT');
    const after = (await app.answer(member, questionId)).id;
    expect((await moderation(after, other))?.moderation).toBeNull();
  });

  it('records every change in the audit log with who, before, after and the reason', async () => {
    const until = inDays(7);
    await app.ok(SUSPEND, { id: member.id, until: until.toISOString(), reason: 'Spam links.' }, moderator);
    await app.ok(UNSUSPEND, { id: member.id, reason: 'Appeal accepted.' }, admin);
    await app.ok(SILENCE, { id: member.id, until: until.toISOString(), reason: 'Heated threads.' }, moderator);
    await app.ok(UNSILENCE, { id: member.id }, moderator);
    const log = (await app.ok(AUDIT, { id: member.id }, admin)).userAuditLog;
    const suspension = { until: until.toISOString(), reason: 'Spam links.' };
    const silence = { until: until.toISOString(), reason: 'Heated threads.' };
    expect(log).toEqual([
      { actorId: moderator.id, action: 'USER_SUSPENDED', before: { suspension: null }, after: { suspension }, reason: 'Spam links.' },
      { actorId: admin.id, action: 'USER_UNSUSPENDED', before: { suspension }, after: { suspension: null }, reason: 'Appeal accepted.' },
      { actorId: moderator.id, action: 'USER_SILENCED', before: { silence: null }, after: { silence }, reason: 'Heated threads.' },
      { actorId: moderator.id, action: 'USER_UNSILENCED', before: { silence }, after: { silence: null }, reason: null },
    ]);
  });

  it('refuses an end in the past and a missing reason, and writes nothing', async () => {
    expectInvalid(await app.gql(SUSPEND, { id: member.id, until: inDays(-1).toISOString(), reason: ' ' }, moderator), ['until', 'reason']);
    expectInvalid(await app.gql(SILENCE, { id: member.id, until: app.clock.now().toISOString(), reason: 'ok reason' }, moderator), ['until']);
    expect(await app.count('audit_log', 'target_id = $1', [member.id])).toBe(0);
  });

  it('answers NOT_FOUND for a user who does not exist', async () => {
    expectError(await app.gql(SUSPEND, { id: '987654321', until: inDays(1).toISOString(), reason: 'Spam.' }, moderator), 'NOT_FOUND');
    expectError(await app.gql(SUSPEND, { id: 'bob', until: inDays(1).toISOString(), reason: 'Spam.' }, moderator), 'NOT_FOUND');
  });

  describe('who may restrain whom', () => {
    const attempt = (actor: TestUser, target: TestUser) => app.gql(SUSPEND, { id: target.id, until: inDays(1).toISOString(), reason: 'Testing the rule.' }, actor);

    it('refuses members and staff outright (no manage_users)', async () => {
      expectError(await attempt(other, member), 'FORBIDDEN');
      expectError(await attempt(await app.userWithRole('STAFF'), member), 'FORBIDDEN');
      expectError(await app.gql(SILENCE, { id: member.id, until: inDays(1).toISOString(), reason: 'Nope.' }, other), 'FORBIDDEN');
      expectError(await app.gql(UNSUSPEND, { id: member.id }, other), 'FORBIDDEN');
    });

    it('refuses a moderator an admin, another moderator, an employee and themself', async () => {
      expect(expectError(await attempt(moderator, admin), 'FORBIDDEN').message).toMatch(/admin can't be suspended/);
      expect(expectError(await attempt(moderator, await app.userWithRole('MODERATOR')), 'FORBIDDEN').message).toBe('Only an admin can suspend or silence a moderator.');
      expectError(await attempt(moderator, await app.userWithRole('STAFF')), 'FORBIDDEN');
      expect(expectError(await attempt(moderator, moderator), 'FORBIDDEN').message).toBe("You can't suspend or silence yourself.");
      expect(await app.count('users', 'suspended_until IS NOT NULL AND id = ANY($1::bigint[])', [[admin.id, moderator.id]])).toBe(0);
    });

    it('lets an admin restrain a moderator, but not another admin', async () => {
      const otherModerator = await app.userWithRole('MODERATOR');
      expect((await attempt(admin, otherModerator)).errors).toBeUndefined();
      const secondAdmin = await app.userWithRole('ADMIN');
      expectError(await attempt(admin, secondAdmin), 'FORBIDDEN');
      expectError(await attempt(secondAdmin, admin), 'FORBIDDEN');
      await app.ok(UNSUSPEND, { id: otherModerator.id }, admin);
    });

    it("refuses a suspended moderator every moderating action, on others' posts too, until lifted", async () => {
      const suspended = await app.userWithRole('MODERATOR');
      await app.ok(SUSPEND, { id: suspended.id, until: inDays(2).toISOString(), reason: 'Under investigation.' }, admin);
      const refusals = [
        await attempt(suspended, member),
        await app.gql(`mutation ($id: ID!) { lockQuestion(id: $id, reason: "Heated thread.") { id } }`, { id: questionId }, suspended),
        await app.gql(`query { reviewQueue(first: 5) { edges { node { id } } } }`, {}, suspended),
        await app.gql(`mutation ($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: answerId }, suspended),
        await app.gql(`mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`,
          { input: { id: answerId, body: 'Rewritten by a suspended moderator.', reason: 'Tidying.' } }, suspended),
        await app.gql(`mutation ($id: ID!) { deleteAnswer(id: $id, reason: "Spam.") { id } }`, { id: answerId }, suspended),
      ];
      for (const refusal of refusals) {
        expect(expectError(refusal, 'FORBIDDEN').message).toMatch(/^Your account is suspended until .*: Under investigation\. .*Your role's tools/);
      }
      expect(await app.count('answers', 'id = $1 AND deleted_at IS NULL AND body = $2', [answerId, 'Try a factory reset of the router, then re-pair.'])).toBe(1);
      expect(await app.count('users', 'id = $1 AND suspended_until IS NULL', [member.id])).toBe(1);

      await app.ok(UNSUSPEND, { id: suspended.id }, admin);
      expect((await attempt(suspended, member)).errors).toBeUndefined();
    });
  });
});
