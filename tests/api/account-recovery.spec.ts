import { expectError, expectInvalid, PASSWORD, TestApp, type TestUser } from '../support/test-app';

// Registration that does not tell who has an account, password reset, password and e-mail changes,
// display names, and the viewer's sessions — each with its wrong and forbidden paths.

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token user { id } } }`;
const ME = `{ me { id email displayName } }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const CHANGE_PASSWORD = `mutation ($current: String!, $next: String!) { changePassword(current: $current, password: $next) }`;
const REQUEST_EMAIL = `mutation ($email: String!, $password: String!) { requestEmailChange(input: { newEmail: $email, currentPassword: $password }) }`;
const CONFIRM_EMAIL = `mutation ($token: String!) { confirmEmailChange(token: $token) }`;
const CHANGE_NAME = `mutation ($name: String!) { changeDisplayName(displayName: $name) { id displayName } }`;
const SESSIONS = `{ sessions { id createdAt lastUsedAt userAgent current } }`;
const SIGN_OUT_SESSION = `mutation ($id: ID!) { signOutSession(id: $id) }`;
const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
const NEW_PASSWORD = 'violet tractor sings';

interface SessionView {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  current: boolean;
}

describe('account recovery and sessions', () => {
  let app: TestApp;
  let n = 0;
  // Many sign-ups and sign-ins from one test address: about accounts, not rate limits (rate-limits.spec.ts).
  beforeAll(async () => { app = await TestApp.start({ RATE_LIMITS: 'off' }); });
  afterAll(async () => { await app.close(); });

  const freshEmail = () => `account${++n}.${Date.now()}@example.com`;
  const login = (email: string, password: string) => app.gql<{ login: { token: string; user: { id: string } } }>(LOGIN, { email, password });
  const me = async (token: string) => (await app.gql<{ me: { id: string; email: string; displayName: string } | null }>(ME, {}, { token })).data?.me ?? null;
  const signIn = async (user: TestUser) => (await app.ok<{ login: { token: string } }>(LOGIN, { email: user.email, password: PASSWORD })).login.token;
  const resetToken = async (email: string) => app.mailedToken(email, '/reset-password');

  describe('register does not reveal which addresses have accounts', () => {
    it('answers a fresh and a taken address identically: same status, body and headers but the date', async () => {
      const taken = await app.member('Taken Owner');
      const mutation = (email: string) =>
        fetch(`${app.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: REGISTER, variables: { input: { email, displayName: 'Curious Visitor', password: 'a fine long passphrase' } } }),
        });
      const fresh = await mutation(freshEmail());
      const existing = await mutation(taken.email.toUpperCase());

      const headers = (r: Response) => [...r.headers].filter(([name]) => !['date', 'etag', 'content-length'].includes(name));
      expect(existing.status).toBe(fresh.status);
      expect(headers(existing)).toEqual(headers(fresh));
      const [freshBody, existingBody] = [await fresh.text(), await existing.text()];
      expect(existingBody).toBe(freshBody);
      expect(JSON.parse(freshBody)).toEqual({ data: { register: true } });
    });

    it('refuses bad input alike for both, without naming the address', async () => {
      const taken = await app.member();
      for (const email of [taken.email, freshEmail()]) {
        const response = await app.gql(REGISTER, { input: { email, displayName: 'Someone', password: '1234567890' } });
        expect(expectInvalid(response, ['password'])[0].message).toMatch(/one of the most common passwords/);
      }
    });

    it('applies the password and name rules: not containing the address, not a staff name or a reserved one', async () => {
      const staff = await app.userWithRole('STAFF', undefined, 'Sam from Support');
      expect(staff.id).toBeTruthy();
      const email = freshEmail();
      const response = await app.gql(REGISTER, { input: { email, displayName: 'Sam from Supp0rt', password: `${email}!` } });
      expect(expectInvalid(response, ['displayName', 'password'])).toEqual([
        { field: 'displayName', message: '"Sam from Supp0rt" looks like the name of a member of staff. Choose another name so nobody mistakes you for them.' },
        { field: 'password', message: 'Password must not contain your e-mail address or its name part. Choose something unrelated to it.' },
      ]);
      expect(expectInvalid(await app.gql(REGISTER, { input: { email, displayName: 'ＡＤＭＩＮ', password: PASSWORD } }), ['displayName'])[0].message).toMatch(/reserved/);
      expect(expectInvalid(await app.gql(REGISTER, { input: { email, displayName: 'Eve\u202Enimda', password: PASSWORD } }), ['displayName'])[0].message).toMatch(/invisible, control or text-direction/);
      expect(await app.count('account_tokens', 'email = $1', [email])).toBe(0);
    });

    it('stores the name NFKC-normalized', async () => {
      const user = await app.member('Ｆｏｘ  Ｍｕｌｄｅｒ');
      expect((await me(user.token))?.displayName).toBe('Fox Mulder');
    });

    it('refuses an unknown, a reused and an expired registration link', async () => {
      const confirm = (token: string) => app.gql(`mutation ($token: String!) { confirmRegistration(token: $token) { token } }`, { token });
      expect(expectInvalid(await confirm('no-such-token'), ['token'])[0].message).toBe('This link has expired or was already used. Ask for a new one.');

      const email = freshEmail();
      await app.ok(REGISTER, { input: { email, displayName: 'Late Comer', password: PASSWORD } });
      const token = await app.mailedToken(email, '/register/confirm');
      app.clock.advance(24 * 3600 + 1);
      expectInvalid(await confirm(token), ['token']);

      await app.ok(REGISTER, { input: { email, displayName: 'Late Comer', password: PASSWORD } });
      const again = await app.mailedToken(email, '/register/confirm');
      expect((await confirm(again)).errors).toBeUndefined();
      expectInvalid(await confirm(again), ['token']);
      // Only a hash of the token is stored.
      expect(await app.count('account_tokens', 'token_hash = $1', [again])).toBe(0);
    });
  });

  describe('requestPasswordReset and resetPassword', () => {
    it('answers true for an unknown address too, and e-mails only an address with an account', async () => {
      const unknown = freshEmail();
      expect(await app.ok(REQUEST_RESET, { email: unknown })).toEqual({ requestPasswordReset: true });
      expect(await app.mailsTo(unknown)).toEqual([]);

      const user = await app.member();
      expect(await app.ok(REQUEST_RESET, { email: ` ${user.email.toUpperCase()} ` })).toEqual({ requestPasswordReset: true });
      const [mail] = (await app.mailsTo(user.email)).slice(-1);
      expect(mail.subject).toBe('Reset your Peerdesk password');
      expect(mail.body).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{43}\n/);
      expect(mail.body).toContain('60 minutes');
    });

    it('sets the new password, ends every session, and the link works once', async () => {
      const user = await app.member();
      const second = await signIn(user);
      await app.ok(REQUEST_RESET, { email: user.email });
      const token = await resetToken(user.email);

      expect(await app.ok(RESET, { token, password: NEW_PASSWORD })).toEqual({ resetPassword: true });

      expect(await me(user.token)).toBeNull();
      expect(await me(second)).toBeNull();
      expectError(await login(user.email, PASSWORD), 'UNAUTHENTICATED');
      expect((await login(user.email, NEW_PASSWORD)).data?.login.user.id).toBe(user.id);
      expect(expectInvalid(await app.gql(RESET, { token, password: 'yet another passphrase' }), ['token'])[0].message).toBe(
        'This link has expired or was already used. Ask for a new one.',
      );
      expect((await app.mailsTo(user.email)).at(-1)?.subject).toBe('Your Peerdesk password was changed');
    });

    it('refuses an expired link (after an hour) and an unknown one', async () => {
      const user = await app.member();
      await app.ok(REQUEST_RESET, { email: user.email });
      const token = await resetToken(user.email);
      app.clock.advance(3600 + 1);
      expectInvalid(await app.gql(RESET, { token, password: NEW_PASSWORD }), ['token']);
      expectInvalid(await app.gql(RESET, { token: 'made-up-token', password: NEW_PASSWORD }), ['token']);
      expect((await login(user.email, PASSWORD)).errors).toBeUndefined();
    });

    it('refuses a bad new password without using up the link', async () => {
      const user = await app.member();
      await app.ok(REQUEST_RESET, { email: user.email });
      const token = await resetToken(user.email);
      expect(expectInvalid(await app.gql(RESET, { token, password: 'zzzzzzzzzzzz' }), ['password'])[0].message).toMatch(/repeat one character/);
      expect(expectInvalid(await app.gql(RESET, { token, password: user.email }), ['password'])[0].message).toMatch(/e-mail address/);
      expect((await app.gql(RESET, { token, password: NEW_PASSWORD })).errors).toBeUndefined();
    });

    it('a reset link stops working once the password was reset by another link', async () => {
      const user = await app.member();
      await app.ok(REQUEST_RESET, { email: user.email });
      const first = await resetToken(user.email);
      await app.ok(REQUEST_RESET, { email: user.email });
      const second = await resetToken(user.email);
      await app.ok(RESET, { token: second, password: NEW_PASSWORD });
      expectInvalid(await app.gql(RESET, { token: first, password: 'another fine passphrase' }), ['token']);
    });
  });

  describe('changePassword', () => {
    it('needs the current password and a good new one, and ends only the other sessions', async () => {
      const user = await app.member();
      const other = await signIn(user);

      expect(expectInvalid(await app.gql(CHANGE_PASSWORD, { current: 'not my password', next: NEW_PASSWORD }, user), ['current'])[0].message).toBe(
        'That is not your current password.',
      );
      expectInvalid(await app.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'password123' }, user), ['password']);
      expect(await me(other)).not.toBeNull();

      expect(await app.ok(CHANGE_PASSWORD, { current: PASSWORD, next: NEW_PASSWORD }, user)).toEqual({ changePassword: true });
      expect((await me(user.token))?.id).toBe(user.id);
      expect(await me(other)).toBeNull();
      expect((await login(user.email, NEW_PASSWORD)).errors).toBeUndefined();
    });

    it('needs a session', async () => {
      expectError(await app.gql(CHANGE_PASSWORD, { current: PASSWORD, next: NEW_PASSWORD }), 'UNAUTHENTICATED');
    });
  });

  describe('requestEmailChange and confirmEmailChange', () => {
    it('sends a link to the new address and a notice to the old; the address changes when the link is used, once', async () => {
      const user = await app.member();
      const newEmail = freshEmail();
      expect(await app.ok(REQUEST_EMAIL, { email: newEmail, password: PASSWORD }, user)).toEqual({ requestEmailChange: true });
      expect((await app.mailsTo(user.email)).at(-1)?.body).toContain(`asked to move it to ${newEmail}`);
      expect((await me(user.token))?.email).toBe(user.email);

      const token = await app.mailedToken(newEmail, '/account/confirm-email');
      expect(await app.ok(CONFIRM_EMAIL, { token })).toEqual({ confirmEmailChange: true });
      expect((await me(user.token))?.email).toBe(newEmail);
      expect((await login(newEmail, PASSWORD)).errors).toBeUndefined();
      expectInvalid(await app.gql(CONFIRM_EMAIL, { token }), ['token']);
    });

    it('answers a taken new address the same, changes nothing and tells its owner', async () => {
      const user = await app.member();
      const owner = await app.member();
      expect(await app.ok(REQUEST_EMAIL, { email: owner.email, password: PASSWORD }, user)).toEqual({ requestEmailChange: true });
      expect((await app.mailsTo(owner.email)).at(-1)?.subject).toBe('Someone tried to move a Peerdesk account to your address');
      expect(await app.count('account_tokens', `purpose = 'EMAIL_CHANGE' AND user_id = $1`, [user.id])).toBe(0);
    });

    it('refuses a wrong current password, a malformed or unchanged address, an expired link and a visitor', async () => {
      const user = await app.member();
      expectInvalid(await app.gql(REQUEST_EMAIL, { email: freshEmail(), password: 'wrong password' }, user), ['currentPassword']);
      expect(expectInvalid(await app.gql(REQUEST_EMAIL, { email: 'nope', password: PASSWORD }, user), ['newEmail'])[0].message).toBe('Email must look like name@example.com.');
      expect(expectInvalid(await app.gql(REQUEST_EMAIL, { email: user.email, password: PASSWORD }, user), ['newEmail'])[0].message).toBe('This is already your address.');
      expectError(await app.gql(REQUEST_EMAIL, { email: freshEmail(), password: PASSWORD }), 'UNAUTHENTICATED');

      const newEmail = freshEmail();
      await app.ok(REQUEST_EMAIL, { email: newEmail, password: PASSWORD }, user);
      const token = await app.mailedToken(newEmail, '/account/confirm-email');
      app.clock.advance(24 * 3600 + 1);
      expectInvalid(await app.gql(CONFIRM_EMAIL, { token }), ['token']);
      expectInvalid(await app.gql(CONFIRM_EMAIL, { token: 'unknown' }), ['token']);
    });
  });

  describe('changeDisplayName', () => {
    it('applies the name rules; staff keep their own name', async () => {
      const staff = await app.userWithRole('STAFF', undefined, 'Maeve from Billing');
      const user = await app.member();
      expect(expectInvalid(await app.gql(CHANGE_NAME, { name: 'maeve from billing' }, user), ['displayName'])[0].message).toMatch(/member of staff/);
      expectInvalid(await app.gql(CHANGE_NAME, { name: 'Moderator' }, user), ['displayName']);
      expect((await app.ok(CHANGE_NAME, { name: ' Dana\u00a0Scully ' }, user)).changeDisplayName.displayName).toBe('Dana Scully');
      expect((await app.ok(CHANGE_NAME, { name: 'Maeve From Billing' }, staff)).changeDisplayName.displayName).toBe('Maeve From Billing');
      expectError(await app.gql(CHANGE_NAME, { name: 'Nobody' }), 'UNAUTHENTICATED');
    });
  });

  describe('setTimeZone', () => {
    const SET_ZONE = `mutation ($zone: String) { setTimeZone(timeZone: $zone) { id timeZone } }`;
    const zoneOf = async (id: string, viewer?: TestUser) => (await app.ok(`query ($id: ID!) { user(id: $id) { timeZone } }`, { id }, viewer)).user.timeZone;

    it('keeps an IANA zone in its canonical spelling, shown only to the member; blank clears it; anything else is refused', async () => {
      const user = await app.member();
      const other = await app.member();
      expect((await app.ok(SET_ZONE, { zone: ' europe/dublin ' }, user)).setTimeZone.timeZone).toBe('Europe/Dublin');
      expect(await zoneOf(user.id, user)).toBe('Europe/Dublin');
      expect(await zoneOf(user.id, other)).toBeNull();
      for (const zone of ['Mars/Olympus', '+01:00']) {
        expect(expectInvalid(await app.gql(SET_ZONE, { zone }, user), ['timeZone'])[0].message).toMatch(/IANA name/);
      }
      expect(await zoneOf(user.id, user)).toBe('Europe/Dublin');
      expect((await app.ok(SET_ZONE, { zone: '' }, user)).setTimeZone.timeZone).toBeNull();
      expectError(await app.gql(SET_ZONE, { zone: 'UTC' }), 'UNAUTHENTICATED');
    });
  });

  describe('sessions, signOutSession and signOutEverywhere', () => {
    it("lists the viewer's sessions with the browser, marks the current one, and moves last use forward", async () => {
      const user = await app.member();
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
        body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: PASSWORD } }),
      });
      const firefox = ((await response.json()) as { data: { login: { token: string } } }).data.login.token;

      app.clock.advance(120);
      await me(firefox);
      const { sessions } = await app.ok<{ sessions: SessionView[] }>(SESSIONS, {}, { token: firefox });
      expect(sessions).toHaveLength(2);
      expect(sessions[0]).toMatchObject({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', current: true });
      expect(Date.parse(sessions[0].lastUsedAt)).toBeGreaterThan(Date.parse(sessions[0].createdAt) + 100_000);
      expect(sessions[1]).toMatchObject({ current: false });
      expect((await app.ok<{ sessions: SessionView[] }>(SESSIONS, {}, user)).sessions.find((s) => s.current)?.id).toBe(sessions[1].id);
      expectError(await app.gql(SESSIONS), 'UNAUTHENTICATED');
    });

    it("ends one of the viewer's sessions, and answers NOT_FOUND for another user's without ending it", async () => {
      const user = await app.member();
      const other = await app.member();
      const second = await signIn(user);
      const mine = (await app.ok<{ sessions: SessionView[] }>(SESSIONS, {}, { token: second })).sessions.find((s) => !s.current)!;
      const theirs = (await app.ok<{ sessions: SessionView[] }>(SESSIONS, {}, other)).sessions[0];

      expectError(await app.gql(SIGN_OUT_SESSION, { id: theirs.id }, user), 'NOT_FOUND');
      expect(await me(other.token)).not.toBeNull();
      expectError(await app.gql(SIGN_OUT_SESSION, { id: 'x' }, user), 'NOT_FOUND');

      expect(await app.ok(SIGN_OUT_SESSION, { id: mine.id }, { token: second })).toEqual({ signOutSession: true });
      expect(await me(user.token)).toBeNull();
      expect(await me(second)).not.toBeNull();
    });

    it("ends every one of the viewer's sessions and no one else's", async () => {
      const user = await app.member();
      const other = await app.member();
      const second = await signIn(user);
      const response = await app.gql(SIGN_OUT_EVERYWHERE, {}, { token: second });
      expect(response.data).toEqual({ signOutEverywhere: true });
      expect(response.headers.getSetCookie()[0]).toMatch(/^peerdesk_session=;/);
      expect(await me(user.token)).toBeNull();
      expect(await me(second)).toBeNull();
      expect(await me(other.token)).not.toBeNull();
      expectError(await app.gql(SIGN_OUT_EVERYWHERE), 'UNAUTHENTICATED');
    });
  });
});
