import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// The home page's service announcement: everyone reads it, only admins set or clear it.

const READ = `{ announcement { message updatedAt } }`;
const SET = `mutation ($message: String!) { setAnnouncement(message: $message) { message updatedAt } }`;

describe('service announcement', () => {
  let app: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.admin();
  });
  afterAll(async () => { await app.close(); });

  it('is set by an admin and read by visitors, and an empty message takes it down', async () => {
    expect(await app.ok(READ)).toEqual({ announcement: null });
    const set = await app.ok(SET, { message: '  E-mail notifications are delayed; we are on it.  ' }, admin);
    expect(set.setAnnouncement).toEqual({ message: 'E-mail notifications are delayed; we are on it.', updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await app.ok(READ)).announcement.message).toBe('E-mail notifications are delayed; we are on it.');
    expect(await app.ok(SET, { message: '' }, admin)).toEqual({ setAnnouncement: null });
    expect(await app.ok(READ)).toEqual({ announcement: null });
  });

  it.each(['MEMBER', 'STAFF', 'MODERATOR', 'MANAGER'] as const)('is FORBIDDEN to a %s', async (role) => {
    const user = await app.userWithRole(role);
    expectError(await app.gql(SET, { message: 'Outage!' }, user), 'FORBIDDEN');
    expect(await app.ok(READ)).toEqual({ announcement: null });
  });

  it('refuses a message over 500 characters, naming the field', async () => {
    expectInvalid(await app.gql(SET, { message: 'x'.repeat(501) }, admin), ['message']);
  });
});
