import type { Role } from '@peerdesk/domain';
import { type Auth, expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Who may change roles and affiliations, what the audit log records, and who sees what about a user.

const USER_FIELDS = `id displayName email role affiliation isEmployee`;
const SET_ROLE = `mutation ($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { ${USER_FIELDS} } }`;
const SET_AFFILIATION = `mutation ($id: ID!, $a: Affiliation!) { setUserAffiliation(userId: $id, affiliation: $a) { ${USER_FIELDS} } }`;
const AUDIT_LOG = `query ($id: ID!) { userAuditLog(userId: $id) { actorId action targetType targetId before after createdAt } }`;
const USER = `query ($id: ID!) { user(id: $id) { ${USER_FIELDS} } }`;
const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`;

interface AuditEntry {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, string>;
  after: Record<string, string>;
  createdAt: string;
}

describe('authorization', () => {
  let app: TestApp;
  let admin: TestUser;
  const nonAdmins: Partial<Record<Role, TestUser>> = {};

  beforeAll(async () => {
    // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    admin = await app.admin();
    for (const role of ['MEMBER', 'MODERATOR', 'STAFF', 'MANAGER'] as const) nonAdmins[role] = await app.userWithRole(role);
  });
  afterAll(async () => { await app.close(); });

  const userAs = async (viewer: Auth, id: string) => (await app.ok(USER, { id }, viewer)).user;
  const auditLog = async (userId: string) => (await app.ok<{ userAuditLog: AuditEntry[] }>(AUDIT_LOG, { id: userId }, admin)).userAuditLog;

  /** Runs a change and returns the clock's reading just before and just after it, to check when it was recorded. */
  async function timed<T>(change: () => Promise<T>): Promise<{ result: T; from: number; to: number }> {
    const from = app.clock.now().getTime();
    const result = await change();
    return { result, from, to: app.clock.now().getTime() };
  }

  describe('admin-only operations', () => {
    // Refused calls change nothing, so they can all aim at one user.
    let target: TestUser;
    beforeAll(async () => { target = await app.member(); });

    const operations: Array<[string, string, (target: TestUser) => Record<string, unknown>]> = [
      ['setUserRole', SET_ROLE, (t) => ({ id: t.id, role: 'MODERATOR' })],
      ['setUserAffiliation', SET_AFFILIATION, (t) => ({ id: t.id, a: 'COMMUNITY' })],
      ['createCategory', CREATE_CATEGORY, () => ({ input: { name: 'Sneaky', slug: `sneaky-${Date.now()}` } })],
    ];

    describe.each(operations)('%s', (_name, operation, variables) => {
      it.each(['MEMBER', 'MODERATOR', 'STAFF', 'MANAGER'] as const)('is FORBIDDEN for a %s, changing nothing', async (role) => {
        const categories = await app.count('categories');

        expectError(await app.gql(operation, variables(target), nonAdmins[role]!), 'FORBIDDEN');

        expect(await userAs(admin, target.id)).toMatchObject({ role: 'MEMBER', affiliation: 'COMMUNITY' });
        expect(await app.count('categories')).toBe(categories);
        expect(await app.count('audit_log', 'target_id = $1', [target.id])).toBe(0);
      });

      it('is UNAUTHENTICATED without a session', async () => {
        expectError(await app.gql(operation, variables(target)), 'UNAUTHENTICATED');
      });
    });
  });

  describe('setUserRole', () => {
    it('changes the role and records who did it, when, and the before and after', async () => {
      const target = await app.member();

      const change = await timed(() => app.ok(SET_ROLE, { id: target.id, role: 'MODERATOR' }, admin));

      expect(change.result.setUserRole).toEqual({
        id: target.id, displayName: target.displayName, email: target.email, role: 'MODERATOR', affiliation: 'COMMUNITY', isEmployee: false,
      });
      const [entry] = await auditLog(target.id);
      expect(entry).toEqual({
        actorId: admin.id,
        action: 'USER_ROLE_CHANGED',
        targetType: 'USER',
        targetId: target.id,
        before: { role: 'MEMBER', affiliation: 'COMMUNITY' },
        after: { role: 'MODERATOR', affiliation: 'COMMUNITY' },
        createdAt: expect.any(String),
      });
      expect(Date.parse(entry.createdAt)).toBeGreaterThanOrEqual(change.from);
      expect(Date.parse(entry.createdAt)).toBeLessThanOrEqual(change.to);
    });

    it('makes staff, managers and admins employees, and members community again', async () => {
      const target = await app.member();
      const roleAndAffiliation = async (role: Role) => {
        const { setUserRole } = await app.ok(SET_ROLE, { id: target.id, role }, admin);
        return [setUserRole.role, setUserRole.affiliation, setUserRole.isEmployee];
      };

      expect(await roleAndAffiliation('STAFF')).toEqual(['STAFF', 'EMPLOYEE', true]);
      expect(await roleAndAffiliation('MANAGER')).toEqual(['MANAGER', 'EMPLOYEE', true]);
      // A moderator keeps the affiliation they had: an employee stays one.
      expect(await roleAndAffiliation('MODERATOR')).toEqual(['MODERATOR', 'EMPLOYEE', true]);
      expect(await roleAndAffiliation('MEMBER')).toEqual(['MEMBER', 'COMMUNITY', false]);

      expect((await auditLog(target.id)).map((e) => [e.before, e.after])).toEqual([
        [{ role: 'MEMBER', affiliation: 'COMMUNITY' }, { role: 'STAFF', affiliation: 'EMPLOYEE' }],
        [{ role: 'STAFF', affiliation: 'EMPLOYEE' }, { role: 'MANAGER', affiliation: 'EMPLOYEE' }],
        [{ role: 'MANAGER', affiliation: 'EMPLOYEE' }, { role: 'MODERATOR', affiliation: 'EMPLOYEE' }],
        [{ role: 'MODERATOR', affiliation: 'EMPLOYEE' }, { role: 'MEMBER', affiliation: 'COMMUNITY' }],
      ]);
    });

    it('takes effect on the sessions the user already has', async () => {
      const target = await app.member();
      expectError(await app.gql(AUDIT_LOG, { id: target.id }, target), 'FORBIDDEN');

      await app.setRole(target, 'ADMIN');
      expect((await app.ok(`{ me { role affiliation } }`, {}, target)).me).toEqual({ role: 'ADMIN', affiliation: 'EMPLOYEE' });
      expect((await app.ok(AUDIT_LOG, { id: target.id }, target)).userAuditLog).toHaveLength(1);

      await app.setRole(target, 'MEMBER');
      expectError(await app.gql(AUDIT_LOG, { id: target.id }, target), 'FORBIDDEN');
    });

    it("refuses an admin's change of their own role", async () => {
      const response = await app.gql(SET_ROLE, { id: admin.id, role: 'MEMBER' }, admin);
      expect(expectError(response, 'CONFLICT').message).toBe("You can't change your own role; ask another admin.");
      expect((await userAs(admin, admin.id)).role).toBe('ADMIN');
    });

    it.each(['999999', 'abc'])('answers NOT_FOUND for the user id %p', async (id) => {
      expectError(await app.gql(SET_ROLE, { id, role: 'MODERATOR' }, admin), 'NOT_FOUND');
      expectError(await app.gql(SET_AFFILIATION, { id, a: 'EMPLOYEE' }, admin), 'NOT_FOUND');
    });
  });

  describe('setUserAffiliation', () => {
    it('lets a moderator be a volunteer or an employee, auditing each change', async () => {
      const moderator = await app.userWithRole('MODERATOR');
      const setAffiliation = async (a: string) => (await app.ok(SET_AFFILIATION, { id: moderator.id, a }, admin)).setUserAffiliation;

      expect(await setAffiliation('EMPLOYEE')).toMatchObject({ role: 'MODERATOR', affiliation: 'EMPLOYEE', isEmployee: true });
      expect(await setAffiliation('COMMUNITY')).toMatchObject({ role: 'MODERATOR', affiliation: 'COMMUNITY', isEmployee: false });

      expect((await auditLog(moderator.id)).map((e) => [e.actorId, e.action, e.before, e.after])).toEqual([
        [admin.id, 'USER_ROLE_CHANGED', { role: 'MEMBER', affiliation: 'COMMUNITY' }, { role: 'MODERATOR', affiliation: 'COMMUNITY' }],
        [admin.id, 'USER_AFFILIATION_CHANGED', { role: 'MODERATOR', affiliation: 'COMMUNITY' }, { role: 'MODERATOR', affiliation: 'EMPLOYEE' }],
        [admin.id, 'USER_AFFILIATION_CHANGED', { role: 'MODERATOR', affiliation: 'EMPLOYEE' }, { role: 'MODERATOR', affiliation: 'COMMUNITY' }],
      ]);
    });

    it.each([
      ['STAFF', 'COMMUNITY', 'A STAFF user is always an employee.'],
      ['MANAGER', 'COMMUNITY', 'A MANAGER user is always an employee.'],
      ['MEMBER', 'EMPLOYEE', 'A MEMBER user is always a community member (a customer).'],
    ] as const)('refuses to make a %s %s, changing and auditing nothing', async (role, affiliation, message) => {
      const target = await app.userWithRole(role);
      const entries = await auditLog(target.id);

      const response = await app.gql(SET_AFFILIATION, { id: target.id, a: affiliation }, admin);

      expect(expectInvalid(response, ['affiliation'])).toEqual([{ field: 'affiliation', message }]);
      expect((await userAs(admin, target.id)).affiliation).toBe(affiliation === 'COMMUNITY' ? 'EMPLOYEE' : 'COMMUNITY');
      expect(await auditLog(target.id)).toEqual(entries);
    });
  });

  describe('userAuditLog', () => {
    it('is for moderators and admins (tests/api/audit-log.spec.ts tries every role)', async () => {
      const target = await app.member();
      await app.setRole(target, 'STAFF');
      const moderator = await app.userWithRole('MODERATOR');
      expect((await app.ok<{ userAuditLog: AuditEntry[] }>(AUDIT_LOG, { id: target.id }, moderator)).userAuditLog.map((e) => e.action)).toEqual(['USER_ROLE_CHANGED']);
      expectError(await app.gql(AUDIT_LOG, { id: target.id }, nonAdmins.STAFF!), 'FORBIDDEN');
    });

    it('lists only the changes to that user, oldest first', async () => {
      const [first, second] = [await app.member(), await app.member()];
      await app.setRole(first, 'MODERATOR');
      await app.setRole(second, 'STAFF');
      app.clock.advance(60);
      await app.setAffiliation(first, 'EMPLOYEE');

      const entries = await auditLog(first.id);
      expect(entries.map((e) => [e.targetId, e.action])).toEqual([
        [first.id, 'USER_ROLE_CHANGED'],
        [first.id, 'USER_AFFILIATION_CHANGED'],
      ]);
      expect(Date.parse(entries[1].createdAt) - Date.parse(entries[0].createdAt)).toBeGreaterThanOrEqual(60_000);
      expect(await auditLog((await app.member()).id)).toEqual([]);
    });
  });

  describe('user profiles', () => {
    it('show the e-mail address only to the user themself and to admins', async () => {
      const [owner, other] = [await app.member('Profile Owner'), await app.member()];
      const profile = { id: owner.id, displayName: 'Profile Owner', role: 'MEMBER', affiliation: 'COMMUNITY', isEmployee: false };

      expect(await userAs(owner, owner.id)).toEqual({ ...profile, email: owner.email });
      expect(await userAs(admin, owner.id)).toEqual({ ...profile, email: owner.email });
      expect(await userAs(other, owner.id)).toEqual({ ...profile, email: null });
      expect(await userAs(nonAdmins.MODERATOR!, owner.id)).toEqual({ ...profile, email: null });
      expect(await userAs({}, owner.id)).toEqual({ ...profile, email: null });
    });
  });
});
