import { fileURLToPath } from 'node:url';
import { seededRandom } from '@peerdesk/domain';
import { importStackExchange } from '../../apps/api/src/importer/stackexchange-importer';
import { positional } from '../../apps/api/src/database/named-parameters';
import { REPORT_STATEMENTS, ReportsRepository, wholePeriods } from '../../apps/api/src/reports/reports.repository';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { RollupFoldJob } from '../../apps/api/src/reports/rollup-fold.job';
import { expectRollupCurrent as checkRollup, unfoldedDeltas } from '../support/rollup-check';
import { TestApp, type TestUser } from '../support/test-app';

const FRENCH_META = fileURLToPath(new URL('../../data/samples/stackexchange/french-meta/', import.meta.url));
const HOUR = 3600;
const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

describe('the report rollup (report_question_facts) and the raw computation', () => {
  let app: TestApp;
  let manager: TestUser;

  beforeAll(async () => {
    app = await TestApp.start();
    manager = await app.userWithRole('MANAGER');
  });
  afterAll(async () => { await app.close(); });

  const sweep = async () => {
    const response = await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' });
    expect(response.status).toBe(200);
    return response.json() as Promise<{ escalated: string[]; breached: string[] }>;
  };

  const expectRollupCurrent = () => checkRollup(app.db);
  /** Folds every delta into the rollup tables, as the job does every few seconds outside tests. */
  const fold = async () => {
    await app.provider(RollupFoldJob).runOnce();
    expect(Object.values(await unfoldedDeltas(app.db))).toEqual([0, 0, 0]);
  };

  /** The report as the API computes it (rollup) equals the one computed from the raw tables only; returns how many questions it read from the rollup. */
  async function expectAgreement(request: { from: Date; to: Date; asOf: Date; categoryId?: string; tag?: string; bucket?: string }): Promise<number> {
    const query = await app.provider(ReportsService).check(request);
    const repository = app.provider(ReportsRepository);
    const raw = await repository.deflection(query, 'raw');
    expect(await repository.deflection(query, 'rollup')).toEqual(raw);
    const [{ n }] = await app.db.query(
      `SELECT count(*)::int AS n FROM report_question_facts WHERE NOT deleted AND created_at >= $1 AND created_at < $2 AND facts_changed_at <= $3`,
      [query.from, query.to, query.asOf]);
    return n;
  }

  it('agree after asking, answering, accepting and withdrawing, escalation, staff response, a breach by the sweep, answer deletion and an import', async () => {
    const asker = await app.member('Asker');
    const peer1 = await app.member('Peer One');
    const peer2 = await app.member('Peer Two');
    const staff = await app.userWithRole('STAFF');
    const moderator = await app.userWithRole('MODERATOR', 'COMMUNITY');
    const category = await app.category({ name: 'Routers', peerWindowHours: 1, unsolvedWindowHours: 2, staffResponseHours: 1, businessCalendar: alwaysOpen });
    const from = app.clock.now();
    const moments: Date[] = [];
    const mark = () => { app.clock.advance(60); moments.push(app.clock.now()); app.clock.advance(60); };

    const q1 = await app.ask(asker, category.id, { tags: ['wifi'] });
    const a1 = await app.answer(peer1, q1.id);
    mark();
    expect((await app.acceptAnswer(asker, a1.id)).errors).toBeUndefined();
    mark();
    await app.ok(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: q1.id }, asker);
    mark();
    const a1b = await app.answer(peer2, q1.id);
    expect((await app.acceptAnswer(asker, a1b.id)).errors).toBeUndefined(); // re-accepted, another answer
    mark();

    const q2 = await app.ask(asker, category.id);
    await app.ok(`mutation ($id: ID!) { escalateQuestion(questionId: $id, reason: "Billing") { id } }`, { id: q2.id }, moderator);
    mark();
    await app.ok(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`,
      { input: { targetType: 'QUESTION', targetId: q2.id, body: 'Which plan are you on?' } }, staff); // the staff response
    const a2 = await app.answer(peer1, q2.id);
    expect((await app.acceptAnswer(asker, a2.id)).errors).toBeUndefined(); // peer-solved after escalation
    mark();

    const q3 = await app.ask(asker, category.id, { tags: ['wifi'] });
    app.clock.advance(2 * HOUR);
    expect((await sweep()).escalated).toContain(q3.id);
    mark();
    app.clock.advance(2 * HOUR);
    expect((await sweep()).breached).toContain(q3.id);
    mark();

    const q4 = await app.ask(asker, category.id);
    const a4 = await app.answer(peer1, q4.id);
    await app.answer(staff, q4.id);
    mark();
    await app.ok(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: a4.id }, peer1);
    mark();
    await expectRollupCurrent();

    // The importer defers the facts refresh to each batch's commit: the facts are current and nothing stays pending.
    await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir: FRENCH_META, category: 'imported', employees: [] });
    await expectRollupCurrent();
    expect(await app.db.query('SELECT count(*)::int AS pending FROM report_facts_pending')).toEqual([{ pending: 0 }]);
    const [imported] = await app.db.query(`SELECT id::text FROM categories WHERE slug = 'imported'`);

    const to = new Date(app.clock.now().getTime() + HOUR);
    const ever = { from: new Date('2011-01-01T00:00:00Z'), to }; // the dump starts in 2011
    let readFromRollup = 0;
    for (const asOf of [...moments, app.clock.now()]) {
      readFromRollup += await expectAgreement({ from, to, asOf, bucket: 'DAY' });
      await expectAgreement({ from, to, asOf, categoryId: category.id, tag: 'wifi', bucket: 'DAY' });
    }
    readFromRollup += await expectAgreement({ ...ever, asOf: app.clock.now(), bucket: 'MONTH' });
    await expectAgreement({ ...ever, asOf: new Date('2015-06-01T00:00:00Z'), categoryId: imported.id, bucket: 'MONTH' });
    await expectAgreement({ ...ever, asOf: app.clock.now(), categoryId: imported.id, bucket: 'WEEK' });
    // Not a tautology: the rollup did serve most of these reports (the imported questions, and ours at the later moments).
    expect(readFromRollup).toBeGreaterThan(100);
  });

  it("notes a statement's questions for the refresh at commit as one row, and refreshes them at commit", async () => {
    const asker = await app.member();
    const category = await app.category({ peerWindowHours: 1, staffResponseHours: 1, businessCalendar: alwaysOpen });
    const questions = [await app.ask(asker, category.id), await app.ask(asker, category.id), await app.ask(asker, category.id)];
    app.clock.advance(2 * HOUR);
    expect((await sweep()).escalated).toEqual(expect.arrayContaining(questions.map((q) => q.id)));
    const ids = questions.map((q) => q.id);
    await app.db.transaction(async (em) => {
      // Two statements touching the three questions: the facts of each are refreshed once, at commit.
      await em.query(`UPDATE escalations SET note = 'noted' WHERE question_id = ANY($1::bigint[])`, [ids]);
      await em.query(`UPDATE escalations SET note = 'noted again' WHERE question_id = ANY($1::bigint[])`, [ids]);
      const pending: Array<{ ids: string[] }> = await em.query(
        `SELECT ARRAY(SELECT unnest(question_ids) ORDER BY 1)::text[] AS ids FROM report_facts_pending`);
      const sorted = [...ids].sort((a, b) => Number(a) - Number(b));
      expect(pending).toEqual([{ ids: sorted }, { ids: sorted }]);
    });
    await expectRollupCurrent();
  });

  it('agree after a few hundred random writes, at random moments', async () => {
    const random = seededRandom(20261124);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const category = await app.category({ name: 'Random', peerWindowHours: 2, unsolvedWindowHours: 6, staffResponseHours: 2, businessCalendar: alwaysOpen });
    const members = await Promise.all(['M1', 'M2', 'M3', 'M4', 'M5'].map((name) => app.member(name)));
    // Hundreds of posts within hours: more than NEW members' limits allow (tests/api/trust-rate-limits.spec.ts).
    for (const member of members) await app.setTrustLevel(member, 'MEMBER');
    const staff = await app.userWithRole('STAFF');
    const moderator = await app.userWithRole('MODERATOR', 'COMMUNITY');
    const questions: Array<{ id: string; asker: TestUser; answers: Array<{ id: string; author: TestUser }> }> = [];
    const from = app.clock.now();
    const moments: Date[] = [];

    for (let op = 0; op < 300; op++) {
      const roll = random();
      const question = questions.length > 0 ? pick(questions) : null;
      if (!question || roll < 0.2) {
        const asker = pick(members);
        const q = await app.ask(asker, category.id, random() < 0.3 ? { tags: ['wifi'] } : {});
        questions.push({ id: q.id, asker, answers: [] });
      } else if (roll < 0.45) {
        const author = random() < 0.2 ? staff : pick(members);
        const a = await app.answer(author, question.id);
        question.answers.push({ id: a.id, author });
      } else if (roll < 0.6 && question.answers.length > 0) {
        await app.acceptAnswer(question.asker, pick(question.answers).id); // refused when not allowed: fine, both sides see the same rows
      } else if (roll < 0.67) {
        await app.gql(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: question.id }, question.asker);
      } else if (roll < 0.73 && question.answers.length > 0) {
        const answer = pick(question.answers);
        await app.gql(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answer.id }, answer.author);
        question.answers.splice(question.answers.indexOf(answer), 1);
      } else if (roll < 0.82) {
        await app.gql(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`,
          { input: { targetType: 'QUESTION', targetId: question.id, body: 'Does it happen on every device?' } }, random() < 0.5 ? staff : pick(members));
      } else if (roll < 0.87) {
        await app.gql(`mutation ($id: ID!) { escalateQuestion(questionId: $id, reason: "Looks like an outage") { id } }`, { id: question.id }, moderator);
      } else if (roll < 0.93) {
        await sweep();
      } else {
        app.clock.advance(Math.floor(random() * 3 * HOUR));
        moments.push(app.clock.now());
      }
      app.clock.advance(Math.floor(random() * 600) + 1);
    }
    await expectRollupCurrent();

    const to = new Date(app.clock.now().getTime() + HOUR);
    const asOfs = [...moments.filter((_, i) => i % Math.max(1, Math.floor(moments.length / 6)) === 0), app.clock.now()];
    let readFromRollup = 0;
    for (const asOf of asOfs) {
      readFromRollup += await expectAgreement({ from, to, asOf, bucket: 'DAY' });
      await expectAgreement({ from, to, asOf, tag: 'wifi', bucket: 'WEEK' });
      await expectAgreement({ from: new Date(from.getTime() + 3 * HOUR), to, asOf, categoryId: category.id, bucket: 'DAY' });
    }
    expect(readFromRollup).toBeGreaterThan(0);
  });
  it('agree over whole and part days and months after writes spread over weeks, category moves and deletions included, for past asOf', async () => {
    const random = seededRandom(20261202);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
    // Start ten days before a month ends, so the three weeks of writes below span two months (sessions last 30 days).
    const tenDaysBefore = monthStart(app.clock.now(), 1).getTime() - 10 * 24 * HOUR * 1000;
    if (tenDaysBefore > app.clock.now().getTime()) app.clock.advance((tenDaysBefore - app.clock.now().getTime()) / 1000);
    const categories = await Promise.all(['Months A', 'Months B'].map((name) =>
      app.category({ name, peerWindowHours: 24, unsolvedWindowHours: 72, staffResponseHours: 8, businessCalendar: alwaysOpen })));
    const members = await Promise.all(['N1', 'N2', 'N3', 'N4'].map((name) => app.member(name)));
    const staff = await app.userWithRole('STAFF');
    const moderator = await app.userWithRole('MODERATOR', 'COMMUNITY');
    const questions: Array<{ id: string; asker: TestUser; answers: Array<{ id: string; author: TestUser }> }> = [];
    const first = app.clock.now();
    const moments: Date[] = [];

    for (let op = 0; op < 160; op++) {
      const roll = random();
      const question = questions.length > 0 ? pick(questions) : null;
      if (!question || roll < 0.2) {
        const asker = pick(members);
        const q = await app.ask(asker, pick(categories).id, random() < 0.3 ? { tags: ['wifi'] } : {});
        questions.push({ id: q.id, asker, answers: [] });
      } else if (roll < 0.4) {
        const author = random() < 0.25 ? staff : pick(members);
        const a = await app.answer(author, question.id);
        question.answers.push({ id: a.id, author });
      } else if (roll < 0.55 && question.answers.length > 0) {
        await app.acceptAnswer(question.asker, pick(question.answers).id);
      } else if (roll < 0.6) {
        await app.gql(`mutation ($id: ID!) { unacceptAnswer(questionId: $id) { id } }`, { id: question.id }, question.asker);
      } else if (roll < 0.65 && question.answers.length > 0) {
        const answer = pick(question.answers);
        await app.gql(`mutation ($id: ID!) { deleteAnswer(id: $id) { id } }`, { id: answer.id }, answer.author);
        question.answers.splice(question.answers.indexOf(answer), 1);
      } else if (roll < 0.7 && question.answers.length > 0) {
        await app.gql(`mutation ($id: ID!) { endorseAnswer(answerId: $id) { id } }`, { id: pick(question.answers).id }, staff);
      } else if (roll < 0.76) {
        await app.gql(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`,
          { input: { targetType: 'QUESTION', targetId: question.id, body: 'Which firmware is it running?' } }, random() < 0.5 ? staff : pick(members));
      } else if (roll < 0.8) {
        await app.gql(`mutation ($id: ID!) { escalateQuestion(questionId: $id, reason: "Several customers report it") { id } }`, { id: question.id }, moderator);
      } else if (roll < 0.85) {
        await sweep();
      } else if (roll < 0.9) {
        // No API moves a question or deletes it outright: hand-written SQL, which the triggers cover all the same.
        await app.db.query('UPDATE questions SET category_id = $1 WHERE id = $2', [pick(categories).id, question.id]);
      } else if (roll < 0.92) {
        await app.db.query('UPDATE questions SET deleted_at = $1 WHERE id = $2', [app.clock.now(), question.id]);
        questions.splice(questions.indexOf(question), 1);
      } else {
        moments.push(app.clock.now());
      }
      // About three weeks in all, so the writes fall on many days and two months.
      app.clock.advance(Math.floor(random() * 7 * HOUR) + 1);
      // Half the writes folded into the rollups, the rest still deltas (the report reads both).
      if (op === 80) await fold();
    }
    await expectRollupCurrent();

    const last = app.clock.now();
    const wholeMonths = { from: monthStart(first), to: monthStart(last, 1) };
    const partMonths = { from: new Date(first.getTime() + 5 * 24 * HOUR * 1000 + 1234), to: new Date(last.getTime() - 3 * 24 * HOUR * 1000 - 5678) };
    const asOfs = [...moments.filter((_, i) => i % Math.max(1, Math.floor(moments.length / 5)) === 0), last];
    const expectAgreements = async () => {
      for (const asOf of asOfs) {
        for (const period of [wholeMonths, partMonths]) {
          await expectAgreement({ ...period, asOf, bucket: 'DAY' });
          await expectAgreement({ ...period, asOf, categoryId: categories[1].id, bucket: 'WEEK' });
        }
      }
    };
    expect(Object.values(await unfoldedDeltas(app.db)).some((n) => n > 0)).toBe(true);
    await expectAgreements();
    await fold();
    await expectRollupCurrent();
    await expectAgreements();
    // Not vacuous: the whole-month reports read the monthly rollups, and those hold these questions.
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM report_month_durations WHERE month >= $1 AND category_id = ANY($2)`,
      [wholeMonths.from, categories.map((c) => c.id)]);
    expect(n).toBeGreaterThan(10);
    // Not vacuous either for the part months: their whole days are read from the day rollups (which hold them), and only
    // the questions of the two part days are summed one by one.
    const [daysFrom, daysTo] = wholePeriods(partMonths.from, partMonths.to, 'day');
    const [monthsFrom, monthsTo] = wholePeriods(partMonths.from, partMonths.to, 'month');
    const count = async (sql: string, parameters: unknown[]) => Number((await app.db.query(sql, parameters))[0].n);
    const inPartMonths = await count(`SELECT count(*) AS n FROM report_question_facts WHERE NOT deleted AND created_at >= $1 AND created_at < $2
                                       AND (created_at < $3 OR created_at >= $4)`, [partMonths.from, partMonths.to, monthsFrom, monthsTo]);
    const inPartDays = await count(`SELECT count(*) AS n FROM report_question_facts WHERE NOT deleted AND created_at >= $1 AND created_at < $2
                                     AND (created_at < $3 OR created_at >= $4)`, [partMonths.from, partMonths.to, daysFrom, daysTo]);
    expect(inPartMonths).toBeGreaterThan(inPartDays);
    expect(await factsSummedOneByOne({ ...partMonths, asOf: last, categoryId: null, tag: null, bucket: 'day', raw: false, daysFrom, daysTo, monthsFrom, monthsTo }))
      .toBe(inPartDays);
    expect(await count(`SELECT count(*) AS n FROM report_day_durations WHERE day >= $1 AND day < $2 AND NOT (day >= $3 AND day < $4)`,
      [daysFrom, daysTo, monthsFrom, monthsTo])).toBeGreaterThan(0);
  }, 180_000); // every report twice (deltas unfolded, then folded), on a shared two-core machine

  /** The rows of report_question_facts the rollup statement reads to sum one by one (its `candidates`), by EXPLAIN ANALYZE. */
  async function factsSummedOneByOne(parameters: Record<string, unknown>): Promise<number> {
    const [sql, values] = positional(REPORT_STATEMENTS['deflection-rollup'], parameters);
    const [{ 'QUERY PLAN': [{ Plan: plan }] }] = await app.db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, values);
    type PlanNode = { 'Subplan Name'?: string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };
    const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
    const candidates = nodes(plan).find((node) => node['Subplan Name'] === 'CTE candidates');
    if (!candidates) throw new Error('The rollup statement has no candidates CTE');
    return nodes(candidates).filter((node) => node['Relation Name'] === 'report_question_facts')
      .reduce((sum, node) => sum + node['Actual Rows'] * node['Actual Loops'], 0);
  }
});

