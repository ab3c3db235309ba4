import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

const HOUR = 3600;
const OUTCOME_NAMES = ['PEER_SOLVED', 'PEER_SOLVED_AFTER_ESCALATION', 'STAFF_SOLVED', 'STAFF_SOLVED_PRIVATELY', 'SELF_SOLVED',
  'ANSWERED_UNSOLVED_PEER_ONLY', 'ANSWERED_UNSOLVED_STAFF', 'UNANSWERED'];
const outcomes = (counts: Record<string, number>) => OUTCOME_NAMES.map((outcome) => ({ outcome, count: counts[outcome] ?? 0 }));
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

const RATE = '{ numerator denominator value }';
const ENDORSE = `mutation ($id: ID!) { endorseAnswer(answerId: $id) { id authorKind endorsedByStaff } }`;
const REPORT = `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) {
  cohortSize outcomes { outcome count }
  peerDeflectionRate ${RATE} peerAnswerRate ${RATE} staffTouchRate ${RATE} acceptedAnswerRate ${RATE}
  endorsedPeerSolutions solvedQuestionViewsByOthers viewsPerQuestionAsked ${RATE}
  escalationRate ${RATE} escalationRateByReason { reason rate ${RATE} } breachRate ${RATE}
  responseTimes { firstResponse { count } firstPeerAnswer { count } firstStaffResponseAfterEscalation { count } timeToAcceptedAnswer { count } }
  superusers { peerAnswerers peerAnswersByTopPercent ${RATE} peerAnswersByTopTen ${RATE} peerSolvedByTopPercent ${RATE} peerSolvedByTopTen ${RATE}
               answererBuckets { bucket answerers answers } }
  series { bucketStart cohortSize outcomes { outcome count } peerDeflectionRate ${RATE} }
  byCategory { category { id name } cohortSize peerDeflectionRate ${RATE} } } }`;

