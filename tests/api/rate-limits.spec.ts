import { type Auth, expectError, type GraphQLResponse, PASSWORD, TestApp, type TestUser } from '../support/test-app';

// Rate limits as hostile clients meet them: concurrent sign-in guesses, one address spraying accounts,
// an attacker on another address than the owner, each limit's refusal and its window passing (on the
// injected clock), two API instances on one database, and RATE_LIMITS=off.
//
// TRUST_PROXY=loopback lets each test speak from addresses of its own (X-Forwarded-For), so tests do
// not share per-IP counters. The small limits below keep the refusals a few requests away.
const RULES = [
  'ask.account=2/1h', 'ask.ip=3/1h', 'answer.account=2/1h', 'answer.ip=3/1h', 'comment.account=2/1h', 'comment.ip=3/1h',
  'vote.account=2/1h', 'vote.ip=3/1h', 'search.account=2/1m', 'search.ip=3/1m', 'preview.account=2/1m', 'preview.ip=3/1m',
  'ask-event.ip=3/1h', 'register.ip=3/1h', 'view.ip=4/1h',
].join(',');
const ENV = { TRUST_PROXY: 'loopback', RATE_LIMIT_RULES: RULES };

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token user { id } } }`;
type LoginResponse = GraphQLResponse<{ login: { token: string; user: { id: string } } }>;

let lastIp = 0;
/** A client address no other test uses. */
const newIp = () => `198.51.100.${++lastIp}`;

function outcomes(responses: GraphQLResponse[]) {
  const codes = responses.map((r) => (r.errors ? r.errors[0].extensions.code : 'OK'));
  return { ok: codes.filter((c) => c === 'OK').length, wrong: codes.filter((c) => c === 'UNAUTHENTICATED').length, limited: codes.filter((c) => c === 'RATE_LIMITED').length };
}

const retryAfter = (response: GraphQLResponse) => (expectError(response, 'RATE_LIMITED').extensions as unknown as { retryAfterSeconds: number }).retryAfterSeconds;

describe('rate limits', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(ENV); });
  afterAll(async () => { await app.close(); });

  const login = (email: string, password: string, ip: string) => app.gql(LOGIN, { input: { email, password } }, { forwardedFor: ip }) as Promise<LoginResponse>;
  const loginAll = (attempts: Array<[string, string]>, ip: string) => Promise.all(attempts.map(([email, password]) => login(email, password, ip)));
  const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

  describe('sign-in', () => {
    it('checks at most the limit of 60 concurrent wrong passwords, lets none of 40 concurrent guesses in after it, and one per delay', async () => {
      const victim = await app.member(undefined, newIp());
      const attacker = newIp();

      const burst = outcomes(await loginAll(times(60, (i) => [victim.email, `guess ${i}`]), attacker));
      expect(burst).toEqual({ ok: 0, wrong: 5, limited: 55 });

      // The right password among 40 concurrent guesses: none is even checked.
      const guesses = await loginAll(times(40, (i) => [victim.email, i === 17 ? PASSWORD : `guess ${i}`]), attacker);
      expect(outcomes(guesses)).toEqual({ ok: 0, wrong: 0, limited: 40 });
      const wait = retryAfter(guesses[0]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(15);
      expect(guesses[0].errors![0].message).toMatch(/^Too many failed sign-in attempts\. Please try again in \d+ seconds?\.$/);

      // After the delay, one more guess is checked, and the next waits twice as long.
      app.clock.advance(wait);
      const next = await loginAll(times(40, (i) => [victim.email, `later guess ${i}`]), attacker);
      expect(outcomes(next)).toEqual({ ok: 0, wrong: 1, limited: 39 });
      expect(Math.max(...next.filter((r) => r.errors?.[0].extensions.code === 'RATE_LIMITED').map(retryAfter))).toBe(30);
    });

    it("does not hold back the owner signing in from another address, whatever an attacker's failures", async () => {
      const owner = await app.member(undefined, newIp());
      const attacker = newIp();
      await loginAll(times(30, (i) => [owner.email, `guess ${i}`]), attacker);
      expectError(await login(owner.email, PASSWORD, attacker), 'RATE_LIMITED');

      const home = await login(owner.email, PASSWORD, newIp());
      expect(home.errors).toBeUndefined();
      expect(home.data!.login.user.id).toBe(owner.id);
    });

    it('slows a botnet on one address once it passes the per-address limit, still letting the owner in from a new address', async () => {
      const owner = await app.member(undefined, newIp());
      const bots = times(21, () => newIp());
      // Each bot fails once: 21 failures on the address, over its limit of 20.
      for (const bot of bots) expectError(await login(owner.email, 'bot guess', bot), 'UNAUTHENTICATED');
      // A bot that has failed here before now waits; a new address is not held back.
      expectError(await login(owner.email, 'bot guess again', bots[0]), 'RATE_LIMITED');
      expect((await login(owner.email, PASSWORD, newIp())).errors).toBeUndefined();
    });

    it('slows one address spraying one password over 40 accounts after 20 failures', async () => {
      const sprayer = newIp();
      // A failure counts the same whether the address has an account: 5 real ones among 40 keep the test quick.
      const real = await Promise.all(times(5, (i) => app.member(`Sprayed ${i}`, newIp())));
      const addresses = [...times(35, (i) => `sprayed.${i}.${Date.now()}@example.com`), ...real.map((a) => a.email)];
      const sprayed = await loginAll(addresses.map((email) => [email, 'Summer2026!'] as [string, string]), sprayer);
      expect(outcomes(sprayed)).toEqual({ ok: 0, wrong: 20, limited: 20 });
      for (const refused of sprayed.filter((r) => r.errors?.[0].extensions.code === 'RATE_LIMITED')) {
        expect(retryAfter(refused)).toBeGreaterThan(0);
        expect(retryAfter(refused)).toBeLessThanOrEqual(15);
      }
    });

    it('forgets failures an hour after the last one', async () => {
      const user = await app.member(undefined, newIp());
      const ip = newIp();
      await loginAll(times(8, (i) => [user.email, `guess ${i}`]), ip);
      expectError(await login(user.email, PASSWORD, ip), 'RATE_LIMITED');
      app.clock.advance(3600);
      expect((await login(user.email, PASSWORD, ip)).errors).toBeUndefined();
    });
  });

  /** Each limited action, with what makes one more of it for a member from an address. */
  const ACTIONS: Array<{ action: string; run: (who: Auth & TestUser) => Promise<GraphQLResponse>; window: number }> = [
    {
      action: 'ask', window: 3600,
      run: async (who) => app.gql(`mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`, {
        input: { categoryId: (await shared()).categoryId, title: `Limits: my modem ${++posts} resets every night`, body: 'It resets at 2am every night without fail.', tags: [] },
      }, who),
    },
    { action: 'answer', window: 3600, run: async (who) => app.gql(`mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`, { input: { questionId: (await shared()).questionId, body: `Answer ${++posts}: update the firmware first.` } }, who) },
    { action: 'comment', window: 3600, run: async (who) => app.gql(`mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`, { input: { targetType: 'QUESTION', targetId: (await shared()).questionId, body: `Comment ${++posts}: same here.` } }, who) },
    { action: 'vote', window: 3600, run: async (who) => app.gql(`mutation ($input: VoteInput!) { vote(input: $input) { score } }`, { input: { targetType: 'QUESTION', targetId: (await shared()).questionId, value: posts++ % 2 ? 1 : 0 } }, who) },
    { action: 'search', window: 60, run: (who) => app.gql(`query { search(query: "modem") { totalCount } }`, {}, who) },
    { action: 'preview', window: 60, run: (who) => app.gql(`query ($b: String!) { markdownPreview(body: $b) }`, { b: '**bold**' }, who) },
  ];
  let posts = 0;
  let world: { categoryId: string; questionId: string } | null = null;
  async function shared() {
    if (!world) {
      const category = await app.category();
      const asker = await app.member('Asker', newIp());
      world = { categoryId: category.id, questionId: (await app.ask({ ...asker, forwardedFor: newIp() } as TestUser, category.id)).id };
    }
    return world;
  }

  describe.each(ACTIONS)('$action', ({ action, run, window }) => {
    it('refuses an account past its limit, from any address, until the window passes', async () => {
      await shared();
      const member = await app.member(undefined, newIp());
      for (let i = 0; i < 2; i++) expect((await run({ ...member, forwardedFor: newIp() })).errors).toBeUndefined();
      const refused = await run({ ...member, forwardedFor: newIp() });
      const wait = retryAfter(refused);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(window);
      expect(refused.errors![0].message).toMatch(/Please try again in \d+ (seconds?|minutes?|hours?)\.$/);
      app.clock.advance(wait);
      expect((await run({ ...member, forwardedFor: newIp() })).errors).toBeUndefined();
    });

    it('refuses an address past its limit, whoever is signed in', async () => {
      await shared();
      const ip = newIp();
      for (let i = 0; i < 3; i++) expect((await run({ ...(await app.member(undefined, newIp())), forwardedFor: ip })).errors).toBeUndefined();
      const refused = await run({ ...(await app.member(undefined, newIp())), forwardedFor: ip });
      expect(retryAfter(refused)).toBeLessThanOrEqual(window);
      // Another address is not affected.
      expect((await run({ ...(await app.member(undefined, newIp())), forwardedFor: newIp() })).errors).toBeUndefined();
    });
  });

  it(`limits signing up per address (${'register.ip'})`, async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await app.member(undefined, ip);
    const refused = await app.gql(`mutation ($input: RegisterInput!) { register(input: $input) }`, {
      input: { email: `one.too.many.${Date.now()}@example.com`, displayName: 'One too many', password: PASSWORD },
    }, { forwardedFor: ip });
    expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
    expect(refused.errors![0].message).toMatch(/^Too many accounts were created from your network\. Please try again in/);
  });

  it('limits ask page events per address (ask-event.ip)', async () => {
    const ip = newIp();
    const record = () => app.gql(`mutation ($input: RecordAskEventInput!) { recordAskEvent(input: $input) }`, {
      input: { askSessionId: `session-${ip.replace(/\./g, '-')}-abcdef`, kind: 'SUGGESTIONS_SHOWN', suggestionCount: 2 },
    }, { forwardedFor: ip });
    for (let i = 0; i < 3; i++) expect((await record()).errors).toBeUndefined();
    expect(retryAfter(await record())).toBeLessThanOrEqual(3600);
  });

  describe('question views', () => {
    /** Reads the question as `who`, then the views written once the buffer is flushed. */
    const read = async (id: string, who: Auth) => {
      await app.ok(`query ($id: ID!) { question(id: $id) { id } }`, { id }, who);
      await app.flushViews();
      return { question: { viewCount: await app.viewCount(id) } };
    };

    it('counts a view once per session and question in an hour', async () => {
      const { questionId } = await shared();
      const reader = await app.member(undefined, newIp());
      const ip = newIp();
      const before = (await read(questionId, { forwardedFor: newIp() })).question.viewCount;
      expect((await read(questionId, { token: reader.token, forwardedFor: ip })).question.viewCount).toBe(before + 1);
      expect((await read(questionId, { token: reader.token, forwardedFor: ip })).question.viewCount).toBe(before + 1);
      expect((await read(questionId, { forwardedFor: ip })).question.viewCount).toBe(before + 2); // signed out: its address is its session
      app.clock.advance(3600);
      expect((await read(questionId, { token: reader.token, forwardedFor: ip })).question.viewCount).toBe(before + 3);
    });

    it('still shows a question past the per-address limit, without counting the view', async () => {
      const category = await app.category();
      const questions = [];
      for (let i = 0; i < 5; i++) questions.push(await app.ask({ ...(await app.member(undefined, newIp())), forwardedFor: newIp() } as TestUser, category.id));
      const ip = newIp();
      const counts = [];
      for (const q of questions) counts.push((await read(q.id, { forwardedFor: ip })).question.viewCount);
      expect(counts).toEqual([1, 1, 1, 1, 0]);
    });
  });

  describe('on two API instances on one database', () => {
    let second: TestApp;
    beforeAll(async () => { second = await TestApp.start(ENV, { sameDatabaseAs: app }); });
    afterAll(async () => { await second.close(); });

    it('count against the same counters', async () => {
      const user = await app.member(undefined, newIp());
      const attacker = newIp();
      const [first, other] = await Promise.all([
        Promise.all(times(30, (i) => login(user.email, `guess ${i}`, attacker))),
        Promise.all(times(30, (i) => second.gql(LOGIN, { input: { email: user.email, password: `other guess ${i}` } }, { forwardedFor: attacker }) as Promise<LoginResponse>)),
      ]);
      expect(outcomes([...first, ...other])).toEqual({ ok: 0, wrong: 5, limited: 55 });

      const ip = newIp();
      const search = (instance: TestApp) => instance.gql(`query { search(query: "router") { totalCount } }`, {}, { forwardedFor: ip });
      expect((await search(app)).errors).toBeUndefined();
      expect((await search(second)).errors).toBeUndefined();
      expect((await search(app)).errors).toBeUndefined();
      expectError(await search(second), 'RATE_LIMITED');
    });
  });
});

describe('rate limits by default', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('count the connection, never a client-sent X-Forwarded-For, without TRUST_PROXY', async () => {
    const user = await app.member();
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await app.gql(LOGIN, { input: { email: user.email, password: `guess ${i}` } }, { forwardedFor: `192.0.2.${i + 1}` }));
    }
    expect(results.map((r) => r.errors?.[0].extensions.code)).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
  });
});

describe('RATE_LIMITS=off', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start({ RATE_LIMITS: 'off' }); });
  afterAll(async () => { await app.close(); });

  it('limits nothing and counts nothing', async () => {
    const user = await app.member();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => app.gql(LOGIN, { input: { email: user.email, password: `guess ${i}` } })));
    expect(results.every((r) => r.errors?.[0].extensions.code === 'UNAUTHENTICATED')).toBe(true);
    expect((await app.gql(LOGIN, { input: { email: user.email, password: PASSWORD } })).errors).toBeUndefined();
    expect(await app.count('rate_limit_counters')).toBe(0);
  });
});
