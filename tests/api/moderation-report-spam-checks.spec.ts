import { TestApp, type TestUser } from '../support/test-app';

/**
 * The moderation report's split of the spam-check holds per check (the checks' false-positive rate): with the
 * checks on, posts trip each check (one trips two), a moderator approves some and deletes others, and the report
 * counts per check what was held, decided and approved, while the SPAM_CHECK reason counts each post once.
 */

const CHECK_FIGURES = 'check held decided approved approvedShare { numerator denominator value }';
const REPORT = `query ($input: ModerationReportInput!) { moderationReport(input: $input) {
  totals { holds { reason held decided approved } spamChecks { ${CHECK_FIGURES} } }
  series { bucketStart spamChecks { check held } } } }`;
const SET_RULES = `mutation ($w: [String!]!, $d: [String!]!) { setSpamRules(words: $w, domains: $d) { words } }`;
const QUEUE = `query { reviewQueue(filter: { reason: SPAM_CHECK }, first: 50) { edges { node { id targetId } } } }`;
const RESOLVE = `mutation ($id: ID!, $action: ReviewAction!, $note: String) { resolveReview(id: $id, action: $action, note: $note) { id } }`;

interface CheckFigures { check: string; held: number; decided: number; approved: number; approvedShare: { numerator: number; denominator: number; value: number | null } }

const links = (n: number, host: string) => Array.from({ length: n }, (_, i) => `[page ${i}](https://${host}/p/${i})`).join(' and ');

describe('the moderation report per spam check', () => {
  let app: TestApp;
  let manager: TestUser;
  let moderator: TestUser;
  let from: Date;
  let to: Date;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off', SPAM_CHECKS: 'on', SPAM_REPEAT_WINDOW_MINUTES: '10' });
    manager = await app.userWithRole('MANAGER');
    moderator = await app.userWithRole('MODERATOR');
    const categoryId = (await app.category()).id;
    await app.ok(SET_RULES, { w: ['casino bonus'], d: ['spam.example'] }, await app.admin());
    from = app.clock.now();

    let n = 0;
    const ask = async (body: string) => {
      const author = await app.member();
      return (await app.ask(author, categoryId, { title: `Router keeps dropping the line ${++n}`, body })).id;
    };
    const overLinks = [await ask(`Compare these plans: ${links(3, 'example.com')}.`), await ask(`Which of these: ${links(4, 'example.org')}?`)];
    const word = await ask('Where do I claim the casino bonus on my bill?');
    // Over the allowance and to a blocked domain at once: one SPAM_CHECK hold, counted for both checks.
    const domainAndLinks = await ask(`See ${links(3, 'shop.spam.example')}.`);
    const repeater = await app.member();
    const repeatBody = 'My fibre drops every evening at nine, what can I do?';
    await app.ask(repeater, categoryId, { title: 'Fibre drops every evening at nine', body: repeatBody });
    const repeat = (await app.ask(repeater, categoryId, { title: 'Fibre drops every evening again', body: repeatBody })).id;

    app.clock.advance(3600);
    const items = (await app.ok<{ reviewQueue: { edges: Array<{ node: { id: string; targetId: string } }> } }>(QUEUE, {}, moderator)).reviewQueue.edges.map((e) => e.node);
    const decide = (targetId: string, action: 'APPROVE' | 'DELETE') =>
      app.ok(RESOLVE, { id: items.find((item) => item.targetId === targetId)!.id, action, note: action === 'APPROVE' ? null : 'Spam.' }, moderator);
    await decide(overLinks[0], 'APPROVE');
    await decide(overLinks[1], 'DELETE');
    await decide(domainAndLinks, 'DELETE');
    await decide(word, 'APPROVE');
    // The repeat stays open: held, not decided.
    expect(items.map((item) => item.targetId).sort()).toEqual([...overLinks, word, domainAndLinks, repeat].sort());
    app.clock.advance(3600);
    to = app.clock.now();
  }, 60_000);

  afterAll(() => app?.close());

  it('counts per check the posts held, decided and approved, and the approved share', async () => {
    const { moderationReport } = await app.ok<{ moderationReport: { totals: { holds: Array<{ reason: string; held: number; decided: number; approved: number }>; spamChecks: CheckFigures[] }; series: Array<{ bucketStart: string; spamChecks: Array<{ check: string; held: number }> }> } }>(
      REPORT, { input: { from: from.toISOString(), to: to.toISOString(), bucket: 'DAY' } }, manager,
    );
    const { totals } = moderationReport;
    expect(totals.holds.find((h) => h.reason === 'SPAM_CHECK')).toEqual({ reason: 'SPAM_CHECK', held: 5, decided: 4, approved: 2 });
    const share = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
    expect(totals.spamChecks).toEqual([
      { check: 'LINKS_OVER_ALLOWANCE', held: 3, decided: 3, approved: 1, approvedShare: share(1, 3) },
      { check: 'REPEAT', held: 1, decided: 0, approved: 0, approvedShare: share(0, 0) },
      { check: 'BLOCKED_WORD', held: 1, decided: 1, approved: 1, approvedShare: share(1, 1) },
      { check: 'BLOCKED_DOMAIN', held: 1, decided: 1, approved: 0, approvedShare: share(0, 1) },
    ]);
    // Per bucket too: the day's buckets add up to the totals.
    const heldIn = (check: string) => moderationReport.series.reduce((sum, bucket) => sum + bucket.spamChecks.find((c) => c.check === check)!.held, 0);
    expect(['LINKS_OVER_ALLOWANCE', 'REPEAT', 'BLOCKED_WORD', 'BLOCKED_DOMAIN'].map(heldIn)).toEqual([3, 1, 1, 1]);
  });
});
