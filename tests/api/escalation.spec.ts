import { expectError, TestApp, type TestUser } from '../support/test-app';

const HOUR = 3600;

// The test clock is real time plus whatever the test advanced, so instants are compared to the second.
const expectNear = (actualMs: number, expectedMs: number) => expect(Math.abs(actualMs - expectedMs)).toBeLessThan(5000);
const QUEUE = `query ($filter: StaffQueueFilter) { staffQueue(filter: $filter) { totalCount edges { node {
  question { id status } timeLeftSeconds escalation { reason state staffDueAt breached breachedAt firstStaffResponseAt needsInfo { note } assignee { id } } } } } }`;

describe('staff fallback', () => {
  let app: TestApp;
  let asker: TestUser;
  let peer: TestUser;
  let staff: TestUser;
  let moderator: TestUser;
  let manager: TestUser;
  // A 24x7 calendar keeps the staff clock equal to wall-clock time, so deadlines are easy to read here
  // (business-hours arithmetic has its own unit tests in packages/domain).
  const alwaysOpen = { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] };

  beforeAll(async () => {
    app = await TestApp.start();
    [asker, peer, staff, moderator, manager] = [
      await app.member('Asker'), await app.member('Peer'), await app.userWithRole('STAFF'),
      await app.userWithRole('MODERATOR', 'COMMUNITY'), await app.userWithRole('MANAGER'),
    ];
    // The asker and the peer post many times an hour here; a NEW member's limits would refuse them (tests/api/trust-rate-limits.spec.ts).
    for (const member of [asker, peer]) await app.setTrustLevel(member, 'MEMBER');
  });
  afterAll(async () => { await app.close(); });

  const newCategory = (overrides: Record<string, unknown> = {}) =>
    app.category({ peerWindowHours: 24, unsolvedWindowHours: 72, staffResponseHours: 4, businessCalendar: alwaysOpen, ...overrides });

  async function sweep(): Promise<{ escalated: string[]; breached: string[] }> {
    const response = await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' });
    expect(response.status).toBe(200);
    return response.json() as Promise<{ escalated: string[]; breached: string[] }>;
  }

  async function events(questionId: string): Promise<string[]> {
    const rows: Array<{ type: string; reason: string | null }> = await app.db.query(
      'SELECT type, reason FROM escalation_events WHERE question_id = $1 ORDER BY id', [questionId]);
    return rows.map((r) => (r.reason ? `${r.type}:${r.reason}` : r.type));
  }

  const queue = async (filter: Record<string, unknown> = {}) =>
    (await app.ok<{ staffQueue: any }>(QUEUE, { filter }, staff)).staffQueue;

  it('escalates an unanswered question once its peer window passes, exactly once', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    app.clock.advance(24 * HOUR - 60);
    expect((await sweep()).escalated).not.toContain(question.id);
    app.clock.advance(60);
    expect((await sweep()).escalated).toContain(question.id);
    expect((await sweep()).escalated).not.toContain(question.id);
    expect(await events(question.id)).toEqual(['ESCALATED:UNANSWERED_TIMEOUT']);
    const data = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { status escalation { reason state staffDueAt } } }`, { id: question.id });
    expect(data.question.status).toBe('ESCALATED');
    expect(data.question.escalation.reason).toBe('UNANSWERED_TIMEOUT');
    expectNear(Date.parse(data.question.escalation.staffDueAt), app.clock.now().getTime() + 4 * HOUR * 1000);
  });

  it('a peer answer within the window prevents UNANSWERED_TIMEOUT; a staff answer does not', async () => {
    const category = await newCategory();
    const helped = await app.ask(asker, category.id);
    const staffOnly = await app.ask(asker, category.id);
    await app.answer(peer, helped.id);
    await app.answer(staff, staffOnly.id);
    app.clock.advance(25 * HOUR);
    const { escalated } = await sweep();
    expect(escalated).toContain(staffOnly.id);
    expect(escalated).not.toContain(helped.id);
    expect(await events(staffOnly.id)).toEqual(['ESCALATED:UNANSWERED_TIMEOUT']);
  });

  it('escalates a peer-answered but unsolved question after the unsolved window, and not a solved one', async () => {
    const category = await newCategory();
    const unsolved = await app.ask(asker, category.id);
    const solved = await app.ask(asker, category.id);
    await app.answer(peer, unsolved.id);
    const answer = await app.answer(peer, solved.id);
    await app.ok(`mutation ($id: ID!) { acceptAnswer(answerId: $id) { id } }`, { id: answer.id }, asker);
    app.clock.advance(72 * HOUR);
    const { escalated } = await sweep();
    expect(escalated).toContain(unsolved.id);
    expect(escalated).not.toContain(solved.id);
    expect(await events(unsolved.id)).toEqual(['ESCALATED:UNSOLVED_TIMEOUT']);
  });

  it("gives a member's first question the fast lane", async () => {
    const category = await newCategory({ fastLanePeerWindowHours: 2 });
    const newcomer = await app.member('Newcomer');
    const first = await app.ask(newcomer, category.id);
    const second = await app.ask(newcomer, category.id);
    app.clock.advance(2 * HOUR);
    const { escalated } = await sweep();
    expect(escalated).toContain(first.id);
    expect(escalated).not.toContain(second.id);
  });

  it('lets a moderator escalate at any time with a note, and refuses members', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    const escalate = `mutation ($q: ID!, $r: String!) { escalateQuestion(questionId: $q, reason: $r) { reason note state } }`;
    expectError(await app.gql(escalate, { q: question.id, r: 'Billing error' }, asker), 'FORBIDDEN');
    expectError(await app.gql(escalate, { q: question.id, r: 'Billing error' }, peer), 'FORBIDDEN');
    expect(expectError(await app.gql(escalate, { q: question.id, r: '  ' }, moderator), 'VALIDATION_FAILED').extensions.fields).toEqual([
      { field: 'reason', message: 'Say why this needs our team, for whoever picks it up.' },
    ]);
    const data = await app.ok<{ escalateQuestion: any }>(escalate, { q: question.id, r: 'Outage in Cork' }, moderator);
    expect(data.escalateQuestion).toEqual({ reason: 'MODERATOR', note: 'Outage in Cork', state: 'WAITING' });
    expectError(await app.gql(escalate, { q: question.id, r: 'again' }, moderator), 'CONFLICT');
    expect(await events(question.id)).toEqual(['ESCALATED:MODERATOR']);
  });

  it('lets the asker ask for staff only after the peer window, and only the asker', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    const request = `mutation ($q: ID!) { requestStaffHelp(questionId: $q) { reason } }`;
    expectError(await app.gql(request, { q: question.id }, asker), 'CONFLICT');
    await app.answer(peer, question.id);
    app.clock.advance(24 * HOUR);
    expectError(await app.gql(request, { q: question.id }, peer), 'FORBIDDEN');
    expect((await app.ok<{ requestStaffHelp: any }>(request, { q: question.id }, asker)).requestStaffHelp).toEqual({ reason: 'ASKER_REQUEST' });
    expect(await events(question.id)).toEqual(['ESCALATED:ASKER_REQUEST']);
  });

  it("tells only the asker whether they may ask for staff, why not and from when", async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    const STAFF_HELP = `query ($id: ID!) { question(id: $id) { createdAt staffHelp { allowed refusal peerWindowHours availableAt } } }`;
    const staffHelp = async (viewer?: TestUser) => (await app.ok<{ question: any }>(STAFF_HELP, { id: question.id }, viewer)).question;

    const before = await staffHelp(asker);
    expect(before.staffHelp).toMatchObject({ allowed: false, refusal: 'PEER_WINDOW_OPEN', peerWindowHours: 24 });
    expect(Date.parse(before.staffHelp.availableAt)).toBe(Date.parse(before.createdAt) + 24 * HOUR * 1000);
    for (const other of [peer, staff, moderator, undefined]) expect((await staffHelp(other)).staffHelp).toBeNull();

    app.clock.advance(24 * HOUR);
    expect((await staffHelp(asker)).staffHelp).toEqual({ allowed: true, refusal: null, peerWindowHours: 24, availableAt: null });
    await app.ok(`mutation ($q: ID!) { requestStaffHelp(questionId: $q) { reason } }`, { q: question.id }, asker);
    expect((await staffHelp(asker)).staffHelp).toEqual({ allowed: false, refusal: 'ALREADY_WITH_STAFF', peerWindowHours: 24, availableAt: null });

    const answer = await app.answer(peer, question.id);
    await app.ok(`mutation ($id: ID!) { acceptAnswer(answerId: $id) { status } }`, { id: answer.id }, asker);
    expect((await staffHelp(asker)).staffHelp).toEqual({ allowed: false, refusal: 'ANSWER_ACCEPTED', peerWindowHours: 24, availableAt: null });
  });

  it('keeps the staff queue from members, and shows it to staff ordered by deadline with claim/assign/release', async () => {
    expectError(await app.gql(QUEUE, {}, asker), 'FORBIDDEN');
    expectError(await app.gql(QUEUE, {}), 'UNAUTHENTICATED');
    const category = await newCategory();
    const later = await app.ask(asker, category.id);
    app.clock.advance(HOUR);
    const sooner = await app.ask(asker, category.id);
    for (const q of [sooner, later]) await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "check") { id } }`, { q: q.id }, moderator);
    // Escalated in the order sooner, later: later's deadline is after sooner's.
    const items = (await queue({ categoryId: category.id })).edges.map((e: any) => e.node);
    expect(items.map((i: any) => i.question.id)).toEqual([sooner.id, later.id]);
    expectNear(items[0].timeLeftSeconds * 1000, 4 * HOUR * 1000);

    const claim = `mutation ($q: ID!) { claimEscalation(questionId: $q) { state assignee { id } } }`;
    expectError(await app.gql(claim, { q: sooner.id }, asker), 'FORBIDDEN');
    expectError(await app.gql(claim, { q: sooner.id }, moderator), 'FORBIDDEN');
    expect((await app.ok<{ claimEscalation: any }>(claim, { q: sooner.id }, staff)).claimEscalation).toEqual({ state: 'ASSIGNED', assignee: { id: staff.id } });
    expect((await queue({ categoryId: category.id, state: 'ASSIGNED' })).totalCount).toBe(1);
    expect((await queue({ categoryId: category.id, assigneeId: staff.id })).edges[0].node.question.id).toBe(sooner.id);

    const assign = `mutation ($q: ID!, $u: ID!) { assignEscalation(questionId: $q, userId: $u) { assignee { id } } }`;
    expect(expectError(await app.gql(assign, { q: later.id, u: peer.id }, staff), 'VALIDATION_FAILED').extensions.fields?.[0].field).toBe('userId');
    const colleague = await app.userWithRole('STAFF');
    expect((await app.ok<{ assignEscalation: any }>(assign, { q: later.id, u: colleague.id }, staff)).assignEscalation.assignee.id).toBe(colleague.id);
    await app.ok(`mutation ($q: ID!) { releaseEscalation(questionId: $q) { state } }`, { q: later.id }, colleague);
    expect((await queue({ categoryId: category.id, state: 'WAITING' })).edges.map((e: any) => e.node.question.id)).toEqual([later.id]);
    expect(await events(later.id)).toEqual(['ESCALATED:MODERATOR', 'ASSIGNED', 'RELEASED']);
  });

  it('records a breach at the deadline by the sweep, and by a late staff response', async () => {
    const category = await newCategory();
    const ignored = await app.ask(asker, category.id);
    const late = await app.ask(asker, category.id);
    const onTime = await app.ask(asker, category.id);
    for (const q of [ignored, late, onTime]) await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "x") { id } }`, { q: q.id }, moderator);
    const mine = (ids: string[]) => ids.filter((id) => [ignored.id, late.id, onTime.id].includes(id));
    app.clock.advance(HOUR);
    await app.answer(staff, onTime.id, 'Our engineers have reset your line; it should be stable now.');
    app.clock.advance(3 * HOUR - 60);
    expect(mine((await sweep()).breached)).toEqual([]);
    app.clock.advance(60);
    await app.answer(staff, late.id, 'Sorry for the wait: your refund has been issued today.');
    expect(mine((await sweep()).breached)).toEqual([ignored.id]);
    expect(mine((await sweep()).breached)).toEqual([]);

    const states = await app.db.query(
      `SELECT question_id::text AS id, staff_due_at, breached_at, first_staff_response_at FROM escalations WHERE question_id = ANY($1)`,
      [[ignored.id, late.id, onTime.id]]);
    const byId = Object.fromEntries(states.map((s: any) => [s.id, s]));
    // A breach is dated at the deadline that was missed, not when someone noticed.
    expect(byId[ignored.id].breached_at?.getTime()).toBe(byId[ignored.id].staff_due_at.getTime());
    expect(byId[late.id].breached_at?.getTime()).toBe(byId[late.id].staff_due_at.getTime());
    expect(byId[onTime.id].breached_at).toBeNull();
    expect(await events(late.id)).toEqual(['ESCALATED:MODERATOR', 'STAFF_RESPONDED', 'BREACHED']);
    expect(await events(ignored.id)).toEqual(['ESCALATED:MODERATOR', 'BREACHED']);
    expect((await queue({ categoryId: category.id, state: 'BREACHED' })).totalCount).toBe(2);
  });

  it('pauses the staff clock while waiting on the asker, until the asker edits the question', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "x") { id } }`, { q: question.id }, moderator);
    const [{ staff_due_at: due }] = await app.db.query('SELECT staff_due_at FROM escalations WHERE question_id = $1', [question.id]);
    app.clock.advance(HOUR);
    const mark = `mutation ($q: ID!) { markNeedsInfo(questionId: $q, note: "Which router model?") { state staffDueAt needsInfo { note } } }`;
    expectError(await app.gql(mark, { q: question.id }, asker), 'FORBIDDEN');
    expect((await app.ok<{ markNeedsInfo: any }>(mark, { q: question.id }, staff)).markNeedsInfo).toEqual({ state: 'NEEDS_INFO', staffDueAt: null, needsInfo: { note: 'Which router model?' } });
    app.clock.advance(10 * HOUR);
    expect((await sweep()).breached).not.toContain(question.id);
    // Someone else's edit does not count as the asker replying.
    await app.ok(`mutation ($id: ID!) { editQuestion(input: { id: $id, body: "Edited by a moderator to fix the formatting.", reason: "Formatting" }) { id } }`, { id: question.id }, moderator);
    expect((await queue({ categoryId: category.id })).edges[0].node.escalation.state).toBe('NEEDS_INFO');
    await app.ok(`mutation ($id: ID!) { editQuestion(input: { id: $id, body: "It is the Hub 5, firmware 1.2.3, in bridge mode." }) { id } }`, { id: question.id }, asker);
    const item = (await queue({ categoryId: category.id })).edges[0].node;
    expect(item.escalation.state).toBe('WAITING');
    expectNear(Date.parse(item.escalation.staffDueAt), due.getTime() + 10 * HOUR * 1000);
    expect(await events(question.id)).toEqual(['ESCALATED:MODERATOR', 'NEEDS_INFO', 'RESUMED']);
  });

  it('returns a question to the community: it leaves the queue, with the event recorded', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.answer(peer, question.id);
    await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "x") { id } }`, { q: question.id }, moderator);
    const back = `mutation ($q: ID!, $r: String!) { returnToCommunity(questionId: $q, reason: $r) { closedAt closeReason } }`;
    expectError(await app.gql(back, { q: question.id, r: 'peer answered' }, asker), 'FORBIDDEN');
    expectError(await app.gql(back, { q: question.id, r: 'peer answered' }, manager), 'FORBIDDEN');
    const data = await app.ok<{ returnToCommunity: any }>(back, { q: question.id, r: 'A peer answered meanwhile' }, staff);
    expect(data.returnToCommunity.closeReason).toBe('RETURNED_TO_COMMUNITY');
    expect((await queue({ categoryId: category.id })).totalCount).toBe(0);
    const status = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { status } }`, { id: question.id });
    expect(status.question.status).toBe('ANSWERED');
    expect(await events(question.id)).toEqual(['ESCALATED:MODERATOR', 'RETURNED_TO_COMMUNITY']);
  });

  it('solves an escalated question by a peer answer accepted later, closing the escalation', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    app.clock.advance(24 * HOUR);
    await sweep();
    const answer = await app.answer(peer, question.id);
    await app.ok(`mutation ($id: ID!) { acceptAnswer(answerId: $id) { status } }`, { id: answer.id }, asker);
    expect((await queue({ categoryId: category.id })).totalCount).toBe(0);
    expect(await events(question.id)).toEqual(['ESCALATED:UNANSWERED_TIMEOUT', 'SOLVED']);
    const data = await app.ok<{ question: any }>(`query ($id: ID!) { question(id: $id) { status escalation { closeReason } } }`, { id: question.id });
    expect(data.question).toEqual({ status: 'SOLVED', escalation: { closeReason: 'SOLVED' } });
  });

  it("counts a staff comment as the first staff response, and an asker's comment resumes the paused clock", async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    await app.ok(`mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "x") { id } }`, { q: question.id }, moderator);
    const comment = `mutation ($q: ID!, $b: String!) { postComment(input: { targetType: QUESTION, targetId: $q, body: $b }) { id } }`;
    await app.ok(`mutation ($q: ID!) { markNeedsInfo(questionId: $q, note: "Which router model?") { id } }`, { q: question.id }, staff);
    await app.ok(comment, { q: question.id, b: 'A neighbour here: same problem on my street.' }, peer);
    expect((await queue({ categoryId: category.id })).edges[0].node.escalation.state).toBe('NEEDS_INFO');
    await app.ok(comment, { q: question.id, b: 'It is the Hub 5 in bridge mode.' }, asker);
    await app.ok(comment, { q: question.id, b: 'Thanks, we are checking the line now.' }, staff);
    const item = (await queue({ categoryId: category.id })).edges[0].node;
    expect(item.escalation.state).toBe('WAITING');
    expect(item.escalation.firstStaffResponseAt).not.toBeNull();
    expect(await events(question.id)).toEqual(['ESCALATED:MODERATOR', 'NEEDS_INFO', 'RESUMED', 'STAFF_RESPONDED']);
  });

  it('tells the asker when staff will answer, staff of the new escalation, and managers of a breach', async () => {
    const category = await newCategory();
    const question = await app.ask(asker, category.id);
    app.clock.advance(24 * HOUR);
    await sweep();
    const inbox = async (user: TestUser) => (await app.ok<{ notifications: any }>(
      `{ notifications(first: 50) { edges { node { kind message payload } } } }`, {}, user)).notifications.edges
      .map((e: any) => e.node);
    const askerNews = (await inbox(asker)).filter((n: any) => n.kind === 'QUESTION_ESCALATED');
    expect(askerNews[0].message).toMatch(/^Your question .* was passed to our team\. Our team will answer by /);
    expect((await inbox(staff)).some((n: any) => n.kind === 'QUESTION_ESCALATED')).toBe(true);
    app.clock.advance(5 * HOUR);
    expect((await sweep()).breached).toContain(question.id);
    expect((await inbox(manager)).some((n: any) => n.kind === 'ESCALATION_BREACHED')).toBe(true);
  });

  it('escalates each of 1,000 due questions exactly once when three sweeps race', async () => {
    const category = await newCategory();
    const now = app.clock.now();
    await app.db.query(
      `INSERT INTO questions (category_id, author_id, title, body, body_html, status, created_at, updated_at, last_activity_at,
                              community_due_at, community_due_trigger)
       SELECT $1, $2, 'Due question number ' || g, 'A question whose peer window has passed.', '<p>x</p>', 'OPEN',
              $3::timestamptz - interval '2 days', $3, $3, $3::timestamptz - interval '1 hour', 'UNANSWERED_TIMEOUT'
         FROM generate_series(1, 1000) g`,
      [category.id, asker.id, now],
    );
    const results = await Promise.all([sweep(), sweep(), sweep()]);
    const escalated = results.flatMap((r) => r.escalated);
    expect(new Set(escalated).size).toBe(escalated.length);
    const [{ count, questions }] = await app.db.query(
      `SELECT count(*)::int AS count, count(DISTINCT e.question_id)::int AS questions FROM escalations e JOIN questions q ON q.id = e.question_id
        WHERE q.category_id = $1`, [category.id]);
    expect({ count, questions }).toEqual({ count: 1000, questions: 1000 });
    expect(escalated.length).toBe(1000);
  });
});

describe('test-only routes', () => {
  it('answer 404 outside NODE_ENV=test', async () => {
    const app = await TestApp.start({ NODE_ENV: 'production' });
    try {
      for (const route of ['/test/clock', '/test/sweep']) {
        const response = await fetch(`${app.baseUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds":60}' });
        expect(response.status).toBe(404);
      }
    } finally {
      await app.close();
    }
  });

  it('move the clock forward in NODE_ENV=test', async () => {
    const app = await TestApp.start();
    try {
      const before = app.clock.now().getTime();
      const response = await fetch(`${app.baseUrl}/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds":3600}' });
      expect(response.status).toBe(200);
      const { now } = (await response.json()) as { now: string };
      expect(Date.parse(now) - before).toBeGreaterThanOrEqual(3600 * 1000);
      expect(Date.parse(now) - before).toBeLessThan(3660 * 1000);
    } finally {
      await app.close();
    }
  });
});
