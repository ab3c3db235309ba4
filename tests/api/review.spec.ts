import { NEW_MEMBER_HOLD_REASON } from '@peerdesk/domain';
import { ReportsRepository } from '../../apps/api/src/reports/reports.repository';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Posts' moderation: the first-post hold, flags and their weight, the review queue's decisions, what the author is
// told, and who sees a held or hidden post (anonymous, another member, the author, a moderator).

const QUESTION = `query ($id: ID!) { question(id: $id) {
  id answerCount status
  moderation { state reason nextStep reviewItemId secondLookAvailable }
  answers { id moderation { state reason } }
  comments { id moderation { state } }
} }`;
const LIST = `query ($c: ID!) { questions(filter: { categoryId: $c }, first: 50) { totalCount edges { node { id } } } }`;
const SEARCH = `query ($q: String!) { search(query: $q) { edges { node { question { id } } } } }`;
const SIMILAR = `query ($t: String!) { similarQuestions(title: $t) { id } }`;
const FLAG = `mutation ($input: FlagInput!) { flag(input: $input) { id reason note weight outcome flagger { id } } }`;
const QUEUE = `query ($filter: ReviewQueueFilter) { reviewQueue(filter: $filter, first: 50) { totalCount edges { node {
  id targetType targetId reason state createdAt detail bodyHtml question { id title }
  author { id } authorHistory { questions answers comments flagsUpheld flagsDeclined postsRemoved }
  flags { reason note weight outcome flagger { id } }
} } } }`;
const RESOLVE = `mutation ($id: ID!, $action: ReviewAction!, $note: String) { resolveReview(id: $id, action: $action, note: $note) { id state decision decisionNote decidedAt } }`;
const SECOND_LOOK = `mutation ($id: ID!) { requestSecondLook(id: $id) { id state secondLookRequestedAt } }`;
const COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;

interface QueueItem {
  id: string; targetType: string; targetId: string; reason: string; state: string; bodyHtml: string; author: { id: string };
  authorHistory: Record<string, number>; flags: Array<{ reason: string; note: string | null; weight: number; outcome: string | null; flagger: { id: string } }>;
}