/** Splits RFC 4180 text into rows of fields (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

describe('deflection report', () => {
  let app: TestApp;
  let manager: TestUser;
  let from: Date;
  let to: Date;
  let asOf: Date;
  let alpha: { id: string };
  let beta: { id: string };
  let member: TestUser, staff: TestUser, moderator: TestUser;
  let endorsed: Record<'a1' | 'a3' | 'a5' | 'a6', string>;

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    const asker = await app.member('Asker');
    const peer1 = await app.member('Peer One');
    const peer2 = await app.member('Peer Two');
    const promoted = await app.member('Soon Staff');
    const volunteer = await app.userWithRole('MODERATOR', 'COMMUNITY', 'Volunteer Mod');
    staff = await app.userWithRole('STAFF');
    moderator = await app.userWithRole('MODERATOR', 'COMMUNITY');
    manager = await app.userWithRole('MANAGER');
    member = peer2;
    alpha = await app.category({ name: 'Alpha', peerWindowHours: 24, staffResponseHours: 4, businessCalendar: alwaysOpen });
    beta = await app.category({ name: 'Beta', peerWindowHours: 24, staffResponseHours: 4, businessCalendar: alwaysOpen });

    await app.ask(asker, alpha.id); // asked before the period: not in the cohort
    // Move to 01:00 UTC of the next day, so the whole cohort falls in one known day.
    const now = app.clock.now().getTime();
    const midnight = Math.ceil(now / 86_400_000) * 86_400_000;
    app.clock.advance((midnight - now) / 1000 + HOUR);
    from = new Date(midnight);
    to = new Date(midnight + 2 * 86_400_000);

    const accept = async (actor: TestUser, answerId: string) => { const r = await app.acceptAnswer(actor, answerId); expect(r.errors).toBeUndefined(); };
    // Alpha
    const q1 = await app.ask(asker, alpha.id, { tags: ['wifi'] });
    const a1 = await app.answer(peer1, q1.id);
    await accept(asker, a1.id); // PEER_SOLVED
    const q2 = await app.ask(asker, alpha.id);
    const byPromoted = await app.answer(promoted, q2.id);
    expect(byPromoted.authorKind).toBe('PEER');
    await accept(asker, byPromoted.id); // PEER_SOLVED, and stays so after the promotion below
    const q3 = await app.ask(asker, alpha.id);
    const a3 = await app.answer(volunteer, q3.id);
    await accept(asker, a3.id); // PEER_SOLVED: a volunteer moderator is a peer
    const q4 = await app.ask(asker, alpha.id);
    await accept(asker, (await app.answer(asker, q4.id)).id); // SELF_SOLVED
    const q5 = await app.ask(asker, alpha.id);
    const a5 = await app.answer(staff, q5.id);
    await accept(asker, a5.id); // STAFF_SOLVED
    const q6 = await app.ask(asker, alpha.id);
    await app.ok(`mutation ($id: ID!) { escalateQuestion(questionId: $id, reason: "Billing question") { id } }`, { id: q6.id }, moderator);
    app.clock.advance(60);
    const a6 = await app.answer(peer1, q6.id);
    await accept(asker, a6.id); // PEER_SOLVED_AFTER_ESCALATION
    // Beta
    const q7 = await app.ask(asker, beta.id, { tags: ['wifi'] });
    await app.answer(peer2, q7.id); // ANSWERED_UNSOLVED_PEER_ONLY, touched by staff with a comment
    await app.ok(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`,
      { input: { targetType: 'QUESTION', targetId: q7.id, body: 'Which firmware version is it?' } }, staff);
    const q8 = await app.ask(asker, beta.id);
    await app.answer(peer1, q8.id);
    await app.answer(staff, q8.id); // ANSWERED_UNSOLVED_STAFF
    const q9 = await app.ask(asker, beta.id); // UNANSWERED, escalated by the sweep and breached
    const q10 = await app.ask(asker, beta.id);
    const lateAccepted = await app.answer(peer2, q10.id); // accepted only after asOf: unsolved in the report
    const deleted = await app.ask(asker, beta.id);
    await app.db.query('UPDATE questions SET deleted_at = now() WHERE id = $1', [deleted.id]); // no API deletes questions yet

    // Staff endorse two peer solutions and a staff one; an endorsement taken back does not count.
    endorsed = { a1: a1.id, a3: a3.id, a5: a5.id, a6: a6.id };
    for (const id of [a1.id, a3.id, a5.id, a6.id]) await app.ok(ENDORSE, { id }, staff);
    await app.ok(`mutation ($id: ID!) { unendorseAnswer(answerId: $id) { id } }`, { id: a3.id }, staff);
    // Views: the asker's own does not count; two by others of a solved question, one of an unsolved one.
    const view = (id: string, user?: TestUser) => app.ok(`query ($id: ID!) { question(id: $id) { id } }`, { id }, user ?? {});
    await view(q1.id, asker);
    await view(q1.id, peer2);
    await view(q1.id);
    await view(q9.id, peer2);

    await app.setRole(promoted, 'STAFF');
    app.clock.advance(25 * HOUR);
    await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' }); // q9 escalates: UNANSWERED_TIMEOUT
    app.clock.advance(5 * HOUR);
    await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' }); // q9's staff deadline (4h) passes: breached
    asOf = app.clock.now();
    app.clock.advance(60);
    await accept(asker, lateAccepted.id);
    app.clock.advance(20 * HOUR); // past `to`
    await app.ask(asker, beta.id); // asked after the period: not in the cohort
  });
  afterAll(async () => { await app.close(); });

  const report = async (input: Record<string, unknown> = {}, user: TestUser = manager) =>
    (await app.ok<{ deflectionReport: any }>(REPORT, { input: { from, to, asOf, bucket: 'DAY', ...input } }, user)).deflectionReport;

  it('counts every outcome as of asOf, with every rate made of its numerator and denominator', async () => {
    const r = await report();
    expect(r.cohortSize).toBe(10);
    expect(r.outcomes).toEqual(outcomes({
      PEER_SOLVED: 3, PEER_SOLVED_AFTER_ESCALATION: 1, STAFF_SOLVED: 1, SELF_SOLVED: 1,
      ANSWERED_UNSOLVED_PEER_ONLY: 2, ANSWERED_UNSOLVED_STAFF: 1, UNANSWERED: 1,
    }));
    expect(r.peerDeflectionRate).toEqual(rate(3, 10));
    expect(r.peerAnswerRate).toEqual(rate(7, 10));
    expect(r.staffTouchRate).toEqual(rate(3, 10));
    expect(r.acceptedAnswerRate).toEqual(rate(6, 10));
    expect(r.escalationRate).toEqual(rate(2, 10));
    expect(r.escalationRateByReason).toEqual([
      { reason: 'UNANSWERED_TIMEOUT', rate: rate(1, 10) }, { reason: 'UNSOLVED_TIMEOUT', rate: rate(0, 10) },
      { reason: 'MODERATOR', rate: rate(1, 10) }, { reason: 'ASKER_REQUEST', rate: rate(0, 10) },
    ]);
    expect(r.breachRate).toEqual(rate(1, 2));
    expect(r.endorsedPeerSolutions).toBe(2); // q1 and q6; q5 is staff-solved, q3's endorsement was taken back
    expect(r.solvedQuestionViewsByOthers).toBe(2);
    expect(r.viewsPerQuestionAsked).toEqual(rate(3, 10));
    expect(r.responseTimes).toEqual({
      firstResponse: { count: 8 }, firstPeerAnswer: { count: 7 }, firstStaffResponseAfterEscalation: { count: 0 }, timeToAcceptedAnswer: { count: 6 },
    });
    expect(r.superusers).toEqual({
      peerAnswerers: 4,
      peerAnswersByTopPercent: rate(3, 7), peerAnswersByTopTen: rate(7, 7),
      peerSolvedByTopPercent: rate(1, 3), peerSolvedByTopTen: rate(3, 3),
      answererBuckets: [{ bucket: '1', answerers: 2, answers: 2 }, { bucket: '2-5', answerers: 2, answers: 5 },
        { bucket: '6-20', answerers: 0, answers: 0 }, { bucket: '21+', answerers: 0, answers: 0 }],
    });
    expect(r.series).toEqual([
      { bucketStart: from.toISOString(), cohortSize: 10, outcomes: r.outcomes, peerDeflectionRate: rate(3, 10) },
      { bucketStart: new Date(from.getTime() + 86_400_000).toISOString(), cohortSize: 0, outcomes: outcomes({}), peerDeflectionRate: rate(0, 0) },
    ]);
    expect(r.byCategory).toEqual([
      { category: { id: alpha.id, name: 'Alpha' }, cohortSize: 6, peerDeflectionRate: rate(3, 6) },
      { category: { id: beta.id, name: 'Beta' }, cohortSize: 4, peerDeflectionRate: rate(0, 4) },
    ]);
  });

  it('an acceptance after asOf counts once asOf passes it (asOf defaults to now)', async () => {
    const r = await report({ asOf: undefined });
    expect(r.outcomes).toEqual(outcomes({
      PEER_SOLVED: 4, PEER_SOLVED_AFTER_ESCALATION: 1, STAFF_SOLVED: 1, SELF_SOLVED: 1,
      ANSWERED_UNSOLVED_PEER_ONLY: 1, ANSWERED_UNSOLVED_STAFF: 1, UNANSWERED: 1,
    }));
    const before = await report({ asOf: from });
    expect(before.outcomes).toEqual(outcomes({ UNANSWERED: 10 }));
  });

  it('filters by category and by tag, and buckets by week and month', async () => {
    const byBeta = await report({ categoryId: beta.id });
    expect(byBeta.cohortSize).toBe(4);
    expect(byBeta.outcomes).toEqual(outcomes({ ANSWERED_UNSOLVED_PEER_ONLY: 2, ANSWERED_UNSOLVED_STAFF: 1, UNANSWERED: 1 }));
    expect(byBeta.byCategory).toEqual([{ category: { id: beta.id, name: 'Beta' }, cohortSize: 4, peerDeflectionRate: rate(0, 4) }]);
    const wifi = await report({ tag: 'wifi' });
    expect(wifi.outcomes).toEqual(outcomes({ PEER_SOLVED: 1, ANSWERED_UNSOLVED_PEER_ONLY: 1 }));
    expect(wifi.staffTouchRate).toEqual(rate(1, 2));
    const monthly = await report({ bucket: 'MONTH', from: new Date(Date.UTC(2000, 0, 15)), to: new Date(Date.UTC(2000, 3, 1)) });
    expect(monthly.cohortSize).toBe(0);
    expect(monthly.peerDeflectionRate).toEqual(rate(0, 0));
    expect(monthly.series.map((s: any) => s.bucketStart)).toEqual(['2000-01-01T00:00:00.000Z', '2000-02-01T00:00:00.000Z', '2000-03-01T00:00:00.000Z']);
    const weekly = await report({ bucket: 'WEEK', from: new Date(Date.UTC(2025, 0, 1)), to: new Date(Date.UTC(2025, 0, 15)) });
    expect(weekly.series.map((s: any) => s.bucketStart)).toEqual(['2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z', '2025-01-13T00:00:00.000Z']);
  });

  it('refuses a bad period, bucket or category by field', async () => {
    const ask = (input: Record<string, unknown>) => app.gql(REPORT, { input: { from, to, bucket: 'DAY', ...input } }, manager);
    expectInvalid(await ask({ to: from }), ['to']);
    expectInvalid(await ask({ bucket: 'YEAR' }), ['bucket']);
    expectInvalid(await ask({ from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2020, 0, 1)) }), ['bucket']);
    expectError(await ask({ categoryId: 'abc' }), 'NOT_FOUND');
    expectError(await ask({ categoryId: '999999' }), 'NOT_FOUND');
  });

  it('staff endorsement is a label: employees only, authorKind and outcome unchanged', async () => {
    const answer = await app.ok<{ endorseAnswer: any }>(ENDORSE, { id: endorsed.a1 }, staff);
    expect(answer.endorseAnswer).toEqual({ id: endorsed.a1, authorKind: 'PEER', endorsedByStaff: true });
    for (const user of [member, moderator]) expectError(await app.gql(ENDORSE, { id: endorsed.a3 }, user), 'FORBIDDEN');
    expectError(await app.gql(ENDORSE, { id: endorsed.a3 }), 'UNAUTHENTICATED');
    expectError(await app.gql(ENDORSE, { id: '99999999' }, manager), 'NOT_FOUND');
    const unendorsed = await app.ok<{ unendorseAnswer: any }>(
      `mutation ($id: ID!) { unendorseAnswer(answerId: $id) { endorsedByStaff } }`, { id: endorsed.a3 }, manager);
    expect(unendorsed.unendorseAnswer.endorsedByStaff).toBe(false);
    expect((await report()).outcomes.find((o: any) => o.outcome === 'PEER_SOLVED').count).toBe(3);
  });

  it('is for managers and admins only', async () => {
    for (const user of [member, staff, moderator]) expectError(await app.gql(REPORT, { input: { from, to } }, user), 'FORBIDDEN');
    expectError(await app.gql(REPORT, { input: { from, to } }), 'UNAUTHENTICATED');
    expect((await report({}, await app.admin())).cohortSize).toBe(10);
  });

  describe('CSV', () => {
    const csv = (query: string, token?: string) =>
      fetch(`${app.baseUrl}/reports/deflection.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const period = () => `from=${from.toISOString()}&to=${to.toISOString()}&asOf=${asOf.toISOString()}&bucket=DAY`;

    it('holds every figure of the report, per bucket and per category, as an attachment named for the days it covers', async () => {
      const response = await csv(period(), manager.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      // `to` is exclusive: the period covers from's day and the day before to's.
      const lastDay = new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="deflection-${from.toISOString().slice(0, 10)}-to-${lastDay}.csv"`);
      const rows = parseCsv(await response.text());
      expect(rows[0]).toEqual(['section', 'key', 'name', 'cohort_size', ...OUTCOME_NAMES.map((o) => o.toLowerCase()),
        'peer_deflection_numerator', 'peer_deflection_denominator', 'peer_deflection_rate',
        'numerator', 'denominator', 'value', 'median_seconds', 'p90_seconds', 'count']);
      const none6 = ['', '', '', '', '', ''];
      const none12 = Array(12).fill('');
      const share = (section: string, key: string, name: string, numerator: number, denominator: number, value: string) =>
        [section, key, name, ...none12, String(numerator), String(denominator), value, '', '', ''];
      // Response times are the GraphQL report's own, at its resolution.
      const times = (await app.ok<{ deflectionReport: any }>(
        `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { responseTimes {
          firstResponse { medianSeconds p90Seconds count } firstPeerAnswer { medianSeconds p90Seconds count }
          firstStaffResponseAfterEscalation { medianSeconds p90Seconds count } timeToAcceptedAnswer { medianSeconds p90Seconds count } } } }`,
        { input: { from, to, asOf, bucket: 'DAY' } }, manager)).deflectionReport.responseTimes;
      const time = (key: string, name: string, d: { medianSeconds: number | null; p90Seconds: number | null; count: number }) =>
        ['response_time', key, name, ...none12, '', '', '', d.medianSeconds === null ? '' : String(d.medianSeconds), d.p90Seconds === null ? '' : String(d.p90Seconds), String(d.count)];
      expect(times.firstPeerAnswer.medianSeconds).toBeGreaterThan(0);
      expect(rows.slice(1)).toEqual([
        ['total', '', '', '10', '3', '1', '1', '0', '1', '2', '1', '1', '3', '10', '0.3', ...none6],
        ['bucket', from.toISOString(), 'DAY', '10', '3', '1', '1', '0', '1', '2', '1', '1', '3', '10', '0.3', ...none6],
        ['bucket', new Date(from.getTime() + 86_400_000).toISOString(), 'DAY', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '', ...none6],
        ['category', alpha.id, 'Alpha', '6', '3', '1', '1', '0', '1', '0', '0', '0', '3', '6', '0.5', ...none6],
        ['category', beta.id, 'Beta', '4', '0', '0', '0', '0', '0', '2', '1', '1', '0', '4', '0', ...none6],
        share('rate', 'peer_deflection_rate', 'Peer deflection rate', 3, 10, '0.3'),
        share('rate', 'peer_answer_rate', 'Peer answer rate', 7, 10, '0.7'),
        share('rate', 'staff_touch_rate', 'Staff-touch rate', 3, 10, '0.3'),
        share('rate', 'accepted_answer_rate', 'Accepted-answer rate', 6, 10, '0.6'),
        share('rate', 'escalation_rate', 'Escalation rate', 2, 10, '0.2'),
        share('rate', 'breach_rate', 'Staff breach rate', 1, 2, '0.5'),
        share('rate', 'escalation_rate_unanswered_timeout', 'Escalation rate (unanswered timeout)', 1, 10, '0.1'),
        share('rate', 'escalation_rate_unsolved_timeout', 'Escalation rate (unsolved timeout)', 0, 10, '0'),
        share('rate', 'escalation_rate_moderator', 'Escalation rate (moderator)', 1, 10, '0.1'),
        share('rate', 'escalation_rate_asker_request', 'Escalation rate (asker request)', 0, 10, '0'),
        time('first_response', 'First response of any kind', times.firstResponse),
        time('first_peer_answer', 'First peer answer', times.firstPeerAnswer),
        time('first_staff_response_after_escalation', 'First staff response after escalation', times.firstStaffResponseAfterEscalation),
        time('time_to_accepted_answer', 'Time to accepted answer', times.timeToAcceptedAnswer),
        ['superusers', 'peer_answerers', 'Peers who answered', ...none12, '', '', '', '', '', '4'],
        share('superusers', 'peer_answers_by_top_percent', 'Peer answers by the top 1% of peers', 3, 7, String(3 / 7)),
        share('superusers', 'peer_answers_by_top_ten', 'Peer answers by the top 10 peers', 7, 7, '1'),
        share('superusers', 'peer_solved_by_top_percent', 'Peer-solved questions answered by the top 1%', 1, 3, String(1 / 3)),
        share('superusers', 'peer_solved_by_top_ten', 'Peer-solved questions answered by the top 10', 3, 3, '1'),
        // Nobody opened the ask form here: tests/api/search-insights.spec.ts holds these rows to the report's figures.
        ...[['sessions_shown_suggestions', 'Ask sessions shown similar questions'], ['sessions_opened_suggestion', 'Ask sessions that opened a suggestion'],
          ['sessions_opened_solved_suggestion', 'Ask sessions that opened a solved suggestion'], ['sessions_posted', 'Ask sessions that posted a question'],
          ['asks_avoided', 'Asks avoided by a solved suggestion']].map(([key, name]) => ['pre_ask', key, name, ...none12, '', '', '', '', '', '0']),
      ]);
    });

    it('answers 401 signed out, 403 for a member, 400 with field names for a bad period', async () => {
      expect((await csv(period())).status).toBe(401);
      expect((await csv(period(), member.token)).status).toBe(403);
      expect((await csv(period(), (await app.admin()).token)).status).toBe(200);
      const bad = await csv(`from=${to.toISOString()}&to=${from.toISOString()}`, manager.token);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'to' }] });
    });
  });
});
