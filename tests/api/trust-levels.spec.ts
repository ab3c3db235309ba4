import { TrustLevelsService } from '../../apps/api/src/trust/trust-levels.service';
import { expectError, TestApp, type TestUser } from '../support/test-app';

// Trust levels climb with what a member does (packages/domain/src/trust-levels.ts, thresholds from the
// TRUST_* variables): days visited, questions read, answers accepted. The pass runs here on demand
// (NODE_ENV=test servers start no timer), with the clock moved instead of waiting for days.
//
// Small thresholds keep each step a few requests away. RATE_LIMITS=off: views count every time.
const ENV = {
  RATE_LIMITS: 'off',
  TRUST_BASIC_DAYS_VISITED: '1', TRUST_BASIC_POSTS_READ: '2',
  TRUST_MEMBER_DAYS_VISITED: '2', TRUST_MEMBER_POSTS_READ: '3', TRUST_MEMBER_ANSWERS_ACCEPTED: '1',
  TRUST_REGULAR_DAYS_VISITED: '3', TRUST_REGULAR_REPUTATION: '1000', TRUST_REGULAR_ANSWERS_ACCEPTED: '1',
  TRUST_REGULAR_MAX_FLAGS_UPHELD: '0',
};

const DAY = 24 * 3600;
const SET = `mutation ($id: ID!, $level: TrustLevel!, $reason: String!) { setTrustLevel(userId: $id, level: $level, reason: $reason) { id trustLevel trustLevelLocked } }`;
const UNLOCK = `mutation ($id: ID!) { unlockTrustLevel(userId: $id) { id trustLevel trustLevelLocked } }`;