describe('posts held for review, flags and the review queue', () => {
  let app: TestApp;
  let moderator: TestUser;
  let staff: TestUser;
  let categoryId: string;
  let n = 0;

  /** A member past NEW (their posts are not held), with the flag weight of their level. */
  const memberAt = async (level: 'NEW' | 'BASIC' | 'MEMBER' | 'REGULAR') => {
    const user = await app.member();
    await app.db.query(`UPDATE users SET trust_level = $2 WHERE id = $1`, [user.id, level]);
    return user;
  };
  const ask = async (asker: TestUser, title = `Roaming data stops abroad ${++n}`) => (await app.ask(asker, categoryId, { title })).id;
  const queue = async (filter: Record<string, unknown> = {}) =>
    (await app.ok<{ reviewQueue: { edges: Array<{ node: QueueItem }> } }>(QUEUE, { filter }, moderator)).reviewQueue.edges.map((e) => e.node);
  const itemFor = async (targetId: string, filter: Record<string, unknown> = {}) => (await queue(filter)).find((item) => item.targetId === targetId)!;
  const listed = async () => (await app.ok<{ questions: { edges: Array<{ node: { id: string } }> } }>(LIST, { c: categoryId })).questions.edges.map((e) => e.node.id);
  const searched = async (q: string) => (await app.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(SEARCH, { q })).search.edges.map((e) => e.node.question.id);
  const notificationsOf = (user: TestUser, kind: string) => app.db.query(
    `SELECT payload->>'message' AS message, payload->>'outcome' AS outcome FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY id`, [user.id, kind]);
  const flag = (user: TestUser, targetType: string, targetId: string, reason = 'SPAM', note?: string) =>
    app.gql<{ flag: { weight: number } }>(FLAG, { input: { targetType, targetId, reason, note } }, user);

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off', SEARCH_ENGINE: 'postgres', NEW_MEMBER_REVIEW_POSTS: '2', FLAG_HIDE_THRESHOLD: '3' });
    moderator = await app.userWithRole('MODERATOR');
    staff = await app.userWithRole('STAFF');
    categoryId = (await app.category()).id;
  });
  afterAll(() => app?.close());

  it("holds a NEW member's first two posts, shows them only to the author and moderators, and publishes them on approval", async () => {
    const newcomer = await app.member('Newcomer');
    const watcher = await memberAt('MEMBER');
    await app.ok(`mutation ($c: ID!) { watchCategory(categoryId: $c, watching: true) { id } }`, { c: categoryId }, watcher);

    const questionId = await ask(newcomer, 'Voicemail greeting resets itself');
    // The author reads it, with why and what happens next.
    const seen = (await app.ok<{ question: any }>(QUESTION, { id: questionId }, newcomer)).question;
    expect(seen.moderation).toMatchObject({ state: 'HELD', reason: NEW_MEMBER_HOLD_REASON, nextStep: expect.stringMatching(/approves it/) });
    // A moderator reads it too; anyone else finds nothing.
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId }, moderator)).question.moderation.state).toBe('HELD');
    expectError(await app.gql(QUESTION, { id: questionId }), 'NOT_FOUND');
    expectError(await app.gql(QUESTION, { id: questionId }, watcher), 'NOT_FOUND');
    // Out of lists, search, suggestions; no clock, no notification, no answers from others.
    expect(await listed()).not.toContain(questionId);
    expect(await searched('voicemail greeting')).toEqual([]);
    expect((await app.ok<{ similarQuestions: Array<{ id: string }> }>(SIMILAR, { t: 'Voicemail greeting resets' })).similarQuestions).toEqual([]);
    expect(await app.db.query(`SELECT community_due_at FROM questions WHERE id = $1`, [questionId])).toEqual([{ community_due_at: null }]);
    const askedVoicemail = async () => (await notificationsOf(watcher, 'QUESTION_ASKED')).filter((m: { message: string }) => /Voicemail/.test(m.message));
    expect(await askedVoicemail()).toEqual([]);
    expectError(await app.gql(`mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
      { input: { questionId, body: 'Re-record it from the settings.' } }, watcher), 'NOT_FOUND');

    // Their second post (an answer elsewhere) is held too, and does not count.
    const other = await ask(watcher);
    const answerId = (await app.answer(newcomer, other)).id;
    const thread = (await app.ok<{ question: any }>(QUESTION, { id: other }, watcher)).question;
    expect([thread.answerCount, thread.status, thread.answers]).toEqual([0, 'OPEN', []]);
    expect((await app.ok<{ question: any }>(QUESTION, { id: other }, newcomer)).question.answers)
      .toEqual([{ id: answerId, moderation: { state: 'HELD', reason: NEW_MEMBER_HOLD_REASON } }]);
    expect(await notificationsOf(watcher, 'ANSWER_POSTED')).toEqual([]);
    // The third is not held.
    const third = await ask(newcomer);
    expect((await app.ok<{ question: any }>(QUESTION, { id: third }, newcomer)).question.moderation.state).toBe('VISIBLE');

    const item = await itemFor(questionId, { reason: 'NEW_MEMBER' });
    expect(item).toMatchObject({ targetType: 'QUESTION', reason: 'NEW_MEMBER', state: 'OPEN', author: { id: newcomer.id }, flags: [] });
    expect(item.authorHistory).toMatchObject({ questions: 2, answers: 1 });

    app.clock.advance(3 * 3600);
    const approved = (await app.ok<{ resolveReview: any }>(RESOLVE, { id: item.id, action: 'APPROVE' }, moderator)).resolveReview;
    expect(approved).toMatchObject({ state: 'RESOLVED', decision: 'APPROVE' });
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId })).question.moderation).toBeNull();
    expect(await listed()).toContain(questionId);
    expect(await searched('voicemail greeting')).toEqual([questionId]);
    // What was deferred happens now: the watcher hears of it, and the community clock counts from the approval.
    expect(await askedVoicemail()).toHaveLength(1);
    const [{ created_at: askedAt, published_at: publishedAt, community_due_at: due }] = await app.db.query(
      `SELECT created_at, published_at, community_due_at FROM questions WHERE id = $1`, [questionId]);
    expect(publishedAt.getTime() - askedAt.getTime()).toBeGreaterThanOrEqual(3 * 3600 * 1000);
    expect(due.getTime()).toBeGreaterThan(publishedAt.getTime());
    expect(await app.db.query(`SELECT actor_id::text, action, reason FROM audit_log WHERE target_type = 'QUESTION' AND target_id = $1`, [questionId]))
      .toEqual([{ actor_id: moderator.id, action: 'REVIEW_APPROVED', reason: null }]);
    expect((await notificationsOf(newcomer, 'POST_MODERATED')).map((m: { message: string }) => m.message))
      .toEqual([expect.stringMatching(/approved your question “Voicemail greeting resets itself”: everyone can see it now/)]);

    // Approving the answer counts it and tells the asker.
    await app.ok(RESOLVE, { id: (await itemFor(answerId)).id, action: 'APPROVE' }, moderator);
    const answered = (await app.ok<{ question: any }>(QUESTION, { id: other }, watcher)).question;
    expect([answered.answerCount, answered.status, answered.answers.map((a: { id: string }) => a.id)]).toEqual([1, 'ANSWERED', [answerId]]);
    expect(await notificationsOf(watcher, 'ANSWER_POSTED')).toHaveLength(1);
  });

  it('holds comments too, and never holds an employee or a member past NEW', async () => {
    const newcomer = await app.member();
    const asker = await memberAt('BASIC');
    const questionId = await ask(asker);
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId }, asker)).question.moderation.state).toBe('VISIBLE');
    const { postComment } = await app.ok<{ postComment: { id: string } }>(COMMENT, { input: { targetType: 'QUESTION', targetId: questionId, body: 'Which phone model?' } }, newcomer);
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId }, asker)).question.comments).toEqual([]);
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId }, newcomer)).question.comments).toEqual([{ id: postComment.id, moderation: { state: 'HELD' } }]);
    const employee = await app.userWithRole('STAFF');
    await app.db.query(`UPDATE users SET trust_level = 'NEW' WHERE id = $1`, [employee.id]);
    expect((await app.ok<{ question: any }>(QUESTION, { id: await ask(employee) }, employee)).question.moderation.state).toBe('VISIBLE');
  });

  it('weighs flags by trust level, hides the post at the threshold, tells its author, and keeps it out of search', async () => {
    const author = await memberAt('MEMBER');
    const questionId = await ask(author, 'Cheap followers unicorn offer');
    const newFlagger = await memberAt('NEW');
    const member = await memberAt('MEMBER');

    expectError(await flag(author, 'QUESTION', questionId), 'FORBIDDEN');
    expectInvalid(await flag(newFlagger, 'QUESTION', questionId, 'OTHER'), ['note']);
    expectError(await flag(newFlagger, 'QUESTION', '999999'), 'NOT_FOUND');
    expect((await flag(newFlagger, 'QUESTION', questionId)).data!.flag).toMatchObject({ reason: 'SPAM', weight: 1, outcome: null, flagger: { id: newFlagger.id } });
    expectError(await flag(newFlagger, 'QUESTION', questionId, 'OFFENSIVE'), 'CONFLICT');
    // 1 of 3: still visible, but in the queue.
    expect(await searched('unicorn followers')).toEqual([questionId]);
    expect((await itemFor(questionId)).reason).toBe('FLAGGED');

    await flag(member, 'QUESTION', questionId, 'OFFENSIVE'); // weight 2: 3 of 3
    expectError(await app.gql(QUESTION, { id: questionId }), 'NOT_FOUND');
    expectError(await app.gql(QUESTION, { id: questionId }, member), 'NOT_FOUND');
    const own = (await app.ok<{ question: any }>(QUESTION, { id: questionId }, author)).question.moderation;
    expect(own).toMatchObject({ state: 'HIDDEN', reason: 'Hidden after members flagged it (offensive, spam).', secondLookAvailable: false });
    expect(await searched('unicorn followers')).toEqual([]);
    expect(await listed()).not.toContain(questionId);
    expect((await notificationsOf(author, 'POST_MODERATED')).map((m: { outcome: string }) => m.outcome)).toEqual(['HIDDEN']);

    const item = await itemFor(questionId);
    expect(item.flags.map((f) => [f.reason, f.weight, f.flagger.id])).toEqual([['SPAM', 1, newFlagger.id], ['OFFENSIVE', 2, member.id]]);
    // A moderator restores it: back in search, the flags declined (the flaggers' accuracy).
    await app.ok(RESOLVE, { id: item.id, action: 'APPROVE', note: 'An ordinary question.' }, moderator);
    expect(await searched('unicorn followers')).toEqual([questionId]);
    expect(await app.db.query(`SELECT flagger_id::text, outcome FROM flags WHERE target_id = $1 ORDER BY id`, [questionId]))
      .toEqual([{ flagger_id: newFlagger.id, outcome: 'DECLINED' }, { flagger_id: member.id, outcome: 'DECLINED' }]);
  });

  it('sends NEEDS_STAFF flags to staff, and lists them for moderators', async () => {
    const questionId = await ask(await memberAt('MEMBER'));
    await app.ok(FLAG, { input: { targetType: 'QUESTION', targetId: questionId, reason: 'NEEDS_STAFF', note: 'My account was charged twice' } }, await memberAt('NEW'));
    expect((await notificationsOf(staff, 'FLAGGED_FOR_STAFF')).map((m: { message: string }) => m.message))
      .toContainEqual(expect.stringMatching(/needing our team: “My account was charged twice”/));
    expect((await queue({ flagReason: 'NEEDS_STAFF' })).map((i) => i.targetId)).toContain(questionId);
  });

  it('hides, deletes and hides-and-suspends on review, each audited with its note, the author told, the flags upheld', async () => {
    const author = await memberAt('MEMBER');
    const flagger = await memberAt('REGULAR');
    const questionId = await ask(await memberAt('MEMBER'));
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) answers.push((await app.answer(author, questionId, `Buy cheap followers at example number ${i}`)).id);
    for (const id of answers) await flag(flagger, 'ANSWER', id); // weight 3: each hidden at once
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId })).question).toMatchObject({ answerCount: 0, answers: [] });

    const decide = async (answerId: string, action: string, note: string) =>
      app.ok<{ resolveReview: { decision: string } }>(RESOLVE, { id: (await itemFor(answerId)).id, action, note }, moderator);
    expectInvalid(await app.gql(RESOLVE, { id: (await itemFor(answers[0])).id, action: 'HIDE', note: ' ' }, moderator), ['note']);
    expectError(await app.gql(RESOLVE, { id: (await itemFor(answers[0])).id, action: 'HIDE', note: 'Spam' }, flagger), 'FORBIDDEN');
    const itemId = (await itemFor(answers[0])).id;
    await decide(answers[0], 'HIDE', 'Advertising.');
    expectError(await app.gql(RESOLVE, { id: itemId, action: 'APPROVE' }, moderator), 'CONFLICT');
    await decide(answers[1], 'DELETE', 'Spam link.');
    await decide(answers[2], 'SUSPEND_AUTHOR', 'Repeated spam.');

    expect(await app.db.query(
      `SELECT target_id::text, actor_id::text, action, reason, after->>'state' AS state FROM audit_log WHERE target_type = 'ANSWER' AND target_id = ANY($1::text[]) ORDER BY id`,
      [answers],
    )).toEqual([
      { target_id: answers[0], actor_id: moderator.id, action: 'REVIEW_HIDDEN', reason: 'Advertising.', state: 'HIDDEN' },
      { target_id: answers[1], actor_id: moderator.id, action: 'REVIEW_DELETED', reason: 'Spam link.', state: 'DELETED' },
      { target_id: answers[2], actor_id: moderator.id, action: 'REVIEW_AUTHOR_SUSPENDED', reason: 'Repeated spam.', state: 'HIDDEN' },
    ]);
    expect(await app.db.query(`SELECT outcome, count(*)::int AS n FROM flags WHERE target_id = ANY($1::bigint[]) GROUP BY outcome`, [answers]))
      .toEqual([{ outcome: 'UPHELD', n: 3 }]);
    expect(await app.db.query(`SELECT deleted_at IS NOT NULL AS deleted, moderation_state FROM answers WHERE id = ANY($1::bigint[]) ORDER BY id`, [answers]))
      .toEqual([{ deleted: false, moderation_state: 'HIDDEN' }, { deleted: true, moderation_state: 'HIDDEN' }, { deleted: false, moderation_state: 'HIDDEN' }]);
    const told = (await notificationsOf(author, 'POST_MODERATED')).map((m: { message: string }) => m.message);
    expect(told).toEqual(expect.arrayContaining([
      expect.stringMatching(/A moderator hid your answer to .* Advertising\. You can ask for a second look once\./),
      expect.stringMatching(/A moderator removed your answer to .* Spam link\./),
    ]));
    const history = (await queue({ state: 'RESOLVED' })).find((i) => i.targetId === answers[2])!.authorHistory;
    expect(history).toMatchObject({ answers: 3, flagsUpheld: 3, postsRemoved: 3 });

    // SUSPEND_AUTHOR suspended the author for a week with the note, audited as a suspension too; they can no longer post.
    const { me } = await app.ok<{ me: { suspension: { until: string; reason: string } | null } }>(`{ me { suspension { until reason } } }`, {}, author);
    expect(me.suspension?.reason).toBe('Repeated spam.');
    expect(Date.parse(me.suspension!.until) - app.clock.now().getTime()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(await app.count('audit_log', `action = 'USER_SUSPENDED' AND target_id = $1 AND actor_id = $2`, [author.id, moderator.id])).toBe(1);
    expectError(await app.gql(`mutation ($q: ID!) { postAnswer(input: { questionId: $q, body: "One more try at selling followers." }) { id } }`, { q: questionId }, author), 'FORBIDDEN');
  });

  it("suspends nobody a moderator may not suspend: SUSPEND_AUTHOR on a moderator's post changes nothing", async () => {
    const otherModerator = await app.userWithRole('MODERATOR');
    const questionId = await ask(otherModerator);
    await flag(await memberAt('REGULAR'), 'QUESTION', questionId);
    const item = await itemFor(questionId);
    expectError(await app.gql(RESOLVE, { id: item.id, action: 'SUSPEND_AUTHOR', note: 'No.' }, moderator), 'FORBIDDEN');
    expect((await itemFor(questionId)).state).toBe('OPEN');
    expect(await app.count('audit_log', `action = 'USER_SUSPENDED' AND target_id = $1`, [otherModerator.id])).toBe(0);
  });

  it('lets the author ask once for a second look at a post a moderator kept hidden', async () => {
    const author = await memberAt('MEMBER');
    const questionId = await ask(author);
    await flag(await memberAt('REGULAR'), 'QUESTION', questionId, 'OFF_TOPIC');
    const item = await itemFor(questionId);
    expectError(await app.gql(SECOND_LOOK, { id: item.id }, author), 'CONFLICT'); // not decided yet
    await app.ok(RESOLVE, { id: item.id, action: 'HIDE', note: 'Off-topic here.' }, moderator);
    const moderation = (await app.ok<{ question: any }>(QUESTION, { id: questionId }, author)).question.moderation;
    expect(moderation).toMatchObject({ state: 'HIDDEN', reason: 'Off-topic here.', reviewItemId: item.id, secondLookAvailable: true });

    expectError(await app.gql(SECOND_LOOK, { id: item.id }, await memberAt('MEMBER')), 'NOT_FOUND');
    expect((await app.ok<{ requestSecondLook: any }>(SECOND_LOOK, { id: item.id }, author)).requestSecondLook).toMatchObject({ state: 'OPEN' });
    expectError(await app.gql(SECOND_LOOK, { id: item.id }, author), 'CONFLICT');
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId }, author)).question.moderation)
      .toMatchObject({ nextStep: expect.stringMatching(/You asked for a second look/), secondLookAvailable: false });
    await app.ok(RESOLVE, { id: item.id, action: 'APPROVE' }, moderator);
    expect((await app.ok<{ question: any }>(QUESTION, { id: questionId })).question.id).toBe(questionId);
  });

  it('leaves held and hidden questions out of the reports and the category counts', async () => {
    const category = (await app.category()).id;
    const visible = (await app.ask(await memberAt('MEMBER'), category)).id;
    const held = (await app.ask(await app.member(), category)).id;
    const counts = async () => (await app.ok<{ categories: Array<{ id: string; questionCount: number }> }>(`{ categories { id questionCount } }`))
      .categories.find((c) => c.id === category)!.questionCount;
    expect(await counts()).toBe(1);
    // Asking leaves the report facts to a refresh after commit, as a report runs before it reads them.
    await app.provider(ReportsRepository).refreshNotedFacts(true);
    expect(await app.db.query(`SELECT question_id::text, deleted FROM report_question_facts WHERE question_id = ANY($1::bigint[]) ORDER BY question_id`, [[visible, held]]))
      .toEqual([{ question_id: visible, deleted: false }, { question_id: held, deleted: true }]);
    await app.ok(RESOLVE, { id: (await itemFor(held)).id, action: 'APPROVE' }, moderator);
    expect(await counts()).toBe(2);
    expect(await app.db.query(`SELECT deleted FROM report_question_facts WHERE question_id = $1`, [held])).toEqual([{ deleted: false }]);
  });
});
