import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

/**
 * The manager's moderation figures: flags, holds, decisions and suspensions made through the API with the
 * adjustable clock across several days, then every figure of the report (per DAY, WEEK and MONTH, and for the
 * whole period) checked against a computation in plain TypeScript over the raw rows, and the main totals
 * against what the test did.
 */

const HOUR = 3600;
const REASONS = ['FLAGGED', 'NEW_MEMBER', 'SILENCED', 'SPAM_CHECK'] as const;
const FIGURES = `flagsRaised flagsHandled reviewsDecided medianDecisionHours suspensions
  holds { reason held decided approved approvedShare { numerator denominator value } }`;
const REPORT = `query ($input: ModerationReportInput!) { moderationReport(input: $input) {
  from to bucket totals { ${FIGURES} } series { bucketStart ${FIGURES} } } }`;
const FLAG = `mutation ($input: FlagInput!) { flag(input: $input) { id } }`;
const QUEUE = `query { reviewQueue(first: 100) { edges { node { id targetId reason } } } }`;
const RESOLVE = `mutation ($id: ID!, $action: ReviewAction!, $note: String) { resolveReview(id: $id, action: $action, note: $note) { id } }`;
const SUSPEND = `mutation ($id: ID!, $until: DateTime!, $reason: String!) { suspendUser(userId: $id, until: $until, reason: $reason) { id } }`;
const SILENCE = `mutation ($id: ID!, $until: DateTime!, $reason: String!) { silenceUser(userId: $id, until: $until, reason: $reason) { id } }`;

type Bucket = 'DAY' | 'WEEK' | 'MONTH';
interface Hold { reason: string; held: number; decided: number; approved: number; approvedShare: { numerator: number; denominator: number; value: number | null } }
interface Figures { flagsRaised: number; flagsHandled: number; reviewsDecided: number; medianDecisionHours: number | null; suspensions: number; holds: Hold[] }
interface Report { from: string; to: string; bucket: string; totals: Figures; series: Array<Figures & { bucketStart: string }> }

