import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// The moderator's toolkit on a thread (apps/api/src/thread-moderation): lock, close with a reason, reopen,
// move, delete, pin and merge a duplicate's answers; each audited with actor, before, after and reason.
const LOCK = `mutation ($id: ID!, $r: String!) { lockQuestion(id: $id, reason: $r) { id lock { at reason } } }`;
const UNLOCK = `mutation ($id: ID!) { unlockQuestion(id: $id) { id lock { reason } } }`;
const CLOSE = `mutation ($id: ID!, $r: CloseReason!, $n: String) { closeQuestion(id: $id, reason: $r, note: $n) { id status closeReason { kind note } } }`;
const REOPEN = `mutation ($id: ID!) { reopenQuestion(id: $id) { id status closeReason { kind } } }`;
const MOVE = `mutation ($id: ID!, $c: ID!, $r: String!) { moveQuestion(id: $id, categoryId: $c, reason: $r) { id category { id } } }`;
const DELETE = `mutation ($id: ID!, $r: String!) { deleteQuestion(id: $id, reason: $r) }`;
const PIN = `mutation ($id: ID!) { pinQuestion(id: $id) { id pinned } }`;
const UNPIN = `mutation ($id: ID!) { unpinQuestion(id: $id) { id pinned } }`;
const MERGE = `mutation ($id: ID!) { mergeDuplicateAnswers(questionId: $id) { id status answerCount answers { id score isAccepted author { id } createdAt comments { id } } } }`;
const MARK = `mutation ($q: ID!, $o: ID!) { markDuplicate(questionId: $q, originalId: $o) { id status closeReason { kind } } }`;
const ANSWER = `mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

describe('thread moderation', () => {
  let app: TestApp;
  let moderator: TestUser;
  let asker: TestUser;
  let peer: TestUser;
  let categoryId: string;
  const ask = async (title: string, category = categoryId) => (await app.ask(asker, category, { title })).id;
  const audit = (questionId: string, action: string) => app.db.query(
    `SELECT actor_id::text AS actor, before, after, reason FROM audit_log WHERE target_type = 'QUESTION' AND target_id = $1 AND action = $2 ORDER BY id`,
    [questionId, action]);

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes many members and posts from one address; rate limits are tested elsewhere.
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres' });
    moderator = await app.userWithRole('MODERATOR');
    asker = await app.member('Asker');
    peer = await app.member('Peer');
    categoryId = (await app.category({ businessCalendar: alwaysOpen })).id;
  });
  afterAll(() => app?.close());

  it('a lock refuses new answers and comments with its reason, keeps votes, and an unlock lets them in again', async () => {
    const id = await ask('Router forum thread getting heated');
    const earlier = await app.answer(peer, id);
    const locked = (await app.ok<{ lockQuestion: { lock: { at: string; reason: string } } }>(LOCK, { id, r: '  Cooling off: personal attacks  ' }, moderator)).lockQuestion;
    expect(locked.lock.reason).toBe('Cooling off: personal attacks');
    expect(await audit(id, 'QUESTION_LOCKED')).toEqual([
      { actor: moderator.id, before: { locked: false }, after: { locked: true, lockReason: 'Cooling off: personal attacks' }, reason: 'Cooling off: personal attacks' },
    ]);

    const answer = expectError(await app.gql(ANSWER, { input: { questionId: id, body: 'Have you tried turning it off and on again?' } }, peer), 'CONFLICT');
    expect(answer.message).toBe('This question is locked: Cooling off: personal attacks');
    expectError(await app.gql(COMMENT, { input: { targetType: 'QUESTION', targetId: id, body: 'Me too, same problem here.' } }, peer), 'CONFLICT');
    expectError(await app.gql(COMMENT, { input: { targetType: 'ANSWER', targetId: earlier.id, body: 'This did not help me at all.' } }, asker), 'CONFLICT');
    expect(await app.count('answers', 'question_id = $1', [id])).toBe(1);
    // Votes still count; the asker cannot accept while locked (as in Discourse), a moderator can.
    expect((await app.vote(asker, 'ANSWER', earlier.id, 1)).data?.vote.score).toBe(1);
    expectError(await app.acceptAnswer(asker, earlier.id), 'CONFLICT');
    // Moderators may still post in a locked thread (Discourse lets staff reply in a closed topic).
    await app.ok(COMMENT, { input: { targetType: 'QUESTION', targetId: id, body: 'Locked for a day; be kind to each other.' } }, moderator);
    expectError(await app.gql(LOCK, { id, r: 'again' }, moderator), 'CONFLICT');

    expect((await app.ok<{ unlockQuestion: { lock: null } }>(UNLOCK, { id }, moderator)).unlockQuestion.lock).toBeNull();
    expect(await audit(id, 'QUESTION_UNLOCKED')).toEqual([
      { actor: moderator.id, before: { locked: true, lockReason: 'Cooling off: personal attacks' }, after: { locked: false }, reason: null },
    ]);
    await app.ok(ANSWER, { input: { questionId: id, body: 'Check the DSL filter on the phone socket.' } }, peer);
    await app.ok(COMMENT, { input: { targetType: 'QUESTION', targetId: id, body: 'Which router model is it exactly?' } }, peer);
    expect((await app.acceptAnswer(asker, earlier.id)).data?.acceptAnswer.status).toBe('SOLVED');
    expectError(await app.gql(UNLOCK, { id }, moderator), 'CONFLICT');
    expectInvalid(await app.gql(LOCK, { id, r: '   ' }, moderator), ['reason']);
  });

  it('closes with a reason through the state machine, leaves the staff queue, and reopens from the facts', async () => {
    const staff = await app.userWithRole('STAFF');
    const queueCategory = (await app.category({ businessCalendar: alwaysOpen })).id;
    const id = await ask('Which football team is best?', queueCategory);
    await app.answer(peer, id);
    await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Asker insists") { id } }`, { q: id }, moderator);
    const queue = async () => (await app.ok<{ staffQueue: { totalCount: number } }>(
      `query ($c: ID!) { staffQueue(filter: { categoryId: $c }) { totalCount } }`, { c: queueCategory }, staff)).staffQueue.totalCount;
    expect(await queue()).toBe(1);

    const closed = (await app.ok<{ closeQuestion: unknown }>(CLOSE, { id, r: 'OFF_TOPIC', n: 'Not about our network' }, moderator)).closeQuestion;
    expect(closed).toEqual({ id, status: 'CLOSED', closeReason: { kind: 'OFF_TOPIC', note: 'Not about our network' } });
    expect(await queue()).toBe(0);
    expect(await app.db.query(`SELECT type, reason, actor_id::text FROM escalation_events WHERE question_id = $1 ORDER BY id`, [id])).toEqual([
      { type: 'ESCALATED', reason: 'MODERATOR', actor_id: moderator.id },
      { type: 'CLOSED', reason: 'OFF_TOPIC', actor_id: moderator.id },
    ]);
    expect(await app.db.query(`SELECT community_due_at FROM questions WHERE id = $1`, [id])).toEqual([{ community_due_at: null }]);
    expect(await audit(id, 'QUESTION_CLOSED')).toEqual([{
      actor: moderator.id, before: { status: 'ESCALATED' }, after: { status: 'CLOSED', closeReason: 'OFF_TOPIC', closeNote: 'Not about our network' }, reason: 'Not about our network',
    }]);
    expectError(await app.gql(ANSWER, { input: { questionId: id, body: 'Obviously the one from my home town.' } }, peer), 'CONFLICT');
    expectError(await app.gql(CLOSE, { id, r: 'RESOLVED_ELSEWHERE' }, moderator), 'CONFLICT'); // already closed

    const reopened = (await app.ok<{ reopenQuestion: unknown }>(REOPEN, { id }, moderator)).reopenQuestion;
    expect(reopened).toEqual({ id, status: 'ANSWERED', closeReason: null });
    expect(await audit(id, 'QUESTION_REOPENED')).toEqual([{
      actor: moderator.id, before: { status: 'CLOSED', closeReason: 'OFF_TOPIC', closeNote: 'Not about our network' }, after: { status: 'ANSWERED' }, reason: null,
    }]);
    expect(await app.db.query(`SELECT community_due_at IS NOT NULL AS due FROM questions WHERE id = $1`, [id])).toEqual([{ due: true }]);
    expectError(await app.gql(REOPEN, { id }, moderator), 'CONFLICT');
  });

  it('refuses close reasons it cannot take: OTHER without a note, DUPLICATE (markDuplicate is the one path)', async () => {
    const id = await ask('Close reason validation question');
    expectInvalid(await app.gql(CLOSE, { id, r: 'OTHER' }, moderator), ['note']);
    expectInvalid(await app.gql(CLOSE, { id, r: 'DUPLICATE' }, moderator), ['reason']);
    expect((await app.ok<{ closeQuestion: { closeReason: unknown } }>(CLOSE, { id, r: 'OTHER', n: 'Asked by a bot' }, moderator)).closeQuestion.closeReason)
      .toEqual({ kind: 'OTHER', note: 'Asked by a bot' });

    const original = await ask('Original for a duplicate close reason');
    const duplicate = await ask('Duplicate with a close reason');
    expect((await app.ok<{ markDuplicate: unknown }>(MARK, { q: duplicate, o: original }, moderator)).markDuplicate)
      .toEqual({ id: duplicate, status: 'CLOSED', closeReason: { kind: 'DUPLICATE' } });
    expect(expectError(await app.gql(REOPEN, { id: duplicate }, moderator), 'CONFLICT').message).toContain('duplicate mark');
  });

  it("moving recomputes the community deadline with the new category's peer window", async () => {
    const slow = (await app.category({ peerWindowHours: 48, businessCalendar: alwaysOpen })).id;
    const fast = (await app.category({ peerWindowHours: 2, businessCalendar: alwaysOpen })).id;
    await ask('Warm-up question so the next is not a first question', slow);
    const id = await ask('Moved question about eSIM transfer', slow);
    const due = async () => new Date((await app.db.query(`SELECT community_due_at FROM questions WHERE id = $1`, [id]))[0].community_due_at).getTime();
    const asked = new Date((await app.db.query(`SELECT created_at FROM questions WHERE id = $1`, [id]))[0].created_at).getTime();
    expect(await due()).toBe(asked + 48 * 3600_000);

    const moved = (await app.ok<{ moveQuestion: { category: { id: string } } }>(MOVE, { id, c: fast, r: 'Belongs with eSIM questions' }, moderator)).moveQuestion;
    expect(moved.category.id).toBe(fast);
    expect(await due()).toBe(asked + 2 * 3600_000);
    expect(await audit(id, 'QUESTION_MOVED')).toEqual([{
      actor: moderator.id, before: { categoryId: slow, pinned: false }, after: { categoryId: fast, pinned: false }, reason: 'Belongs with eSIM questions',
    }]);
    expectInvalid(await app.gql(MOVE, { id, c: fast, r: 'again' }, moderator), ['categoryId']);
    expectInvalid(await app.gql(MOVE, { id, c: '999999', r: 'nowhere' }, moderator), ['categoryId']);
    expectInvalid(await app.gql(MOVE, { id, c: slow, r: '' }, moderator), ['reason']);
  });

  it('deleting hides the thread and its answers from lists, profiles and search, and reports leave it out', async () => {
    const category = (await app.category()).id;
    const id = await ask('Zanzibarish spam about cheap phones', category);
    const answer = await app.answer(peer, id, 'Buy zanzibarish phones here.');
    const listed = async () => (await app.ok<{ questions: { edges: Array<{ node: { id: string } }> } }>(
      `query ($c: ID!) { questions(filter: { categoryId: $c }) { edges { node { id } } } }`, { c: category })).questions.edges.map((e) => e.node.id);
    const searched = async () => (await app.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(
      `query { search(query: "zanzibarish") { edges { node { question { id } } } } }`)).search.edges.map((e) => e.node.question.id);
    const profile = async () => (await app.ok<{ user: { answers: { totalCount: number } } }>(
      `query ($id: ID!) { user(id: $id) { answers(first: 10) { totalCount } } }`, { id: peer.id })).user.answers.totalCount;
    expect(await listed()).toEqual([id]);
    expect(await searched()).toEqual([id]);
    const answersBefore = await profile();

    expect((await app.ok<{ deleteQuestion: boolean }>(DELETE, { id, r: 'Spam' }, moderator)).deleteQuestion).toBe(true);
    expect(await listed()).toEqual([]);
    expect(await searched()).toEqual([]);
    expect(await profile()).toBe(answersBefore - 1);
    expectError(await app.gql(`query ($id: ID!) { question(id: $id) { id } }`, { id }), 'NOT_FOUND');
    expectError(await app.gql(COMMENT, { input: { targetType: 'ANSWER', targetId: answer.id, body: 'Commenting on a removed answer.' } }, asker), 'NOT_FOUND');
    expect(await app.db.query(`SELECT deleted FROM report_question_facts WHERE question_id = $1`, [id])).toEqual([{ deleted: true }]);
    expect(await audit(id, 'QUESTION_DELETED')).toEqual([{
      actor: moderator.id, before: { deleted: false, status: 'ANSWERED', title: 'Zanzibarish spam about cheap phones', authorId: asker.id }, after: { deleted: true }, reason: 'Spam',
    }]);
    expectError(await app.gql(DELETE, { id, r: 'Spam' }, moderator), 'NOT_FOUND');
    expectError(await app.gql(ANSWER, { input: { questionId: id, body: 'Answering a removed question.' } }, peer), 'NOT_FOUND');
  });

  it('pins a question to the top of its category and unpins it', async () => {
    const category = (await app.category()).id;
    const older = await ask('Announcement: maintenance window on Sunday', category);
    await ask('A newer ordinary question', category);
    await app.ok(PIN, { id: older }, moderator);
    const pinned = (await app.ok<{ questions: { edges: Array<{ node: { id: string; pinned: boolean } }> } }>(
      `query ($c: ID!) { questions(filter: { categoryId: $c, pinned: true }) { edges { node { id pinned } } } }`, { c: category })).questions.edges;
    expect(pinned).toEqual([{ node: { id: older, pinned: true } }]);
    const unpinnedIds = (await app.ok<{ questions: { edges: Array<{ node: { id: string } }> } }>(
      `query ($c: ID!) { questions(filter: { categoryId: $c, pinned: false }) { edges { node { id } } } }`, { c: category })).questions.edges.map((e) => e.node.id);
    expect(unpinnedIds).not.toContain(older);
    expect(await audit(older, 'QUESTION_PINNED')).toEqual([{ actor: moderator.id, before: { pinned: false }, after: { pinned: true, categoryId: category }, reason: null }]);
    expectError(await app.gql(PIN, { id: older }, moderator), 'CONFLICT');
    expect((await app.ok<{ unpinQuestion: { pinned: boolean } }>(UNPIN, { id: older }, moderator)).unpinQuestion.pinned).toBe(false);
    expect(await audit(older, 'QUESTION_UNPINNED')).toHaveLength(1);
  });

  it("merges a duplicate's answers into the original keeping authors, dates, votes and reputation", async () => {
    const original = await ask('Voicemail PIN reset');
    const duplicate = await ask('How do I reset my voicemail PIN?');
    const helper = await app.member('Helper');
    await app.answer(peer, original, 'Dial 5000 and follow the prompts.');
    const moved = await app.answer(helper, duplicate, 'Call customer care, they reset it.');
    await app.vote(asker, 'ANSWER', moved.id, 1);
    await app.ok(COMMENT, { input: { targetType: 'ANSWER', targetId: moved.id, body: 'That worked for me, thanks.' } }, asker);
    expect((await app.acceptAnswer(asker, moved.id)).data?.acceptAnswer.status).toBe('SOLVED');
    const reputation = async () => (await app.db.query(`SELECT reputation FROM users WHERE id = $1`, [helper.id]))[0].reputation;
    const before = await reputation();
    const createdAt = (await app.db.query(`SELECT created_at FROM answers WHERE id = $1`, [moved.id]))[0].created_at;

    expectError(await app.gql(MERGE, { id: duplicate }, moderator), 'CONFLICT'); // not marked yet
    await app.ok(MARK, { q: duplicate, o: original }, moderator);
    const merged = (await app.ok<{ mergeDuplicateAnswers: any }>(MERGE, { id: duplicate }, moderator)).mergeDuplicateAnswers;
    expect(merged.id).toBe(original);
    expect(merged.status).toBe('ANSWERED');
    expect(merged.answerCount).toBe(2);
    const movedAnswer = merged.answers.find((a: { id: string }) => a.id === moved.id);
    expect(movedAnswer).toMatchObject({ score: 1, isAccepted: false, author: { id: helper.id }, createdAt: new Date(createdAt).toISOString() });
    expect(movedAnswer.comments).toHaveLength(1);
    expect(await reputation()).toBe(before);
    expect(await app.db.query(`SELECT answer_count, accepted_answer_id, status FROM questions WHERE id = $1`, [duplicate]))
      .toEqual([{ answer_count: 0, accepted_answer_id: null, status: 'CLOSED' }]);
    // The report facts of both questions follow at commit.
    expect(await app.db.query(`SELECT question_id::text, peer_answers, accepted_answer_id FROM report_question_facts WHERE question_id = ANY($1::bigint[]) ORDER BY question_id`,
      [[original, duplicate]])).toEqual([
      { question_id: original, peer_answers: 2, accepted_answer_id: null },
      { question_id: duplicate, peer_answers: 0, accepted_answer_id: null },
    ]);
    expect(await audit(duplicate, 'QUESTION_ANSWERS_MERGED')).toEqual([{
      actor: moderator.id,
      before: { answerCount: 1, acceptedAnswerId: moved.id, originalAnswerCount: 1 },
      after: { mergedInto: original, answerIds: [moved.id], answerCount: 0, originalAnswerCount: 2 },
      reason: null,
    }]);
    expectError(await app.gql(MERGE, { id: duplicate }, moderator), 'CONFLICT'); // nothing left to merge
  });

  it("an edit of someone else's post takes a reason, and the history shows editor, time and reason", async () => {
    const id = await ask('Roaming charges in Norway');
    const answer = await app.answer(peer, id, 'Norway is in the EEA, roaming is included.');
    const EDIT_Q = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`;
    const EDIT_A = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id } }`;
    expectInvalid(await app.gql(EDIT_Q, { input: { id, title: 'Roaming charges in Norway (EEA)' } }, moderator), ['reason']);
    await app.ok(EDIT_Q, { input: { id, title: 'Roaming charges in Norway (EEA)', reason: 'Clearer title' } }, moderator);
    await app.ok(EDIT_A, { input: { id: answer.id, body: 'Norway is in the EEA, so roaming is included at home prices.' } }, peer);
    expectInvalid(await app.gql(EDIT_A, { input: { id: answer.id, body: 'Removed a phone number from this answer.' } }, moderator), ['reason']);

    const history = (await app.ok<{ question: any }>(
      `query ($id: ID!) { question(id: $id) { revisions { editedAt reason previousTitle editor { id } } answers { id revisions { reason previousBody editor { id } } } } }`,
      { id })).question;
    expect(history.revisions).toEqual([{ editedAt: expect.any(String), reason: 'Clearer title', previousTitle: 'Roaming charges in Norway', editor: { id: moderator.id } }]);
    expect(history.answers[0].revisions).toEqual([{ reason: null, previousBody: 'Norway is in the EEA, roaming is included.', editor: { id: peer.id } }]);

    // A page asks for the newest few edits and the count of all of them (the history is a bounded list).
    await app.ok(EDIT_A, { input: { id: answer.id, body: 'Norway is in the EEA, so roaming is included at home prices, calls too.' } }, peer);
    const latest = (await app.ok<{ question: { answers: Array<{ editCount: number; revisions: Array<{ previousBody: string }> }> } }>(
      `query ($id: ID!) { question(id: $id) { editCount answers { editCount revisions(first: 1) { previousBody } } } }`, { id })).question.answers[0];
    expect(latest).toEqual({ editCount: 2, revisions: [{ previousBody: 'Norway is in the EEA, so roaming is included at home prices.' }] });
    expectInvalid(await app.gql(`query ($id: ID!) { question(id: $id) { revisions(first: 0) { editedAt } } }`, { id }), ['first']);
  });

  it('every action is for moderators and admins only: members and staff are refused', async () => {
    const id = await ask('Forbidden paths question');
    const original = await ask('Forbidden paths original');
    const other = (await app.category()).id;
    const calls: Array<[string, Record<string, unknown>]> = [
      [LOCK, { id, r: 'x' }], [UNLOCK, { id }], [CLOSE, { id, r: 'OFF_TOPIC' }], [REOPEN, { id }], [MOVE, { id, c: other, r: 'x' }],
      [DELETE, { id, r: 'x' }], [PIN, { id }], [UNPIN, { id }], [MERGE, { id }],
    ];
    for (const user of [asker, await app.userWithRole('STAFF'), await app.userWithRole('MANAGER')]) {
      for (const [query, variables] of calls) expectError(await app.gql(query, variables, user), 'FORBIDDEN');
    }
    for (const [query, variables] of calls) expectError(await app.gql(query, variables), 'UNAUTHENTICATED');
    expect(await app.count('audit_log', `target_type = 'QUESTION' AND target_id = $1`, [id])).toBe(0);
    expect(await app.db.query(`SELECT status, locked_at, pinned_at, deleted_at FROM questions WHERE id = $1`, [id]))
      .toEqual([{ status: 'OPEN', locked_at: null, pinned_at: null, deleted_at: null }]);
    // An admin may.
    const admin = await app.admin();
    await app.ok(MARK, { q: id, o: original }, admin);
    expect((await app.ok<{ lockQuestion: { lock: { reason: string } } }>(LOCK, { id, r: 'Admin lock' }, admin)).lockQuestion.lock.reason).toBe('Admin lock');
  });
});
