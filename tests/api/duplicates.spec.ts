import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Moderators close a question as a duplicate of another; clients follow duplicateOf to the original.
const MARK = `mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { id status duplicateOf { id title status } } }`;
const UNMARK = `mutation ($q: ID!) { unmarkDuplicate(questionId: $q) { id status duplicateOf { id } } }`;
const QUESTION = `query ($id: ID!) { question(id: $id) { id status duplicateOf { id } } }`;
const SIMILAR = `query ($t: String!) { similarQuestions(title: $t) { id } }`;

interface Marked { id: string; status: string; duplicateOf: { id: string } | null }

describe('duplicates', () => {
  let app: TestApp;
  let moderator: TestUser;
  let asker: TestUser;
  let categoryId: string;
  const ask = async (title: string) => (await app.ask(asker, categoryId, { title })).id;
  const mark = (q: string, o: string, auth: { token?: string } = moderator) => app.gql<{ markDuplicate: Marked }>(MARK, { q, o }, auth);

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres' });
    moderator = await app.userWithRole('MODERATOR');
    asker = await app.member();
    categoryId = (await app.category()).id;
  });
  afterAll(() => app?.close());

  it('closes the duplicate, points it at the original, audits who and when, and reopens it on unmark', async () => {
    const original = await ask('Roaming data stops abroad');
    const duplicate = await ask('Roaming data does not work when travelling');
    await app.answer(await app.member(), duplicate);

    const marked = (await mark(duplicate, original)).data!.markDuplicate;
    expect(marked).toEqual({ id: duplicate, status: 'CLOSED', duplicateOf: { id: original, title: 'Roaming data stops abroad', status: 'OPEN' } });
    expect((await app.ok<{ question: Marked }>(QUESTION, { id: duplicate })).question.duplicateOf).toEqual({ id: original });
    expect((await app.ok<{ question: Marked }>(QUESTION, { id: original })).question.duplicateOf).toBeNull();
    expect(await app.db.query(`SELECT actor_id::text, action, after FROM audit_log WHERE target_type = 'QUESTION' AND target_id = $1`, [duplicate]))
      .toEqual([{ actor_id: moderator.id, action: 'QUESTION_MARKED_DUPLICATE', after: { status: 'CLOSED', duplicateOf: original } }]);

    // Closed: the state machine refuses new answers.
    expectError(await app.gql(`mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
      { input: { questionId: duplicate, body: 'Switch on data roaming in the settings.' } }, await app.member()), 'CONFLICT');

    // Unmark reopens from the facts: it has an answer, so ANSWERED.
    const unmarked = (await app.ok<{ unmarkDuplicate: Marked }>(UNMARK, { q: duplicate }, moderator)).unmarkDuplicate;
    expect(unmarked).toEqual({ id: duplicate, status: 'ANSWERED', duplicateOf: null });
    expect(await app.count('audit_log', `target_type = 'QUESTION' AND target_id = $1 AND action = 'QUESTION_UNMARKED_DUPLICATE'`, [duplicate])).toBe(1);
    expectError(await app.gql(UNMARK, { q: duplicate }, moderator), 'CONFLICT');
  });

  it('refuses itself, missing or removed originals, duplicates as originals, and double marks', async () => {
    const a = await ask('Eine SIM card not recognised');
    const b = await ask('SIM card not recognised after update');
    const c = await ask('Phone says no SIM card inserted');
    expectInvalid(await mark(a, a), ['originalId']);
    expectInvalid(await mark(a, '999999'), ['originalId']);
    expectError(await mark('999999', a), 'NOT_FOUND');

    await app.ok(MARK, { q: b, o: a }, moderator);
    const chained = expectError(await mark(c, b), 'CONFLICT');
    expect(chained.message).toContain(`duplicate of question ${a}`);
    expectError(await mark(b, c), 'CONFLICT'); // already a duplicate: unmark first

    const removed = await ask('SIM card removed question');
    await app.db.query(`UPDATE questions SET deleted_at = now() WHERE id = $1`, [removed]);
    expectInvalid(await mark(c, removed), ['originalId']);
  });

  it('marking an original as a duplicate moves its duplicates to the new original, so links stay one hop', async () => {
    const root = await ask('Invoice shows double charge');
    const middle = await ask('Charged twice on my invoice');
    const leaf = await ask('Double billing this month');
    await app.ok(MARK, { q: leaf, o: middle }, moderator);
    await app.ok(MARK, { q: middle, o: root }, moderator);
    expect((await app.ok<{ question: Marked }>(QUESTION, { id: leaf })).question.duplicateOf).toEqual({ id: root });
  });

  it('keeps duplicates out of similar-question suggestions', async () => {
    const original = await ask('Wifi calling greyed out');
    const duplicate = await ask('Wifi calling option greyed out');
    const before = (await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { t: 'wifi calling greyed' })).similarQuestions.map((q) => q.id);
    expect(before.sort()).toEqual([original, duplicate].sort());
    await app.ok(MARK, { q: duplicate, o: original }, moderator);
    expect((await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { t: 'wifi calling greyed' })).similarQuestions).toEqual([{ id: original }]);
  });

  it('closes the escalation of a question marked as a duplicate, saying why, so staff do not work on it', async () => {
    const staff = await app.userWithRole('STAFF');
    const queueCategory = (await app.category()).id;
    const original = (await app.ask(asker, queueCategory, { title: 'eSIM profile download fails' })).id;
    const duplicate = (await app.ask(asker, queueCategory, { title: 'Cannot download my eSIM profile' })).id;
    await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Activation server error") { id } }`, { q: duplicate }, moderator);
    const queue = async () => (await app.ok<{ staffQueue: { totalCount: number; edges: Array<{ node: { question: { id: string } } }> } }>(
      `query ($c: ID!) { staffQueue(filter: { categoryId: $c }) { totalCount edges { node { question { id } } } } }`, { c: queueCategory }, staff)).staffQueue;
    expect((await queue()).edges.map((edge) => edge.node.question.id)).toEqual([duplicate]);

    await app.ok(MARK, { q: duplicate, o: original }, moderator);
    expect((await queue()).totalCount).toBe(0);
    const escalation = `query ($id: ID!) { question(id: $id) { status escalation { closeReason closedAt } } }`;
    const closed = (await app.ok<{ question: { status: string; escalation: { closeReason: string; closedAt: string | null } } }>(escalation, { id: duplicate }, staff)).question;
    expect(closed.status).toBe('CLOSED');
    expect(closed.escalation.closeReason).toBe('CLOSED');
    expect(closed.escalation.closedAt).not.toBeNull();
    expect(await app.db.query(
      `SELECT type, reason, note, actor_id::text FROM escalation_events WHERE question_id = $1 ORDER BY id`, [duplicate],
    )).toEqual([
      { type: 'ESCALATED', reason: 'MODERATOR', note: 'Activation server error', actor_id: moderator.id },
      { type: 'CLOSED', reason: 'DUPLICATE', note: `Duplicate of question ${original}`, actor_id: moderator.id },
    ]);
    // Nor does the sweep send a closed duplicate to staff later: its community clock has stopped.
    expect(await app.db.query(`SELECT community_due_at FROM questions WHERE id = $1`, [duplicate])).toEqual([{ community_due_at: null }]);
  });

  it('stops the community clock of a duplicate that was never escalated, and restarts it on unmark', async () => {
    const original = await ask('Hotspot disconnects laptops');
    const duplicate = await ask('Hotspot keeps dropping my laptop');
    const dueAt = async () => (await app.db.query(`SELECT community_due_at FROM questions WHERE id = $1`, [duplicate]))[0].community_due_at;
    expect(await dueAt()).not.toBeNull();
    await app.ok(MARK, { q: duplicate, o: original }, moderator);
    expect(await dueAt()).toBeNull();
    await app.ok(UNMARK, { q: duplicate }, moderator);
    expect(await dueAt()).not.toBeNull();
  });

  it('is for moderators, admins and LEADER members (trust-allowances.spec.ts), not for staff or managers by their role', async () => {
    const original = await ask('Voicemail full warning');
    const duplicate = await ask('Voicemail box full message');
    for (const role of ['MEMBER', 'STAFF', 'MANAGER'] as const) {
      const user = await app.userWithRole(role);
      expectError(await mark(duplicate, original, user), 'FORBIDDEN');
      expectError(await app.gql(UNMARK, { q: duplicate }, user), 'FORBIDDEN');
    }
    expectError(await mark(duplicate, original, {}), 'UNAUTHENTICATED');
    expectError(await mark(duplicate, original, asker), 'FORBIDDEN'); // not even the asker
    expect((await app.ok<{ question: Marked }>(QUESTION, { id: duplicate })).question).toEqual({ id: duplicate, status: 'OPEN', duplicateOf: null });
    expect((await mark(duplicate, original, await app.admin())).data?.markDuplicate.status).toBe('CLOSED');
  });
});
