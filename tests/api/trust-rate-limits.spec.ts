import { TRUST_RATE_LIMITS } from '@peerdesk/domain';
import { expectError, type GraphQLResponse, TestApp, type TestUser } from '../support/test-app';

// Rate limits by trust level (TRUST_RATE_LIMITS in packages/domain/src/trust-levels.ts): a NEW member
// may ask fewer questions an hour than the general per-account limit allows, a MEMBER is held only by the
// general one, an employee or a moderator never by a level's. Two API instances share the counters in one database and
// one clock, as behind a load balancer; the window passes on the injected clock.
//
// TRUST_PROXY=loopback: each member registers from an address of its own, so the per-IP registration
// limit stays out of the way.
const ENV = { TRUST_PROXY: 'loopback' };
const NEW_ASKS = TRUST_RATE_LIMITS.NEW.ask!.limit;

let lastIp = 0;
const newIp = () => `203.0.113.${++lastIp}`;

describe('rate limits by trust level, across two API instances', () => {
  let one: TestApp;
  let two: TestApp;
  let categoryId: string;
  beforeAll(async () => {
    one = await TestApp.start(ENV);
    two = await TestApp.start(ENV, { sameDatabaseAs: one });
    categoryId = (await one.category()).id;
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  let asked = 0;
  const ask = (app: TestApp, who: TestUser) =>
    app.gql(`mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
      input: { categoryId, title: `Router number ${++asked} keeps dropping every evening`, body: 'Every evening around 8pm the connection drops for a minute.', tags: [] },
    }, who);
  /** Asks `n` times, alternating instances. */
  const askTimes = async (who: TestUser, n: number) => {
    const responses: GraphQLResponse[] = [];
    for (let i = 0; i < n; i++) responses.push(await ask(i % 2 ? two : one, who));
    return responses;
  };
  const setLevel = async (user: TestUser, level: string) => {
    await one.ok(`mutation ($id: ID!, $level: TrustLevel!) { setTrustLevel(userId: $id, level: $level, reason: "test") { id } }`, { id: user.id, level }, await one.userWithRole('MODERATOR'));
  };

  it(`holds a NEW member to ${NEW_ASKS} questions an hour on both instances together, says why and when, and lets them ask again after the window`, async () => {
    const newcomer = await one.member(undefined, newIp());
    const responses = await askTimes(newcomer, NEW_ASKS);
    expect(responses.map((r) => r.errors)).toEqual(responses.map(() => undefined));

    const refused = expectError(await ask(two, newcomer), 'RATE_LIMITED');
    const wait = refused.extensions.retryAfterSeconds!;
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(refused.message).toMatch(/^You have asked many questions in a short time: new members have lower limits, which lift as you take part\. Please try again in (1 hour|\d+ minutes)\.$/);
    expectError(await ask(one, newcomer), 'RATE_LIMITED');
    expect(await one.count('questions', 'author_id = $1', [newcomer.id])).toBe(NEW_ASKS);

    one.clock.advance(wait);
    expect((await ask(two, newcomer)).errors).toBeUndefined();
  });

  it('holds a MEMBER only by the general per-account limit, and an employee or a moderator by no level’s limit', async () => {
    const member = await one.member(undefined, newIp());
    await setLevel(member, 'MEMBER');
    const employee = await one.member(undefined, newIp());
    await one.setRole(employee, 'STAFF'); // staff are always employees; the account is still NEW
    expect((await one.ok(`query ($id: ID!) { user(id: $id) { trustLevel } }`, { id: employee.id })).user.trustLevel).toBe('NEW');
    const moderator = await one.userWithRole('MODERATOR', 'COMMUNITY');
    for (const who of [member, employee, moderator]) {
      const responses = await askTimes(who, NEW_ASKS + 2);
      expect(responses.map((r) => r.errors?.[0].extensions.code ?? 'OK')).toEqual(responses.map(() => 'OK'));
    }
  });

  it('counts a NEW member’s votes against the level’s limit too', async () => {
    const author = await one.member(undefined, newIp());
    await setLevel(author, 'MEMBER');
    const voter = await one.member(undefined, newIp());
    const limit = TRUST_RATE_LIMITS.NEW.vote!.limit;
    const targets: string[] = [];
    for (let i = 0; i <= limit; i++) {
      if (i % 3 === 0) targets.push((await ask(one, author)).data!.askQuestion.id);
    }
    // Up and back again on a few questions: every vote counts.
    const codes: string[] = [];
    for (let i = 0; i <= limit; i++) {
      const response = await (i % 2 ? two : one).vote(voter, 'QUESTION', targets[Math.floor(i / 2) % targets.length], i % 2 ? 0 : 1);
      codes.push(response.errors?.[0].extensions.code ?? 'OK');
    }
    expect(codes.slice(0, limit)).toEqual(Array(limit).fill('OK'));
    expect(codes[limit]).toBe('RATE_LIMITED');
  });
});
