import { expectError, PASSWORD, TestApp } from '../support/test-app';

// REQUIRE_EMAIL_VERIFICATION: with `true` (the default) an account exists only once its e-mailed link was followed,
// so nobody can sign in or post with an address they have not proved; with `false` register makes the account at
// once. Two API instances on one database, one with each setting; both answer a taken address as a new one.

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token user { id email displayName role trustLevel } } }`;
const ASK = `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;

describe('e-mail verification at registration', () => {
  let verifying: TestApp;
  let open: TestApp;
  let categoryId: string;
  let n = 0;

  beforeAll(async () => {
    const limits = { RATE_LIMIT_RULES: 'register.ip=1000/1h,login.ip=1000/1h' };
    verifying = await TestApp.start(limits);
    open = await TestApp.start({ ...limits, REQUIRE_EMAIL_VERIFICATION: 'false' }, { sameDatabaseAs: verifying });
    categoryId = (await verifying.category()).id;
  });
  afterAll(async () => {
    await open?.close();
    await verifying?.close();
  });

  const freshEmail = () => `verify${++n}.${Date.now()}@example.com`;
  const register = (app: TestApp, email: string, displayName = 'Dana Scully', password = PASSWORD) =>
    app.gql(REGISTER, { input: { email, displayName, password } });
  const login = (app: TestApp, email: string, password = PASSWORD) =>
    app.gql<{ login: { token: string; user: { id: string; email: string; displayName: string; role: string; trustLevel: string } } }>(LOGIN, { input: { email, password } });
  const ask = (app: TestApp, token?: string) => app.gql<{ askQuestion: { id: string } }>(ASK, {
    input: { categoryId, title: `My router keeps dropping the line ${++n}`, body: 'Every evening around 8pm the connection drops for a minute.', tags: [] },
  }, { token });
  const bodyOf = (response: { data: unknown; errors?: unknown }) => ({ data: response.data, errors: response.errors });

  it('with true, makes no account until the link is followed: an unconfirmed registration can neither sign in nor post', async () => {
    const email = freshEmail();
    const users = await verifying.count('users');
    expect(bodyOf(await register(verifying, email))).toEqual({ data: { register: true }, errors: undefined });
    expect(await verifying.count('users')).toBe(users);
    expect(await verifying.count('users', 'email = $1', [email])).toBe(0);
    expect((await verifying.mailsTo(email)).map((m) => m.subject)).toEqual(['Finish creating your Peerdesk account']);

    expectError(await login(verifying, email), 'UNAUTHENTICATED');
    expectError(await ask(verifying), 'UNAUTHENTICATED');

    // Following the link makes the member, who may then sign in and post.
    const token = await verifying.mailedToken(email, '/register/confirm');
    await verifying.ok(`mutation ($token: String!) { confirmRegistration(token: $token) { token } }`, { token });
    const session = (await login(verifying, email)).data!.login;
    expect(session.user.email).toBe(email);
    expect((await ask(verifying, session.token)).errors).toBeUndefined();
  });

  it('with false, makes the account at once: the member signs in and posts without any link', async () => {
    const email = freshEmail();
    expect(bodyOf(await register(open, `  ${email.toUpperCase()} `, '  Fox   Mulder '))).toEqual({ data: { register: true }, errors: undefined });
    expect(await open.count('users', 'email = $1', [email])).toBe(1);
    // No link to follow, nothing pending.
    expect(await open.count('account_tokens', `purpose = 'REGISTRATION' AND email = $1`, [email])).toBe(0);
    expect(await open.mailsTo(email)).toEqual([]);

    const response = await login(open, email);
    expect(response.errors).toBeUndefined();
    expect(response.data!.login.user).toEqual({ id: expect.stringMatching(/^\d+$/), email, displayName: 'Fox Mulder', role: 'MEMBER', trustLevel: 'NEW' });
    const asked = await ask(open, response.data!.login.token);
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.askQuestion.id).toMatch(/^\d+$/);
  });

  it('with false, answers a taken address exactly as a new one, changes nothing, and e-mails its owner the note', async () => {
    const email = freshEmail();
    await register(open, email, 'First Owner');
    const users = await open.count('users');

    const taken = await register(open, email.toUpperCase(), 'Someone Else', 'another good passphrase');
    const fresh = await register(open, freshEmail(), 'Someone Else', 'another good passphrase');
    expect(bodyOf(taken)).toEqual(bodyOf(fresh));
    expect(await open.count('users')).toBe(users + 1); // the fresh address only
    expect((await open.mailsTo(email)).map((m) => m.subject)).toEqual(['Someone tried to create a Peerdesk account with your address']);
    expect((await login(open, email)).data?.login.user.displayName).toBe('First Owner');
    expectError(await login(open, email, 'another good passphrase'), 'UNAUTHENTICATED');
  });

  it('with false, checks a registration exactly as with true', async () => {
    const input = { email: 'not-an-address', displayName: 'X', password: 'short' };
    const refusedOpen = await open.gql(REGISTER, { input });
    const refusedVerifying = await verifying.gql(REGISTER, { input });
    expect(refusedOpen.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(refusedOpen.errors?.[0].extensions.fields).toEqual(refusedVerifying.errors?.[0].extensions.fields);
  });
});