/** The first instant of the UTC bucket holding `at` (weeks start on Monday). */
function bucketOf(at: Date, bucket: Bucket): number {
  const [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()];
  if (bucket === 'MONTH') return Date.UTC(y, m, 1);
  if (bucket === 'DAY') return Date.UTC(y, m, d);
  return Date.UTC(y, m, d - ((at.getUTCDay() + 6) % 7));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Rows {
  flags: Array<{ created_at: Date; decided_at: Date | null }>;
  items: Array<{ reason: string; created_at: Date; decided_at: Date | null; decision: string | null }>;
  suspensions: Array<{ created_at: Date }>;
}

/** The figures over the raw rows, for the events in [from, to) that `keep` selects (a bucket, or every one). */
function oracle(rows: Rows, from: Date, to: Date, keep: (at: Date) => boolean): Figures {
  const inside = (at: Date | null): at is Date => at !== null && at >= from && at < to && keep(at);
  const decided = rows.items.filter((item) => inside(item.decided_at));
  return {
    flagsRaised: rows.flags.filter((f) => inside(f.created_at)).length,
    flagsHandled: rows.flags.filter((f) => inside(f.decided_at)).length,
    reviewsDecided: decided.length,
    medianDecisionHours: median(decided.map((item) => (item.decided_at!.getTime() - item.created_at.getTime()) / 3_600_000)),
    suspensions: rows.suspensions.filter((s) => inside(s.created_at)).length,
    holds: REASONS.map((reason) => {
      const held = rows.items.filter((item) => item.reason === reason && inside(item.created_at));
      const heldDecided = held.filter((item) => item.decided_at !== null).length;
      const approved = held.filter((item) => item.decision === 'APPROVE').length;
      return { reason, held: held.length, decided: heldDecided, approved,
        approvedShare: { numerator: approved, denominator: heldDecided, value: heldDecided === 0 ? null : approved / heldDecided } };
    }),
  };
}

/** The report's figures with the median rounded, to compare with toEqual (the median checked apart, closely). */
function comparable(figures: Figures, expected: Figures, where: string): void {
  const { medianDecisionHours, ...rest } = figures;
  const { medianDecisionHours: expectedMedian, ...expectedRest } = expected;
  expect({ where, ...rest }).toEqual({ where, ...expectedRest });
  if (expectedMedian === null) expect({ where, medianDecisionHours }).toEqual({ where, medianDecisionHours: null });
  else expect(medianDecisionHours).toBeCloseTo(expectedMedian, 6);
}

describe('the moderation report', () => {
  let app: TestApp;
  let manager: TestUser;
  let moderator: TestUser;
  let categoryId: string;
  let from: Date;
  let to: Date;

  const memberAt = async (level: 'NEW' | 'MEMBER') => {
    const user = await app.member();
    if (level !== 'NEW') await app.setTrustLevel(user, level);
    return user;
  };
  const openItem = async (targetId: string) => {
    const data = await app.ok<{ reviewQueue: { edges: Array<{ node: { id: string; targetId: string } }> } }>(QUEUE, {}, moderator);
    return data.reviewQueue.edges.map((e) => e.node).find((item) => item.targetId === targetId)!.id;
  };
  const resolve = async (targetId: string, action: string, note?: string) =>
    app.ok(RESOLVE, { id: await openItem(targetId), action, note }, moderator);
  const flag = (user: TestUser, targetId: string, targetType = 'QUESTION') => app.ok(FLAG, { input: { targetType, targetId, reason: 'SPAM' } }, user);
  const report = async (bucket: Bucket, viewer: TestUser = manager) =>
    (await app.ok<{ moderationReport: Report }>(REPORT, { input: { from: from.toISOString(), to: to.toISOString(), bucket } }, viewer)).moderationReport;
  const suspendUntil = () => new Date(app.clock.now().getTime() + 7 * 86_400_000).toISOString();

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off', NEW_MEMBER_REVIEW_POSTS: '1', FLAG_HIDE_THRESHOLD: '50' });
    manager = await app.userWithRole('MANAGER');
    moderator = await app.userWithRole('MODERATOR');
    categoryId = (await app.category()).id;

    // Before the period: a flag and a suspension that must not count.
    const early = await memberAt('MEMBER');
    const earlyQuestion = (await app.ask(early, categoryId)).id;
    await flag(await memberAt('MEMBER'), earlyQuestion);
    await app.ok(SUSPEND, { id: (await memberAt('MEMBER')).id, until: suspendUntil(), reason: 'Before the period.' }, moderator);
    app.clock.advance(HOUR);
    from = app.clock.now();

    // Day 0: a new member's first post is held; a member's question is flagged twice; a silenced member's post is held.
    const newcomer = await memberAt('NEW');
    const held = (await app.ask(newcomer, categoryId)).id;
    const regular = await memberAt('MEMBER');
    const flagged = (await app.ask(regular, categoryId)).id;
    await flag(await memberAt('MEMBER'), flagged);
    await flag(await memberAt('MEMBER'), flagged);
    const silenced = await memberAt('MEMBER');
    await app.ok(SILENCE, { id: silenced.id, until: suspendUntil(), reason: 'Heated threads.' }, moderator);
    const silencedPost = (await app.ask(silenced, categoryId)).id;
    // The early flag's item is decided now: its flag is handled within the period though raised before it.
    app.clock.advance(5 * HOUR);
    await resolve(held, 'APPROVE');
    await resolve(earlyQuestion, 'APPROVE');

    // Day 1: the flagged question is hidden (two flags handled); another newcomer's post is held.
    app.clock.advance(20 * HOUR);
    await resolve(flagged, 'HIDE', 'Spam link.');
    const second = await memberAt('NEW');
    const secondPost = (await app.ask(second, categoryId)).id;
    const third = await memberAt('NEW');
    const thirdPost = (await app.ask(third, categoryId)).id;

    // Day 3: the silenced member's post is hidden and its author suspended; a member is suspended by hand.
    app.clock.advance(50 * HOUR);
    await resolve(silencedPost, 'SUSPEND_AUTHOR', 'Abuse.');
    await app.ok(SUSPEND, { id: (await memberAt('MEMBER')).id, until: suspendUntil(), reason: 'Threats.' }, moderator);

    // Day 9 (another week): the second newcomer's post is deleted, the third's approved; a new flag stays open.
    app.clock.advance(6 * 24 * HOUR);
    await resolve(secondPost, 'DELETE', 'Spam.');
    await resolve(thirdPost, 'APPROVE');
    const open = (await app.ask(regular, categoryId)).id;
    await flag(await memberAt('MEMBER'), open);
    app.clock.advance(HOUR);
    to = app.clock.now();

    // After the period: a flag and its decision that must not count.
    app.clock.advance(HOUR);
    await flag(await memberAt('MEMBER'), (await app.ask(regular, categoryId)).id);
  }, 120_000);

  afterAll(() => app?.close());

  it('adds up to what the test did over the whole period', async () => {
    const { totals } = await report('WEEK');
    expect(totals.flagsRaised).toBe(3);
    expect(totals.flagsHandled).toBe(3); // the early flag and the two on the hidden question
    expect(totals.reviewsDecided).toBe(6);
    expect(totals.suspensions).toBe(2);
    expect(totals.holds.map((h) => [h.reason, h.held, h.decided, h.approved])).toEqual([
      ['FLAGGED', 2, 1, 0], ['NEW_MEMBER', 3, 3, 2], ['SILENCED', 1, 1, 0], ['SPAM_CHECK', 0, 0, 0],
    ]);
    expect(totals.holds[1].approvedShare).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(totals.holds[3].approvedShare.value).toBeNull();
    // Decisions after 5 h (twice: one of them on an item opened an hour before the period), 25 h, 75 h, 8 days and 8 days:
    // the median lies between the third and fourth, so 50 h give or take the seconds the requests took.
    expect(totals.medianDecisionHours).toBeGreaterThan(45);
    expect(totals.medianDecisionHours).toBeLessThan(55);
  });

  it.each(['DAY', 'WEEK', 'MONTH'] as const)('matches a computation over the raw rows, per %s and in total', async (bucket) => {
    const rows: Rows = {
      flags: await app.db.query('SELECT created_at, decided_at FROM flags'),
      items: await app.db.query('SELECT reason, created_at, decided_at, decision FROM review_items'),
      suspensions: await app.db.query(`SELECT created_at FROM audit_log WHERE action = 'USER_SUSPENDED'`),
    };
    const result = await report(bucket);
    expect(result.bucket).toBe(bucket);
    comparable(result.totals, oracle(rows, from, to, () => true), 'totals');

    const starts: number[] = [];
    for (let start = bucketOf(from, bucket); start < to.getTime();) {
      starts.push(start);
      const d = new Date(start);
      start = bucket === 'MONTH' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : start + (bucket === 'DAY' ? 1 : 7) * 86_400_000;
    }
    expect(result.series.map((s) => Date.parse(s.bucketStart))).toEqual(starts);
    for (const { bucketStart, ...figures } of result.series) {
      comparable(figures, oracle(rows, from, to, (at) => bucketOf(at, bucket) === Date.parse(bucketStart)), `${bucket} ${bucketStart}`);
    }
    // The buckets add up to the totals (each event falls in exactly one).
    const sum = (pick: (f: Figures) => number) => result.series.reduce((n, s) => n + pick(s), 0);
    expect(sum((f) => f.flagsRaised)).toBe(result.totals.flagsRaised);
    expect(sum((f) => f.holds[1].held)).toBe(result.totals.holds[1].held);
  });

  it('answers admins, and refuses members, moderators and staff', async () => {
    expect((await report('MONTH', await app.admin())).totals.suspensions).toBe(2);
    for (const role of ['MEMBER', 'MODERATOR', 'STAFF'] as const) {
      const viewer = role === 'MODERATOR' ? moderator : await app.userWithRole(role);
      expectError(await app.gql(REPORT, { input: { from: from.toISOString(), to: to.toISOString(), bucket: 'DAY' } }, viewer), 'FORBIDDEN');
    }
    expectError(await app.gql(REPORT, { input: { from: from.toISOString(), to: to.toISOString() } }), 'UNAUTHENTICATED');
  });

  it('checks the period and bucket as the deflection report does', async () => {
    expectInvalid(await app.gql(REPORT, { input: { from: to.toISOString(), to: from.toISOString(), bucket: 'DAY' } }, manager), ['to']);
    expectInvalid(await app.gql(REPORT, { input: { from: from.toISOString(), to: to.toISOString(), bucket: 'YEAR' } }, manager), ['bucket']);
    expectInvalid(await app.gql(REPORT, { input: { from: '2000-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', bucket: 'DAY' } }, manager), ['bucket']);
  });
});