describe('the report rollup under concurrent writers in one category', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  const fold = async () => {
    await app.provider(RollupFoldJob).runOnce();
    expect(Object.values(await unfoldedDeltas(app.db))).toEqual([0, 0, 0]);
  };
  const expectRollupCurrent = () => checkRollup(app.db);
  async function expectAgreement(request: { from: Date; to: Date; asOf: Date; categoryId?: string; bucket?: string }): Promise<void> {
    const query = await app.provider(ReportsService).check(request);
    const repository = app.provider(ReportsRepository);
    expect(await repository.deflection(query, 'rollup')).toEqual(await repository.deflection(query, 'raw'));
  }

  it('agree while writers in one category answer, accept and ask at once, before and after folding, with nothing held on the rollup rows', async () => {
    const category = await app.category({ name: 'Busy evening', peerWindowHours: 2, unsolvedWindowHours: 6, staffResponseHours: 2, businessCalendar: alwaysOpen });
    const members = await Promise.all(['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].map((name) => app.member(name)));
    for (const member of members) await app.setTrustLevel(member, 'MEMBER');
    const from = app.clock.now();
    const questions = await Promise.all(members.map((asker) => app.ask(asker, category.id)));
    await fold(); // the questions asked are in the rollups; what follows is deltas only

    // Every member answers every other member's question at once: the same day and category for every writer.
    const answers = await Promise.all(members.flatMap((author, i) => questions.map((q, j) => ({ q, j })).filter(({ j }) => j !== i)
      .map(async ({ q, j }) => ({ j, answer: await app.answer(author, q.id) }))));
    await Promise.all(members.map((asker, j) => app.acceptAnswer(asker, answers.find((a) => a.j === j)!.answer.id)));
    await Promise.all(members.map((asker) => app.ask(asker, category.id)));
    // Their report facts are refreshed after commit (the fold job's first step, or the next report).
    await app.provider(ReportsRepository).refreshNotedFacts(false);
    // Each refresh appended its own rows; none updated a rollup row (their sums still say six unanswered questions).
    expect(Object.values(await unfoldedDeltas(app.db)).every((n) => n > 0)).toBe(true);
    expect(await app.db.query(`SELECT figure, n FROM report_day_figures WHERE category_id = $1 ORDER BY figure`, [category.id]))
      .toEqual([{ figure: 'cohort', n: 6 }, { figure: 'outcome:UNANSWERED', n: 6 }]);

    const asOf = app.clock.now();
    const report = { from, to: new Date(asOf.getTime() + HOUR), asOf, categoryId: category.id, bucket: 'DAY' };
    await expectRollupCurrent();
    await expectAgreement(report);
    const before = await app.provider(ReportsService).deflection(report);
    expect(before.cohortSize).toBe(12);
    expect(before.outcomes.find((o) => o.outcome === 'PEER_SOLVED')?.count).toBe(6);

    // Two processes folding at once: one takes the lock, the other leaves it to it; nothing is counted twice.
    const job = app.provider(RollupFoldJob);
    const folded = await Promise.all([job.runOnce(), app.provider(ReportsRepository).foldRollupDeltas()]);
    expect(folded.filter((n) => n > 0).length).toBeLessThanOrEqual(1);
    await fold();
    await expectRollupCurrent();
    await expectAgreement(report);
    expect(await app.provider(ReportsService).deflection(report)).toEqual(before);
  });
});
