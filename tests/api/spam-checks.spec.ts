import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// The spam checks: a post with more links than its author's trust level allows, the same text again within
// SPAM_REPEAT_WINDOW_MINUTES, a blocked word or a link to a blocked domain waits for a moderator (never dropped);
// the author reads why, the review queue says what was found; employees and moderators pass; admins edit the lists.

const QUESTION = `query ($id: ID!) { question(id: $id) { id moderation { state reason } answers { id moderation { state reason } } } }`;
const QUEUE = `query { reviewQueue(filter: { reason: SPAM_CHECK }, first: 50) { edges { node { targetType targetId reason detail } } } }`;
const ANSWER = `mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const RULES = `query { spamRules { words domains } }`;
const SET_RULES = `mutation ($w: [String!]!, $d: [String!]!) { setSpamRules(words: $w, domains: $d) { words domains } }`;

const links = (n: number, host = 'example.com') => Array.from({ length: n }, (_, i) => `[page ${i}](https://${host}/p/${i})`).join(' and ');

describe('the spam checks', () => {
  let app: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let categoryId: string;
  let n = 0;

  const ask = async (asker: TestUser, body: string, title = `Router keeps dropping the line ${++n}`) =>
    (await app.ask(asker, categoryId, { title, body })).id;
  const moderationOf = async (questionId: string, viewer: TestUser) =>
    (await app.ok<{ question: { moderation: { state: string; reason: string | null } } }>(QUESTION, { id: questionId }, viewer)).question.moderation;
  const queued = async (targetId: string, targetType = 'QUESTION') =>
    (await app.ok<{ reviewQueue: { edges: Array<{ node: { targetType: string; targetId: string; reason: string; detail: string | null } }> } }>(QUEUE, {}, moderator))
      .reviewQueue.edges.map((e) => e.node).filter((item) => item.targetId === targetId && item.targetType === targetType);

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off', SPAM_CHECKS: 'on', SPAM_REPEAT_WINDOW_MINUTES: '10' });
    admin = await app.admin();
    moderator = await app.userWithRole('MODERATOR');
    categoryId = (await app.category()).id;
    await app.ok(SET_RULES, { w: ['Casino bonus'], d: ['https://www.spam.example/'] }, admin);
  });
  afterAll(() => app?.close());

  it("holds a NEW member's post with more links than their level allows, not a MEMBER's, and tells the author why", async () => {
    const newcomer = await app.member();
    const member = await app.member();
    await app.setTrustLevel(member, 'MEMBER');

    const held = await ask(newcomer, `Compare these plans: ${links(3)}.`);
    expect(await moderationOf(held, newcomer)).toEqual({
      state: 'HELD', reason: 'Your post has more links than new members may post (2); a moderator will look at it.',
    });
    expect(await queued(held)).toEqual([{ targetType: 'QUESTION', targetId: held, reason: 'SPAM_CHECK', detail: '3 links; trust level NEW allows 2.' }]);
    expectError(await app.gql(QUESTION, { id: held }), 'NOT_FOUND');

    const shown = await ask(member, `Compare these plans: ${links(12)}.`);
    expect(await moderationOf(shown, member)).toEqual({ state: 'VISIBLE', reason: null });
    expect(await queued(shown)).toEqual([]);
    // Two links are within a NEW member's allowance.
    expect((await moderationOf(await ask(newcomer, `Compare these two plans: ${links(2)}.`), newcomer)).state).toBe('VISIBLE');
  });

  it('holds the same text from the same author again within the window, and not after it', async () => {
    const author = await app.member();
    await app.setTrustLevel(author, 'MEMBER');
    const body = 'Cheap unlocked phones shipped today, message me for the price.';
    const first = await ask(author, body);
    expect((await moderationOf(first, author)).state).toBe('VISIBLE');

    app.clock.advance(4 * 60);
    const again = await ask(author, `  CHEAP unlocked phones shipped today,\n\nmessage me for the price.  `);
    expect(await moderationOf(again, author)).toEqual({ state: 'HELD', reason: 'Your post repeats one you posted 4 minutes ago; a moderator will look at it.' });
    const [item] = await queued(again);
    expect(item!.detail).toMatch(/^Same text as their post of .* \(within 10 minutes\)\.$/);

    // Someone else's identical text is not a repeat.
    const other = await app.member();
    await app.setTrustLevel(other, 'MEMBER');
    expect((await moderationOf(await ask(other, body), other)).state).toBe('VISIBLE');

    app.clock.advance(11 * 60);
    const later = await ask(author, body);
    expect(await moderationOf(later, author)).toEqual({ state: 'VISIBLE', reason: null });
  });

  it('holds exactly one of two identical posts sent at once (the checks run one at a time per author)', async () => {
    const author = await app.member();
    await app.setTrustLevel(author, 'MEMBER');
    for (let round = 1; round <= 6; round++) {
      const body = `Same offer again, round ${round}: unlocked phones, message me.`;
      // Two questions: no question row is shared, so nothing but the author's posting lock orders them.
      const both = await Promise.all([ask(author, body, `Phones for sale, round ${round}`), ask(author, body, `Phones for sale, round ${round}`)]);
      const states = await Promise.all(both.map(async (id) => (await moderationOf(id, author)).state));
      expect([...states].sort()).toEqual(['HELD', 'VISIBLE']);
      const held = both[states.indexOf('HELD')]!;
      expect((await queued(held)).map((item) => item.detail)).toEqual([expect.stringMatching(/^Same text as their post of /)]);
    }
  });

  it('holds a blocked word (in the title too) and a link to a blocked domain, naming them to the moderators', async () => {
    const member = await app.member();
    await app.setTrustLevel(member, 'MEMBER');
    const word = await ask(member, 'Best odds in town, CASINO   bonus for every new player.');
    expect(await moderationOf(word, member)).toEqual({
      state: 'HELD', reason: 'Your post contains a word that is checked before it is shown; a moderator will look at it.',
    });
    expect((await queued(word))[0]!.detail).toBe('Blocked word: "casino bonus".');

    const titled = await ask(member, 'Nothing to see in this body, honestly.', 'Casino Bonus for router owners');
    expect((await queued(titled))[0]!.detail).toBe('Blocked word: "casino bonus".');

    const domain = await ask(member, 'My router manual is at [this page](https://shop.spam.example/manual) if that helps.');
    expect(await moderationOf(domain, member)).toEqual({
      state: 'HELD', reason: 'Your post links to a site (shop.spam.example) whose links are checked before they are shown; a moderator will look at it.',
    });
    expect((await queued(domain))[0]!.detail).toBe('Link to blocked domain spam.example (shop.spam.example).');

    // An answer is held the same way, and its author reads why on it.
    const questionId = await ask(member, 'Which router firmware fixes the evening drop on fibre lines?');
    const answerId = (await app.ok<{ postAnswer: { id: string } }>(ANSWER, { input: { questionId, body: 'Get your casino bonus here today.' } }, await (async () => {
      const answerer = await app.member();
      await app.setTrustLevel(answerer, 'MEMBER');
      return answerer;
    })())).postAnswer.id;
    expect((await queued(answerId, 'ANSWER')).map((item) => [item.targetType, item.detail])).toEqual([['ANSWER', 'Blocked word: "casino bonus".']]);
  });

  it('never holds employees and moderators, and approval publishes a held post', async () => {
    const employee = await app.userWithRole('STAFF');
    const body = `Casino bonus news at ${links(4, 'spam.example')}.`;
    expect((await moderationOf(await ask(employee, body), employee)).state).toBe('VISIBLE');
    expect((await moderationOf(await ask(moderator, body), moderator)).state).toBe('VISIBLE');

    const newcomer = await app.member();
    const held = await ask(newcomer, `Plans compared: ${links(3)}.`);
    const [item] = await app.db.query(`SELECT id::text FROM review_items WHERE target_type = 'QUESTION' AND target_id = $1`, [held]);
    await app.ok(`mutation ($id: ID!) { resolveReview(id: $id, action: APPROVE) { id } }`, { id: item.id }, moderator);
    expect(await moderationOf(held, newcomer)).toEqual({ state: 'VISIBLE', reason: null });
  });

  describe('an edit of an approved post', () => {
    const EDIT_QUESTION = `mutation ($input: EditQuestionInput!) { editQuestion(input: $input) { id } }`;
    const EDIT_ANSWER = `mutation ($input: EditAnswerInput!) { editAnswer(input: $input) { id moderation { state reason } } }`;
    const EDIT_COMMENT = `mutation ($input: EditCommentInput!) { editComment(input: $input) { id moderation { state reason } } }`;
    const COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
    const THREAD = `query ($id: ID!) { question(id: $id) { answerCount answers { id } } }`;
    const WORD_REASON = 'Your post contains a word that is checked before it is shown; a moderator will look at it.';

    const memberAt = async (level: 'MEMBER' | 'REGULAR') => {
      const user = await app.member();
      await app.setTrustLevel(user, level);
      return user;
    };

    it('holds a question rewritten with a blocked word or domain, tells its author why, and approval shows it again', async () => {
      const author = await memberAt('MEMBER');
      const question = await ask(author, 'The line drops every evening around eight.');
      await app.ok(EDIT_QUESTION, { input: { id: question, body: 'Found a fix, details at https://shop.spam.example/fix for everyone.' } }, author);
      expect(await moderationOf(question, author)).toEqual({
        state: 'HELD', reason: 'Your post links to a site (shop.spam.example) whose links are checked before they are shown; a moderator will look at it.',
      });
      expect(await queued(question)).toEqual([{ targetType: 'QUESTION', targetId: question, reason: 'SPAM_CHECK', detail: 'Link to blocked domain spam.example (shop.spam.example).' }]);
      // Nobody else reads it any more.
      expectError(await app.gql(QUESTION, { id: question }), 'NOT_FOUND');

      const [item] = await app.db.query(`SELECT id::text FROM review_items WHERE target_type = 'QUESTION' AND target_id = $1`, [question]);
      await app.ok(`mutation ($id: ID!) { resolveReview(id: $id, action: APPROVE) { id } }`, { id: item.id }, moderator);
      expect((await app.ok<{ question: { id: string } }>(QUESTION, { id: question })).question.id).toBe(question);

      // A new title is checked too.
      const titled = await ask(author, 'Which router settings help with the evening drop?');
      await app.ok(EDIT_QUESTION, { input: { id: titled, title: 'Casino bonus for router owners' } }, author);
      expect(await moderationOf(titled, author)).toEqual({ state: 'HELD', reason: WORD_REASON });
    });

    it('holds an answer rewritten with too many links (it stops counting) and a comment with a blocked word', async () => {
      const asker = await memberAt('MEMBER');
      const question = await ask(asker, 'Which DNS servers work best with the hub?');
      const answerer = await app.member(); // NEW: two links per post
      const answer = await app.answer(answerer, question, 'Try the ones your hub offers first.');
      expect((await app.ok<{ question: { answerCount: number } }>(THREAD, { id: question })).question.answerCount).toBe(1);

      const edited = await app.ok<{ editAnswer: { moderation: { state: string; reason: string } } }>(EDIT_ANSWER, { input: { id: answer.id, body: `Try these: ${links(3)}.` } }, answerer);
      expect(edited.editAnswer.moderation).toEqual({ state: 'HELD', reason: 'Your post has more links than new members may post (2); a moderator will look at it.' });
      expect((await app.ok<{ question: { answerCount: number; answers: unknown[] } }>(THREAD, { id: question })).question).toEqual({ answerCount: 0, answers: [] });
      expect((await queued(answer.id, 'ANSWER')).map((item) => item.detail)).toEqual(['3 links; trust level NEW allows 2.']);

      const commenter = await memberAt('MEMBER');
      const comment = (await app.ok<{ postComment: { id: string } }>(COMMENT, { input: { targetId: question, targetType: 'QUESTION', body: 'Same problem here since Monday.' } }, commenter)).postComment.id;
      const commented = await app.ok<{ editComment: { moderation: { state: string; reason: string } } }>(EDIT_COMMENT, { input: { id: comment, body: 'Same problem, casino bonus fixed it.' } }, commenter);
      expect(commented.editComment.moderation).toEqual({ state: 'HELD', reason: WORD_REASON });
      expect((await queued(comment, 'COMMENT')).map((item) => item.detail)).toEqual(['Blocked word: "casino bonus".']);
    });

    it('never counts a post\'s own earlier text as a repeat, but does another recent post of its author', async () => {
      const author = await memberAt('MEMBER');
      const body = 'Restarting the hub at night clears the evening drops for me.';
      const question = await ask(author, body);
      await app.ok(EDIT_QUESTION, { input: { id: question, title: 'Evening drops cleared by a nightly restart' } }, author);
      await app.ok(EDIT_QUESTION, { input: { id: question, body: `${body} Tested for a week.` } }, author);
      expect(await moderationOf(question, author)).toEqual({ state: 'VISIBLE', reason: null });

      const other = await ask(author, 'Which hub settings survive a factory reset?');
      app.clock.advance(2 * 60);
      await app.ok(EDIT_QUESTION, { input: { id: other, body: `${body} Tested for a week.` } }, author);
      expect(await moderationOf(other, author)).toEqual({ state: 'HELD', reason: 'Your post repeats one you posted 2 minutes ago; a moderator will look at it.' });
    });

    it('holds a flagged post rewritten into spam in the review item its flag already opened', async () => {
      const author = await memberAt('MEMBER');
      const question = await ask(author, 'Is the outage in the north area over yet?');
      await app.ok(`mutation ($input: FlagInput!) { flag(input: $input) { id } }`, { input: { targetType: 'QUESTION', targetId: question, reason: 'OFF_TOPIC' } }, await app.member());
      expect(await moderationOf(question, author)).toEqual({ state: 'VISIBLE', reason: null });
      await app.ok(EDIT_QUESTION, { input: { id: question, body: 'Outage over, celebrate with a casino bonus.' } }, author);
      expect(await moderationOf(question, author)).toEqual({ state: 'HELD', reason: WORD_REASON });
      expect(await app.db.query(`SELECT reason FROM review_items WHERE target_type = 'QUESTION' AND target_id = $1 AND state = 'OPEN'`, [question])).toEqual([{ reason: 'FLAGGED' }]);
    });

    it('never holds an edit by a moderator or an employee', async () => {
      const author = await memberAt('MEMBER');
      const question = await ask(author, 'Voicemail greeting resets after every update.');
      await app.ok(EDIT_QUESTION, { input: { id: question, body: 'Voicemail greeting resets: casino bonus test phrase kept for the record.', reason: 'Quoting the report' } }, moderator);
      expect(await moderationOf(question, author)).toEqual({ state: 'VISIBLE', reason: null });

      const employee = await app.userWithRole('STAFF');
      const answer = await app.answer(employee, question, 'Re-record the greeting after the update.');
      const edited = await app.ok<{ editAnswer: { moderation: { state: string } } }>(EDIT_ANSWER, { input: { id: answer.id, body: `See ${links(4, 'spam.example')} and the casino bonus notice.` } }, employee);
      expect(edited.editAnswer.moderation.state).toBe('VISIBLE');
      expect(await queued(question)).toEqual([]);
      expect(await queued(answer.id, 'ANSWER')).toEqual([]);
    });
  });

  it('lets only admins read and edit the lists, normalizes them, and audits each change', async () => {
    const member = await app.member();
    for (const who of [member, moderator]) {
      expectError(await app.gql(RULES, {}, who), 'FORBIDDEN');
      expectError(await app.gql(SET_RULES, { w: [], d: [] }, who), 'FORBIDDEN');
    }
    expectError(await app.gql(RULES), 'UNAUTHENTICATED');
    expectInvalid(await app.gql(SET_RULES, { w: [], d: ['not a domain'] }, admin), ['domains']);

    const before = await app.count('audit_log', `action = 'SPAM_RULES_CHANGED'`);
    const set = await app.ok<{ setSpamRules: { words: string[]; domains: string[] } }>(
      SET_RULES, { w: ['casino bonus', ' Free  Money ', ''], d: ['spam.example', '*.junk.example'] }, admin);
    expect(set.setSpamRules).toEqual({ words: ['casino bonus', 'free money'], domains: ['junk.example', 'spam.example'] });
    expect((await app.ok<{ spamRules: unknown }>(RULES, {}, admin)).spamRules).toEqual(set.setSpamRules);
    const rows = await app.db.query(
      `SELECT actor_id::text, target_type, before, after FROM audit_log WHERE action = 'SPAM_RULES_CHANGED' ORDER BY id DESC LIMIT 1`);
    expect(rows).toEqual([{
      actor_id: admin.id, target_type: 'SPAM_RULES',
      before: { wordsRemoved: [], domainsRemoved: [] }, after: { wordsAdded: ['free money'], domainsAdded: ['junk.example'] },
    }]);
    // The same lists again change nothing and record nothing.
    await app.ok(SET_RULES, { w: ['free money', 'casino bonus'], d: ['junk.example', 'spam.example'] }, admin);
    expect(await app.count('audit_log', `action = 'SPAM_RULES_CHANGED'`)).toBe(before + 1);
  });
});
