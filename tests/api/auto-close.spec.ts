import { AutoCloseJob } from '../../apps/api/src/thread-moderation/auto-close.job';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Auto-close of solved questions (packages/domain/src/auto-close.ts, thread-moderation/auto-close.job.ts): a
// category's solvedAutoCloseDays after acceptance, a solved question closes as the system, with the reason RESOLVED.
const DAY = 24 * 3600;
const UPDATE = `mutation ($input: UpdateCategoryInput!) { updateCategory(input: $input) { id solvedAutoCloseDays } }`;
const QUESTION = `query ($id: ID!) { question(id: $id) { status closeReason { kind note } } }`;
const ANSWER = `mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`;
const COMMENT = `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`;
const CLOSE = `mutation ($id: ID!, $r: CloseReason!) { closeQuestion(id: $id, reason: $r) { id } }`;
const REOPEN = `mutation ($id: ID!) { reopenQuestion(id: $id) { id status } }`;
const ENV = { RATE_LIMITS: 'off', SESSION_TTL_DAYS: '365' };
const REPORT = `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { cohortSize outcomes { outcome count } } }`;

describe('auto-close of solved questions', () => {
  let app: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let asker: TestUser;
  let peer: TestUser;

  beforeAll(async () => {
    // Sessions outlast the days the clock moves here.
    app = await TestApp.start(ENV);
    admin = await app.admin();
    moderator = await app.userWithRole('MODERATOR');
    [asker, peer] = [await app.member('Asker'), await app.member('Peer')];
    for (const member of [asker, peer]) await app.setTrustLevel(member, 'MEMBER');
  });
  afterAll(() => app?.close());

  const run = () => app.provider(AutoCloseJob).runOnce();
  const status = async (id: string) => (await app.ok<{ question: { status: string; closeReason: { kind: string; note: string } | null } }>(QUESTION, { id }, asker)).question;
  /** A question in the category with a peer answer, accepted now when `accept`. */
  async function question(categoryId: string, accept = true): Promise<{ id: string; answerId: string }> {
    const { id } = await app.ask(asker, categoryId);
    const answer = await app.answer(peer, id);
    if (accept) await app.acceptAnswer(asker, answer.id);
    return { id, answerId: answer.id };
  }

  it('is a category setting from 1 to 3650 days, off with 0, audited', async () => {
    const created = await app.category({ solvedAutoCloseDays: 30 });
    const set = (days: number) => app.gql<{ updateCategory: { solvedAutoCloseDays: number | null } }>(UPDATE, { input: { id: created.id, solvedAutoCloseDays: days } }, admin);
    expect((await set(7)).data!.updateCategory.solvedAutoCloseDays).toBe(7);
    for (const bad of [-1, 3651]) expectInvalid(await set(bad), ['solvedAutoCloseDays']);
    expectInvalid(await app.gql(`mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`,
      { input: { name: 'Never', slug: 'never-closes', solvedAutoCloseDays: 0 } }, admin), ['solvedAutoCloseDays']);
    expect((await set(0)).data!.updateCategory.solvedAutoCloseDays).toBeNull();
    const audit = await app.db.query(
      `SELECT actor_id::text AS actor, before, after FROM audit_log WHERE action = 'CATEGORY_UPDATED' AND target_id = $1 ORDER BY id`, [created.id]);
    expect(audit).toEqual([
      { actor: admin.id, before: { solvedAutoCloseDays: 30 }, after: { solvedAutoCloseDays: 7 } },
      { actor: admin.id, before: { solvedAutoCloseDays: 7 }, after: { solvedAutoCloseDays: null } },
    ]);
    // Only those who change categories may set it.
    expectError(await app.gql(UPDATE, { input: { id: created.id, solvedAutoCloseDays: 3 } }, moderator), 'FORBIDDEN');
  });

  it('closes a solved question the set days after acceptance, as the system, and no other', async () => {
    const weekly = await app.category({ solvedAutoCloseDays: 7 });
    const never = await app.category();
    const solved = await question(weekly.id);
    const unsolved = await question(weekly.id, false);
    const elsewhere = await question(never.id);

    app.clock.advance(7 * DAY - 60);
    expect(await run()).toEqual([]);
    app.clock.advance(60);
    expect(await run()).toEqual([solved.id]);
    expect(await run()).toEqual([]);

    expect(await status(solved.id)).toEqual({ status: 'CLOSED', closeReason: { kind: 'RESOLVED', note: 'Solved; closed automatically after 7 days.' } });
    expect((await status(unsolved.id)).status).toBe('ANSWERED');
    expect((await status(elsewhere.id)).status).toBe('SOLVED');
    expect(await app.db.query(`SELECT actor_id, before, after, reason FROM audit_log WHERE action = 'QUESTION_CLOSED' AND target_id = $1`, [solved.id])).toEqual([{
      actor_id: null, before: { status: 'SOLVED' },
      after: { status: 'CLOSED', closeReason: 'RESOLVED', closeNote: 'Solved; closed automatically after 7 days.' },
      reason: 'Solved; closed automatically after 7 days.',
    }]);

    // A closed question takes no new answers or comments.
    expectError(await app.gql(ANSWER, { input: { questionId: solved.id, body: 'Me too, same problem here with mine.' } }, peer), 'CONFLICT');
    expectError(await app.gql(COMMENT, { input: { targetType: 'QUESTION', targetId: solved.id, body: 'Me too!' } }, peer), 'CONFLICT');
    expectError(await app.gql(COMMENT, { input: { targetType: 'ANSWER', targetId: solved.answerId, body: 'Me too!' } }, peer), 'CONFLICT');
    // A moderator cannot pick the system's reason.
    const other = await question(never.id);
    expectInvalid(await app.gql(CLOSE, { id: other.id, r: 'RESOLVED' }, moderator), ['reason']);
  });

  it('two instances racing close each question once', async () => {
    const daily = await app.category({ solvedAutoCloseDays: 1 });
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await question(daily.id)).id);
    app.clock.advance(DAY);
    const second = await TestApp.start(ENV, { sameDatabaseAs: app });
    try {
      const [a, b] = await Promise.all([run(), second.provider(AutoCloseJob).runOnce()]);
      expect([...a, ...b].sort()).toEqual([...ids].sort());
    } finally {
      await second.close();
    }
    const audited = await app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'QUESTION_CLOSED' AND target_id = ANY($1::text[])`, [ids]);
    expect(audited).toEqual([{ n: ids.length }]);
  });

  it('leaves a question a moderator reopened open, until an answer is accepted again', async () => {
    const weekly = await app.category({ solvedAutoCloseDays: 7 });
    const { id, answerId } = await question(weekly.id);
    app.clock.advance(7 * DAY);
    expect(await run()).toEqual([id]);
    expect((await app.ok<{ reopenQuestion: { status: string } }>(REOPEN, { id }, moderator)).reopenQuestion.status).toBe('SOLVED');
    app.clock.advance(30 * DAY);
    expect(await run()).toEqual([]);
    expect((await status(id)).status).toBe('SOLVED');

    // The asker picks another answer: that acceptance counts the days again.
    const second = await app.answer(peer, id, 'Replace the splitter on the phone line.');
    await app.acceptAnswer(asker, second.id);
    app.clock.advance(7 * DAY - 60);
    expect(await run()).toEqual([]);
    app.clock.advance(60);
    expect(await run()).toEqual([id]);
    expect(answerId).not.toBe(second.id);
  });

  it('leaves the report outcome of a solved question as it was', async () => {
    const weekly = await app.category({ solvedAutoCloseDays: 7 });
    const from = app.clock.now();
    const { id } = await question(weekly.id);
    const report = async () => (await app.ok<{ deflectionReport: { cohortSize: number; outcomes: Array<{ outcome: string; count: number }> } }>(
      REPORT, { input: { from: from.toISOString(), to: new Date(from.getTime() + DAY).toISOString(), categoryId: weekly.id, bucket: 'DAY' } }, admin)).deflectionReport;
    const solvedOnly = (r: Awaited<ReturnType<typeof report>>) => r.outcomes.filter((o) => o.count > 0);
    expect(solvedOnly(await report())).toEqual([{ outcome: 'PEER_SOLVED', count: 1 }]);
    app.clock.advance(7 * DAY);
    expect(await run()).toEqual([id]);
    expect(await report()).toMatchObject({ cohortSize: 1 });
    expect(solvedOnly(await report())).toEqual([{ outcome: 'PEER_SOLVED', count: 1 }]);
  });
});
