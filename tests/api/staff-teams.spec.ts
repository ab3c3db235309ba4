import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

const SET_TEAM = `mutation ($c: ID!, $u: [ID!]!) { setCategoryStaffTeam(categoryId: $c, userIds: $u) { id staffTeam { id displayName } } }`;
const ESCALATE = `mutation ($q: ID!) { escalateQuestion(questionId: $q, reason: "Needs our team") { id } }`;
const QUEUE = `query ($filter: StaffQueueFilter) { staffQueue(filter: $filter, first: 50) { totalCount edges { node {
  question { id } escalation { suggestedAssignee { id } } } } } }`;

describe('staff teams per category', () => {
  let app: TestApp;
  let admin: TestUser;
  let asker: TestUser;
  let moderator: TestUser;
  let manager: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;

  beforeAll(async () => {
    app = await TestApp.start();
    admin = await app.admin();
    asker = await app.member('Asker');
    await app.setTrustLevel(asker, 'MEMBER');
    moderator = await app.userWithRole('MODERATOR', 'EMPLOYEE');
    manager = await app.userWithRole('MANAGER');
    [alice, bob, carol] = [await app.userWithRole('STAFF', undefined, 'Alice'), await app.userWithRole('STAFF', undefined, 'Bob'), await app.userWithRole('STAFF', undefined, 'Carol')];
  });
  afterAll(async () => { await app.close(); });

  const escalated = async (categoryId: string) => {
    const question = await app.ask(asker, categoryId);
    await app.ok(ESCALATE, { q: question.id }, moderator);
    return question.id;
  };
  const toldOf = async (user: TestUser, questionId: string) => {
    const rows = await app.db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND question_id = $2 AND kind = 'QUESTION_ESCALATED'`, [user.id, questionId]);
    return rows.length > 0;
  };

  it('lets only admins set a team, of employees who handle escalations, and audits it', async () => {
    const category = await app.category();
    for (const user of [asker, moderator, manager, alice]) expectError(await app.gql(SET_TEAM, { c: category.id, u: [alice.id] }, user), 'FORBIDDEN');
    expectError(await app.gql(SET_TEAM, { c: category.id, u: [alice.id] }), 'UNAUTHENTICATED');
    for (const outsider of [asker, moderator, manager]) expectInvalid(await app.gql(SET_TEAM, { c: category.id, u: [alice.id, outsider.id] }, admin), ['userIds']);
    expectInvalid(await app.gql(SET_TEAM, { c: category.id, u: ['999999'] }, admin), ['userIds']);
    expectError(await app.gql(SET_TEAM, { c: '999999', u: [alice.id] }, admin), 'NOT_FOUND');

    const set = await app.ok<{ setCategoryStaffTeam: any }>(SET_TEAM, { c: category.id, u: [bob.id, alice.id, bob.id] }, admin);
    expect(set.setCategoryStaffTeam.staffTeam.map((u: { displayName: string }) => u.displayName)).toEqual(['Alice', 'Bob']);
    const listed = await app.ok<{ category: any }>(`query ($s: String!) { category(slug: $s) { staffTeam { id } } }`, { s: category.slug });
    expect(listed.category.staffTeam.map((u: { id: string }) => u.id)).toEqual([alice.id, bob.id]);
    const audit = await app.db.query(`SELECT before, after FROM audit_log WHERE action = 'CATEGORY_STAFF_TEAM_SET' AND target_id = $1`, [category.id]);
    expect(audit).toEqual([{ before: { staffTeam: [] }, after: { staffTeam: [alice.id, bob.id] } }]);
    // Setting the same team again changes nothing and records nothing.
    await app.ok(SET_TEAM, { c: category.id, u: [alice.id, bob.id] }, admin);
    expect(await app.count('audit_log', `action = 'CATEGORY_STAFF_TEAM_SET' AND target_id = $1`, [category.id])).toBe(1);
    await app.ok(SET_TEAM, { c: category.id, u: [] }, admin);
    expect((await app.ok<{ category: any }>(`query ($s: String!) { category(slug: $s) { staffTeam { id } } }`, { s: category.slug })).category.staffTeam).toEqual([]);
  });

  it("tells the category's team of an escalation, and every member of staff where the category has no team", async () => {
    const teamed = await app.category();
    await app.ok(SET_TEAM, { c: teamed.id, u: [alice.id] }, admin);
    const withTeam = await escalated(teamed.id);
    expect(await toldOf(alice, withTeam)).toBe(true);
    expect(await toldOf(bob, withTeam)).toBe(false);
    expect(await toldOf(carol, withTeam)).toBe(false);
    expect(await toldOf(asker, withTeam)).toBe(true);

    const untended = await app.category();
    const withoutTeam = await escalated(untended.id);
    for (const member of [alice, bob, carol]) expect(await toldOf(member, withoutTeam)).toBe(true);
  });

  it('suggests the team member with the fewest open escalations, to those who handle escalations only', async () => {
    const category = await app.category();
    await app.ok(SET_TEAM, { c: category.id, u: [bob.id, carol.id] }, admin);
    const first = await escalated(category.id);
    const second = await escalated(category.id);
    // Bob has one open escalation, Carol none: Carol is suggested.
    await app.ok(`mutation ($q: ID!) { claimEscalation(questionId: $q) { id } }`, { q: first }, bob);
    const queue = async (user: TestUser) => (await app.ok<{ staffQueue: any }>(QUEUE, { filter: { categoryId: category.id } }, user)).staffQueue;
    const suggested = (await queue(alice)).edges.map((e: any) => [e.node.question.id, e.node.escalation.suggestedAssignee?.id]);
    expect(suggested).toEqual(expect.arrayContaining([[first, carol.id], [second, carol.id]]));
    // Two for Carol now: Bob (one) is suggested.
    await app.ok(`mutation ($q: ID!, $u: ID!) { assignEscalation(questionId: $q, userId: $u) { id } }`, { q: second, u: carol.id }, alice);
    await app.ok(`mutation ($q: ID!, $u: ID!) { assignEscalation(questionId: $q, userId: $u) { id } }`, { q: await escalated(category.id), u: carol.id }, alice);
    expect((await queue(alice)).edges[0].node.escalation.suggestedAssignee.id).toBe(bob.id);
    // A manager sees the queue but assigns nothing: no suggestion.
    expect((await queue(manager)).edges[0].node.escalation.suggestedAssignee).toBeNull();
  });

  it("opens the staff queue on the viewer's teams' categories with mine, and on everything for one in no team", async () => {
    const mineCategory = await app.category();
    const otherCategory = await app.category();
    await app.ok(SET_TEAM, { c: mineCategory.id, u: [alice.id] }, admin);
    const ours = await escalated(mineCategory.id);
    const theirs = await escalated(otherCategory.id);
    const ids = async (user: TestUser, mine: boolean) =>
      (await app.ok<{ staffQueue: any }>(QUEUE, { filter: { mine } }, user)).staffQueue.edges.map((e: any) => e.node.question.id);
    const aliceMine = await ids(alice, true);
    expect(aliceMine).toContain(ours);
    expect(aliceMine).not.toContain(theirs);
    expect(await ids(alice, false)).toEqual(expect.arrayContaining([ours, theirs]));
    // The admin is in no team: "mine" is everything.
    expect(await ids(admin, true)).toEqual(expect.arrayContaining([ours, theirs]));
  });
});