describe('trust levels', () => {
  let app: TestApp;
  let categoryId: string;
  let pass: () => Promise<unknown>;
  beforeAll(async () => {
    app = await TestApp.start(ENV);
    categoryId = (await app.category()).id;
    const service = app.provider(TrustLevelsService);
    pass = () => service.evaluateChanged();
  });
  afterAll(async () => { await app.close(); });

  const levelOf = async (user: { id: string }, as: TestUser | Record<string, never> = {}) =>
    (await app.ok<{ user: { trustLevel: string; trustLevelLocked: boolean | null } }>(`query ($id: ID!) { user(id: $id) { trustLevel trustLevelLocked } }`, { id: user.id }, as)).user;
  const read = (reader: TestUser, questionId: string) => app.ok(`query ($id: ID!) { question(id: $id) { id } }`, { id: questionId }, reader);

  it('promotes a new member to BASIC by reading, then to MEMBER by visiting on another day with an answer accepted, and never to LEADER', async () => {
    const asker = await app.member();
    const reader = await app.member();
    const questions = [await app.ask(asker, categoryId), await app.ask(asker, categoryId), await app.ask(asker, categoryId)];
    expect((await levelOf(reader)).trustLevel).toBe('NEW');

    await read(reader, questions[0].id);
    await read(reader, questions[0].id); // the same question twice is one read
    await pass();
    expect((await levelOf(reader)).trustLevel).toBe('NEW');
    await read(reader, questions[1].id);
    await pass();
    expect((await levelOf(reader)).trustLevel).toBe('BASIC');

    // Three read and an accepted answer, but one day visited: still BASIC.
    await read(reader, questions[2].id);
    const answer = await app.answer(reader, questions[2].id);
    expect((await app.acceptAnswer(asker, answer.id)).errors).toBeUndefined();
    await pass();
    expect((await levelOf(reader)).trustLevel).toBe('BASIC');

    // The next day, the session's first use is a day visited.
    app.clock.advance(DAY);
    await app.ok(`query { me { id } }`, {}, reader);
    await pass();
    expect((await levelOf(reader)).trustLevel).toBe('MEMBER');

    // A third day reaches REGULAR's days and accepted answers, not its reputation: MEMBER stays. Nothing reaches LEADER.
    app.clock.advance(DAY);
    await app.ok(`query { me { id } }`, {}, reader);
    await pass();
    expect((await levelOf(reader)).trustLevel).toBe('MEMBER');

    const history = await app.db.query(
      `SELECT before->>'trustLevel' AS before, after->>'trustLevel' AS after, actor_id, reason FROM audit_log WHERE target_type = 'USER' AND target_id = $1 AND action = 'TRUST_LEVEL_CHANGED' ORDER BY id`,
      [reader.id],
    );
    expect(history.map((h: { before: string; after: string }) => `${h.before}→${h.after}`)).toEqual(['NEW→BASIC', 'BASIC→MEMBER']);
    expect(history[1]).toMatchObject({ actor_id: null, reason: expect.stringContaining('2 days visited, 3 questions read, 1 accepted answers') });
  });

  it('does not count an answer accepted on one’s own question', async () => {
    const asker = await app.member();
    const member = await app.member();
    const own = await app.ask(member, categoryId);
    const mine = await app.answer(member, own.id);
    await app.acceptAnswer(member, mine.id);
    for (let i = 0; i < 3; i++) await read(member, (await app.ask(asker, categoryId)).id);
    app.clock.advance(DAY);
    await app.ok(`query { me { id } }`, {}, member);
    await pass();
    expect((await levelOf(member)).trustLevel).toBe('BASIC');
  });

  it('leaves a level set by hand alone until it is unlocked', async () => {
    const moderator = await app.userWithRole('MODERATOR');
    const asker = await app.member();
    const member = await app.member();
    const set = await app.ok<{ setTrustLevel: { trustLevel: string; trustLevelLocked: boolean } }>(SET, { id: member.id, level: 'NEW', reason: 'Posted the same link in five threads' }, moderator);
    expect(set.setTrustLevel).toEqual({ id: member.id, trustLevel: 'NEW', trustLevelLocked: true });

    for (let i = 0; i < 2; i++) await read(member, (await app.ask(asker, categoryId)).id);
    await pass();
    expect(await levelOf(member, moderator)).toEqual({ trustLevel: 'NEW', trustLevelLocked: true });
    // Nor does the pass over everyone touch it.
    await app.provider(TrustLevelsService).evaluateAll();
    expect((await levelOf(member)).trustLevel).toBe('NEW');

    await app.ok(UNLOCK, { id: member.id }, moderator);
    await app.provider(TrustLevelsService).evaluateAll();
    expect(await levelOf(member, moderator)).toEqual({ trustLevel: 'BASIC', trustLevelLocked: false });

    const audit = await app.db.query(
      `SELECT action, actor_id::text, before, after, reason FROM audit_log WHERE target_type = 'USER' AND target_id = $1 AND action LIKE 'TRUST_LEVEL_%' ORDER BY id`,
      [member.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['TRUST_LEVEL_SET', 'TRUST_LEVEL_UNLOCKED', 'TRUST_LEVEL_CHANGED']);
    expect(audit[0]).toEqual({
      action: 'TRUST_LEVEL_SET', actor_id: moderator.id, before: { trustLevel: 'NEW', locked: false }, after: { trustLevel: 'NEW', locked: true },
      reason: 'Posted the same link in five threads',
    });
  });

  it('takes a REGULAR back to MEMBER once flags on their posts are upheld past the limit, and not before', async () => {
    const moderator = await app.userWithRole('MODERATOR');
    const regular = await app.member();
    await app.ok(SET, { id: regular.id, level: 'REGULAR', reason: 'Long-standing helper' }, moderator);
    await app.ok(UNLOCK, { id: regular.id }, moderator);
    const questionId = (await app.ask(regular, categoryId, { title: 'Cheap followers for your profile, ask me how' })).id;
    await app.ok(`mutation ($input: FlagInput!) { flag(input: $input) { id } }`,
      { input: { targetType: 'QUESTION', targetId: questionId, reason: 'SPAM' } }, await app.member());
    await pass();
    expect((await levelOf(regular)).trustLevel).toBe('REGULAR'); // a flag alone, not yet upheld, changes nothing

    const [{ id: itemId }] = await app.db.query(`SELECT id::text FROM review_items WHERE target_type = 'QUESTION' AND target_id = $1 AND state = 'OPEN'`, [questionId]);
    await app.ok(`mutation ($id: ID!, $note: String) { resolveReview(id: $id, action: HIDE, note: $note) { id } }`, { id: itemId, note: 'Advertising.' }, moderator);
    await pass();
    expect((await levelOf(regular)).trustLevel).toBe('MEMBER');
  });

  it('lets a moderator make a LEADER, who stays one', async () => {
    const moderator = await app.userWithRole('MODERATOR');
    const member = await app.member();
    await app.ok(SET, { id: member.id, level: 'LEADER', reason: 'Runs the broadband board' }, moderator);
    await app.ok(UNLOCK, { id: member.id }, moderator);
    await app.provider(TrustLevelsService).evaluateAll();
    expect((await levelOf(member)).trustLevel).toBe('LEADER');
  });

  it('refuses setTrustLevel to members, staff and managers, one’s own level, an empty reason and an unknown user', async () => {
    const target = await app.member();
    for (const role of ['MEMBER', 'STAFF', 'MANAGER'] as const) {
      const actor = await app.userWithRole(role);
      expectError(await app.gql(SET, { id: target.id, level: 'LEADER', reason: 'because' }, actor), 'FORBIDDEN');
      expectError(await app.gql(UNLOCK, { id: target.id }, actor), 'FORBIDDEN');
    }
    expectError(await app.gql(SET, { id: target.id, level: 'LEADER', reason: 'because' }), 'UNAUTHENTICATED');
    const moderator = await app.userWithRole('MODERATOR');
    expectError(await app.gql(SET, { id: moderator.id, level: 'LEADER', reason: 'I deserve it' }, moderator), 'CONFLICT');
    const empty = expectError(await app.gql(SET, { id: target.id, level: 'LEADER', reason: '   ' }, moderator), 'VALIDATION_FAILED');
    expect(empty.message).toBeTruthy();
    expectError(await app.gql(SET, { id: '987654321', level: 'LEADER', reason: 'because' }, moderator), 'NOT_FOUND');
    expect((await levelOf(target)).trustLevel).toBe('NEW');
    expect(await app.count('audit_log', `target_id = $1 AND action LIKE 'TRUST_LEVEL_%'`, [target.id])).toBe(0);
    // The level is public; whether it is locked is for moderators.
    expect(await levelOf(target, await app.member())).toEqual({ trustLevel: 'NEW', trustLevelLocked: null });
  });

  it('notes at most one visit a day per member, however many requests', async () => {
    const member = await app.member();
    const before = await app.count('user_visits', 'user_id = $1', [member.id]);
    for (let i = 0; i < 3; i++) await app.ok(`query { me { id } }`, {}, member);
    app.clock.advance(DAY);
    for (let i = 0; i < 3; i++) await app.ok(`query { me { id } }`, {}, member);
    expect(await app.count('user_visits', 'user_id = $1', [member.id])).toBe(before + 1);
  });
});
