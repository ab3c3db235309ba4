import { type Auth, expectError, expectInvalid, PASSWORD, TestApp } from '../support/test-app';

// Registration (by an e-mailed link), sign-in, sessions (cookie and bearer), sign-out and the login rate limit.

const AUTH_PAYLOAD = `token expiresAt user { id email displayName role affiliation }`;
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) }`;
const CONFIRM = `mutation ($token: String!) { confirmRegistration(token: $token) { ${AUTH_PAYLOAD} } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`;
const ME = `{ me { id email displayName role affiliation } }`;
const LOGOUT = `mutation { logout }`;
const DAY_MS = 24 * 3600 * 1000;
const LOGIN_FAILURE_LIMIT = 3;
const FIRST_DELAY_SECONDS = 15;

interface AuthPayload {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; displayName: string; role: string; affiliation: string };
}

describe('accounts', () => {
  let app: TestApp;
  let n = 0;
  // Every request here comes from 127.0.0.1: registrations and failed sign-ins from one address would
  // reach their per-IP limits (tests/api/rate-limits.spec.ts tests those); this file tests one address's.
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_RULES: `login.address-ip=${LOGIN_FAILURE_LIMIT}/1h,login.ip=1000/1h,login.address=1000/1h,register.ip=1000/1h` });
  });
  afterAll(async () => { await app.close(); });

  const freshEmail = () => `person${++n}.${Date.now()}@example.com`;
  const register = (input: Record<string, unknown>) => app.gql<{ register: boolean }>(REGISTER, { input });
  const confirm = (token: string) => app.gql<{ confirmRegistration: AuthPayload }>(CONFIRM, { token });
  /** Registers and follows the e-mailed link, as a person does; the link's answer (session, cookie). */
  async function registerAndConfirm(input: Record<string, unknown>) {
    const response = await register(input);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ register: true });
    return confirm(await app.mailedToken(String(input.email), '/register/confirm'));
  }
  const login = (email: string, password: string) => app.gql<{ login: AuthPayload }>(LOGIN, { input: { email, password } });
  const me = async (auth: Auth) => (await app.ok<{ me: AuthPayload['user'] | null }>(ME, {}, auth)).me;

  /** The session cookie a response set, as the browser received it. */
  function sessionCookie(headers: Headers): string {
    const cookies = headers.getSetCookie().filter((c) => c.startsWith('peerdesk_session='));
    expect(cookies).toHaveLength(1);
    return cookies[0];
  }

  async function registered(displayName = 'Dana Scully') {
    const email = freshEmail();
    const response = await registerAndConfirm({ email, displayName, password: PASSWORD });
    expect(response.errors).toBeUndefined();
    return { email, ...response.data!.confirmRegistration };
  }

  describe('register', () => {
    it('creates no account until the e-mailed link is followed, which creates the member, signs them in and returns the session', async () => {
      const email = freshEmail();
      const users = await app.count('users');
      expect(await register({ email: `  ${email.toUpperCase()} `, displayName: '  Fox   Mulder  ', password: PASSWORD })).toMatchObject({ data: { register: true } });
      expect(await app.count('users')).toBe(users);
      const [mail] = await app.mailsTo(email);
      expect(mail.subject).toBe('Finish creating your Peerdesk account');
      expect(mail.body).toContain('Hello Fox Mulder,');

      const before = app.clock.now().getTime();
      const response = await confirm(await app.mailedToken(email, '/register/confirm'));
      const after = app.clock.now().getTime();

      expect(response.errors).toBeUndefined();
      const { token, expiresAt, user } = response.data!.confirmRegistration;
      expect(user).toEqual({ id: expect.stringMatching(/^\d+$/), email, displayName: 'Fox Mulder', role: 'MEMBER', affiliation: 'COMMUNITY' });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // A session lasts SESSION_TTL_DAYS (30 by default).
      expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
      expect(Date.parse(expiresAt)).toBeLessThanOrEqual(after + 30 * DAY_MS);
      expect(await me({ token })).toEqual(user);
    });

    it('stores the password only as an argon2id hash', async () => {
      const { user } = await registered();
      const [row] = await app.db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    });

    it('sets an httpOnly, SameSite=Lax session cookie (not Secure outside production) holding the same session', async () => {
      const email = freshEmail();
      const response = await registerAndConfirm({ email, displayName: 'Walter Skinner', password: PASSWORD });
      const { token, expiresAt, user } = response.data!.confirmRegistration;

      const cookie = sessionCookie(response.headers);
      const [pair, ...attributes] = cookie.split('; ');
      expect(pair).toBe(`peerdesk_session=${token}`);
      expect(attributes).toEqual(['Path=/', `Expires=${new Date(expiresAt).toUTCString()}`, 'HttpOnly', 'SameSite=Lax']);
      expect(cookie).not.toMatch(/secure/i);

      // The browser sends it back as a Cookie header, among others.
      expect((await me({ cookie: `theme=dark; ${pair}; lang=en` }))?.id).toBe(user.id);
    });

    it('answers a taken address (in another letter case) exactly as a new one, changes nothing, and e-mails its owner instead', async () => {
      const { email, user } = await registered();
      const users = await app.count('users');
      const mails = (await app.mailsTo(email)).length;

      const response = await register({ email: email.toUpperCase(), displayName: 'Someone Else', password: 'another good passphrase' });

      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ register: true });
      expect(await app.count('users')).toBe(users);
      expect(await app.count('account_tokens', `purpose = 'REGISTRATION' AND email = $1 AND used_at IS NULL`, [email])).toBe(0);
      const notice = (await app.mailsTo(email)).slice(mails);
      expect(notice).toHaveLength(1);
      expect(notice[0].subject).toBe('Someone tried to create a Peerdesk account with your address');
      expect(notice[0].body).toMatch(/sign in: http:\/\/localhost:3000\/login/);
      expect(notice[0].body).toMatch(/\/forgot-password/);
      // The owner's account and password are untouched.
      expect((await login(email, PASSWORD)).data?.login.user.id).toBe(user.id);
      expectError(await login(email, 'another good passphrase'), 'UNAUTHENTICATED');
    });

    it('creates the account once: a second registration link for an address taken meanwhile is refused', async () => {
      const email = freshEmail();
      await register({ email, displayName: 'First Try', password: PASSWORD });
      const first = await app.mailedToken(email, '/register/confirm');
      await register({ email, displayName: 'Second Try', password: PASSWORD });
      const second = await app.mailedToken(email, '/register/confirm');
      expect(second).not.toBe(first);

      expect((await confirm(second)).data?.confirmRegistration.user.displayName).toBe('Second Try');
      expect(expectError(await confirm(first), 'CONFLICT').message).toBe('An account with this e-mail address already exists. Try signing in.');
    });

    it('refuses a password shorter than 10 characters, naming the field', async () => {
      const users = await app.count('users');
      const response = await register({ email: freshEmail(), displayName: 'Short Pass', password: '123456789' });

      const fields = expectInvalid(response, ['password']);
      expect(fields).toEqual([{ field: 'password', message: 'Password must be between 10 and 256 characters (it has 9).' }]);
      expect(await app.count('users')).toBe(users);
    });

    it('reports every invalid field at once', async () => {
      const response = await register({ email: 'not-an-address', displayName: ' x ', password: '' });
      expect(expectInvalid(response, ['email', 'displayName', 'password'])).toEqual([
        { field: 'email', message: 'Email must look like name@example.com.' },
        { field: 'displayName', message: 'Display name must be between 2 and 50 characters (it has 1).' },
        { field: 'password', message: 'Password is required.' },
      ]);
    });
  });

  describe('login', () => {
    it('opens a new session for the right password, whatever the e-mail letter case', async () => {
      const { email, user, token: registrationToken } = await registered();

      const response = await login(` ${email.toUpperCase()}`, PASSWORD);

      expect(response.errors).toBeUndefined();
      const session = response.data!.login;
      expect(session.user).toEqual(user);
      expect(session.token).not.toBe(registrationToken);
      expect(sessionCookie(response.headers)).toMatch(new RegExp(`^peerdesk_session=${session.token}; `));
      expect((await me({ token: session.token }))?.id).toBe(user.id);
      expect((await me({ token: registrationToken }))?.id).toBe(user.id);
    });

    it('refuses a wrong password and an unknown address alike, with UNAUTHENTICATED and no cookie', async () => {
      const { email } = await registered();

      const wrong = await login(email, 'not the password');
      expect(expectError(wrong, 'UNAUTHENTICATED').message).toBe('That e-mail address and password do not match an account.');
      expect(wrong.headers.getSetCookie()).toEqual([]);

      const unknown = await login(`nobody.${Date.now()}@example.com`, PASSWORD);
      expect(expectError(unknown, 'UNAUTHENTICATED').message).toBe('That e-mail address and password do not match an account.');
    });

    it(`answers RATE_LIMITED after ${LOGIN_FAILURE_LIMIT} failures for one address, even for the right password, until the delay passes`, async () => {
      const { email, user } = await registered();
      const bystander = await registered();

      // Held, so the remaining delay reads to the second however long the sign-ins take on a busy machine.
      app.clock.hold();
      for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) expectError(await login(email, `wrong password ${i}`), 'UNAUTHENTICATED');

      const refused = expectError(await login(email, PASSWORD), 'RATE_LIMITED');
      expect(refused.extensions).toMatchObject({ retryAfterSeconds: FIRST_DELAY_SECONDS });
      expect(refused.message).toBe(`Too many failed sign-in attempts. Please try again in ${FIRST_DELAY_SECONDS} seconds.`);
      expectError(await login(email.toUpperCase(), 'wrong password again'), 'RATE_LIMITED');
      // Other addresses are not affected.
      expect((await login(bystander.email, PASSWORD)).errors).toBeUndefined();

      app.clock.advance(FIRST_DELAY_SECONDS);
      app.clock.release();
      const later = await login(email, PASSWORD);
      expect(later.errors).toBeUndefined();
      expect(later.data!.login.user.id).toBe(user.id);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      const { email } = await registered();
      for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i++) expectError(await login(email, 'wrong password'), 'UNAUTHENTICATED');
      expect((await login(email, PASSWORD)).errors).toBeUndefined();

      for (let i = 0; i < LOGIN_FAILURE_LIMIT - 1; i++) expectError(await login(email, 'wrong password'), 'UNAUTHENTICATED');
      expect((await login(email, PASSWORD)).errors).toBeUndefined();
    });
  });

  describe('me', () => {
    it('is null without a session or with a token that names no session', async () => {
      expect(await me({})).toBeNull();
      expect(await me({ token: 'no-such-session-token' })).toBeNull();
      expect(await me({ cookie: 'peerdesk_session=no-such-session-token' })).toBeNull();
    });

    it('is null, and the rest of the request still works, with a cookie that is not even well-formed', async () => {
      const response = await app.gql(`{ me { id } categories { id } }`, {}, { cookie: 'peerdesk_session=%E0%A4%A' });
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ me: null, categories: [] });
    });

    it('is null once the session has expired', async () => {
      const { token } = await registered();
      expect(await me({ token })).not.toBeNull();
      app.clock.advance(30 * 24 * 3600 + 1);
      expect(await me({ token })).toBeNull();
    });
  });

  describe('logout', () => {
    it('ends the bearer session it was sent with, and only that one', async () => {
      const { email, user, token: first } = await registered();
      const second = (await login(email, PASSWORD)).data!.login.token;

      const response = await app.gql<{ logout: boolean }>(LOGOUT, {}, { token: first });

      expect(response.data).toEqual({ logout: true });
      expect(await me({ token: first })).toBeNull();
      expectError(await app.gql(LOGOUT, {}, { token: first }), 'UNAUTHENTICATED');
      expect((await me({ token: second }))?.id).toBe(user.id);
    });

    it('ends a cookie session and tells the browser to drop the cookie', async () => {
      const response = await registerAndConfirm({ email: freshEmail(), displayName: 'Cookie Monster', password: PASSWORD });
      const pair = sessionCookie(response.headers).split('; ')[0];

      const logout = await app.gql<{ logout: boolean }>(LOGOUT, {}, { cookie: pair });

      expect(logout.data).toEqual({ logout: true });
      expect(sessionCookie(logout.headers)).toBe('peerdesk_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax');
      expect(await me({ cookie: pair })).toBeNull();
      expect(await app.count('sessions', 'user_id = $1', [response.data!.confirmRegistration.user.id])).toBe(0);
    });

    it('needs a session', async () => {
      expectError(await app.gql(LOGOUT), 'UNAUTHENTICATED');
    });
  });
});
