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

describe('an announcement pinned in a category', () => {
  const READ_IN = `query ($id: ID!) { categoryAnnouncement(categoryId: $id) { message } }`;
  const SET_IN = `mutation ($id: ID!, $message: String!) { setCategoryAnnouncement(categoryId: $id, message: $message) { message updatedAt } }`;
  const AUDIT = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 10) { edges { node { action targetType targetId actor { id } before after } } } }`;
  let app: TestApp;
  let moderator: TestUser;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    moderator = await app.userWithRole('MODERATOR');
  });
  afterAll(async () => { await app.close(); });

  it("is pinned by a moderator in one category only, read by visitors, taken down by an empty message, and audited", async () => {
    const [billing, mobile] = [await app.category(), await app.category()];
    const set = await app.ok(SET_IN, { id: billing.id, message: ' Bills for March are a day late. ' }, moderator);
    expect(set.setCategoryAnnouncement.message).toBe('Bills for March are a day late.');
    expect(await app.ok(READ_IN, { id: billing.id })).toEqual({ categoryAnnouncement: { message: 'Bills for March are a day late.' } });
    expect(await app.ok(READ_IN, { id: mobile.id })).toEqual({ categoryAnnouncement: null });
    expect(await app.ok(READ)).toEqual({ announcement: null });

    await app.ok(SET_IN, { id: billing.id, message: 'Bills for March are out.' }, moderator);
    expect(await app.ok(SET_IN, { id: billing.id, message: '  ' }, moderator)).toEqual({ setCategoryAnnouncement: null });
    expect(await app.ok(READ_IN, { id: billing.id })).toEqual({ categoryAnnouncement: null });

    const log = await app.ok(AUDIT, { filter: { targetType: 'CATEGORY', targetId: billing.id } }, await app.admin());
    expect(log.auditLog.edges.map((e: { node: { action: string } }) => e.node).filter((entry: { action: string }) => entry.action !== 'CATEGORY_CREATED')).toEqual([
      { action: 'CATEGORY_ANNOUNCEMENT_CLEARED', targetType: 'CATEGORY', targetId: billing.id, actor: { id: moderator.id }, before: { message: 'Bills for March are out.' }, after: null },
      { action: 'CATEGORY_ANNOUNCEMENT_SET', targetType: 'CATEGORY', targetId: billing.id, actor: { id: moderator.id },
        before: { message: 'Bills for March are a day late.' }, after: { message: 'Bills for March are out.' } },
      { action: 'CATEGORY_ANNOUNCEMENT_SET', targetType: 'CATEGORY', targetId: billing.id, actor: { id: moderator.id }, before: null, after: { message: 'Bills for March are a day late.' } },
    ]);
  });

  it.each(['MEMBER', 'STAFF', 'MANAGER'] as const)('is FORBIDDEN to a %s', async (role) => {
    const category = await app.category();
    expectError(await app.gql(SET_IN, { id: category.id, message: 'Outage!' }, await app.userWithRole(role)), 'FORBIDDEN');
    expect(await app.ok(READ_IN, { id: category.id })).toEqual({ categoryAnnouncement: null });
  });

  it('answers NOT_FOUND for a category that does not exist and refuses a long message', async () => {
    expectError(await app.gql(SET_IN, { id: '999999', message: 'Hello.' }, moderator), 'NOT_FOUND');
    expectError(await app.gql(READ_IN, { id: 'x' }), 'NOT_FOUND');
    expectInvalid(await app.gql(SET_IN, { id: (await app.category()).id, message: 'x'.repeat(501) }, moderator), ['message']);
  });
});
