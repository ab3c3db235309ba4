import {
  affiliationAfterRoleChange,
  AFFILIATIONS,
  authorKindFor,
  can,
  CAPABILITIES,
  type Capability,
  checkAffiliation,
  isAffiliation,
  isOwnerOrCan,
  isRole,
  requiredAffiliation,
  type Role,
  ROLE_CAPABILITIES,
  ROLES,
} from './roles';

const PARTICIPATION: Capability[] = ['ask_question', 'post_answer', 'post_comment', 'vote', 'flag_post'];

/** Which roles hold a capability, in the table's role order. */
const holders = (capability: Capability): Role[] => ROLES.filter((role) => can(role, capability));

// What the product promises each role, stated per duty (from the brief), not copied from the table: the
// table may be reorganized freely as long as these hold. The API's enforcement of the table, operation by
// operation and role by role, is tests/api/capability-enforcement.spec.ts.
describe('ROLE_CAPABILITIES', () => {
  it('has a row for every role and nothing else', () => {
    expect(Object.keys(ROLE_CAPABILITIES).sort()).toEqual([...ROLES].sort());
  });

  it('lets everybody take part: ask, answer, comment, vote and flag', () => {
    for (const capability of PARTICIPATION) expect(holders(capability)).toEqual([...ROLES]);
  });

  it('gives a customer (MEMBER) nothing beyond taking part', () => {
    expect(CAPABILITIES.filter((capability) => can('MEMBER', capability))).toEqual(PARTICIPATION);
  });

  it('lets moderators, and admins, care for threads: edit, delete, accept for the asker, lock and close, review flagged and held posts', () => {
    for (const capability of ['edit_any_post', 'delete_any_post', 'accept_any_answer', 'moderate_threads', 'review_posts'] as const) {
      expect([capability, holders(capability)]).toEqual([capability, ['MODERATOR', 'ADMIN']]);
    }
  });

  it('lets moderators, and admins, find users and suspend or silence them', () => {
    expect(holders('manage_users')).toEqual(['MODERATOR', 'ADMIN']);
  });

  it('shows the staff queue to everyone who works it or watches it, never to a customer', () => {
    expect(holders('view_staff_queue')).toEqual(['MODERATOR', 'STAFF', 'MANAGER', 'ADMIN']);
  });

  it('lets moderators and staff send a question to staff, ask the asker for information and hand it back', () => {
    for (const capability of ['escalate_question', 'mark_needs_info', 'return_to_community'] as const) {
      expect([capability, holders(capability)]).toEqual([capability, ['MODERATOR', 'STAFF', 'ADMIN']]);
    }
  });

  it('has escalations handled (claimed, answered, breached) only by staff, the admin standing in', () => {
    expect(holders('handle_escalation')).toEqual(['STAFF', 'ADMIN']);
  });

  it('lets only managers and admins read the deflection reports', () => {
    expect(holders('view_reports')).toEqual(['MANAGER', 'ADMIN']);
  });

  it("lets moderators, and admins, set a member's trust level by hand", () => {
    expect(holders('set_trust_level')).toEqual(['MODERATOR', 'ADMIN']);
  });

  it('gives an ADMIN every capability', () => {
    expect(CAPABILITIES.filter((capability) => can('ADMIN', capability))).toEqual([...CAPABILITIES]);
  });

  it('only ADMIN administers users, categories, webhooks, announcements and the spam rules', () => {
    const administration: Capability[] = [
      'set_user_role',
      'set_user_affiliation',
      'manage_categories',
      'manage_webhooks',
      'set_announcement',
      'manage_spam_rules',
    ];
    for (const capability of administration) {
      expect([capability, holders(capability)]).toEqual([capability, ['ADMIN']]);
    }
  });

  it('shows the audit log to those who act on others (moderators) and those who answer for them (admins), never to staff or customers', () => {
    expect(holders('view_audit_log')).toEqual(['MODERATOR', 'ADMIN']);
  });

  it('names every capability in one of the duties above', () => {
    const stated = new Set<Capability>([
      ...PARTICIPATION, 'edit_any_post', 'delete_any_post', 'accept_any_answer', 'moderate_threads', 'review_posts', 'view_staff_queue',
      'escalate_question', 'mark_needs_info', 'return_to_community', 'handle_escalation', 'view_reports', 'endorse_answer',
      'set_user_role', 'set_user_affiliation', 'manage_categories', 'manage_webhooks', 'set_announcement', 'view_audit_log',
      'manage_users',
      'set_trust_level',
      'manage_spam_rules',
    ]);
    expect(CAPABILITIES.filter((capability) => !stated.has(capability))).toEqual([]);
  });
});

describe('endorse_answer', () => {
  it('belongs only to roles that are always employees, so an endorsement is always a staff one', () => {
    const endorsers = ROLES.filter((role) => can(role, 'endorse_answer'));
    expect(endorsers).toEqual(['STAFF', 'MANAGER', 'ADMIN']);
    for (const role of endorsers) expect(requiredAffiliation(role)).toBe('EMPLOYEE');
  });
});

describe('isOwnerOrCan', () => {
  const member = { id: 'u1', role: 'MEMBER' } as const;

  it('lets the owner act without the capability', () => {
    expect(isOwnerOrCan(member, 'u1', 'edit_any_post')).toBe(true);
  });

  it('refuses someone else without the capability', () => {
    expect(isOwnerOrCan(member, 'u2', 'edit_any_post')).toBe(false);
  });

  it('lets someone else act with the capability', () => {
    expect(isOwnerOrCan({ id: 'm1', role: 'MODERATOR' }, 'u2', 'edit_any_post')).toBe(true);
  });

  it('treats a deleted owner (null) as nobody', () => {
    expect(isOwnerOrCan(member, null, 'edit_any_post')).toBe(false);
  });
});

describe('isRole / isAffiliation', () => {
  it.each(ROLES)('accepts %s as a role', (role) => expect(isRole(role)).toBe(true));
  it.each(['admin', 'OWNER', '', 'EMPLOYEE'])('rejects %p as a role', (value) => expect(isRole(value)).toBe(false));
  it.each(AFFILIATIONS)('accepts %s as an affiliation', (value) => expect(isAffiliation(value)).toBe(true));
  it.each(['employee', 'STAFF', ''])('rejects %p as an affiliation', (value) => expect(isAffiliation(value)).toBe(false));
});

describe('affiliation rules', () => {
  it.each([
    ['MEMBER', 'COMMUNITY'],
    ['MODERATOR', null],
    ['STAFF', 'EMPLOYEE'],
    ['MANAGER', 'EMPLOYEE'],
    ['ADMIN', 'EMPLOYEE'],
  ] as const)('%s requires %p', (role, affiliation) => {
    expect(requiredAffiliation(role)).toBe(affiliation);
  });

  it.each([
    ['STAFF', 'COMMUNITY', 'EMPLOYEE'],
    ['MANAGER', 'COMMUNITY', 'EMPLOYEE'],
    ['ADMIN', 'COMMUNITY', 'EMPLOYEE'],
    ['MEMBER', 'EMPLOYEE', 'COMMUNITY'],
    ['MODERATOR', 'EMPLOYEE', 'EMPLOYEE'],
    ['MODERATOR', 'COMMUNITY', 'COMMUNITY'],
  ] as const)('becoming %s from %s leaves the user %s', (role, current, expected) => {
    expect(affiliationAfterRoleChange(role, current)).toBe(expected);
  });

  it.each([
    ['STAFF', 'COMMUNITY', 'A STAFF user is always an employee.'],
    ['MANAGER', 'COMMUNITY', 'A MANAGER user is always an employee.'],
    ['ADMIN', 'COMMUNITY', 'An ADMIN user is always an employee.'],
    ['MEMBER', 'EMPLOYEE', 'A MEMBER user is always a community member (a customer).'],
  ] as const)('refuses %s with %s', (role, affiliation, message) => {
    expect(checkAffiliation(role, affiliation)).toBe(message);
  });

  it.each([
    ['MEMBER', 'COMMUNITY'],
    ['MODERATOR', 'COMMUNITY'],
    ['MODERATOR', 'EMPLOYEE'],
    ['STAFF', 'EMPLOYEE'],
    ['MANAGER', 'EMPLOYEE'],
    ['ADMIN', 'EMPLOYEE'],
  ] as const)('allows %s with %s', (role, affiliation) => {
    expect(checkAffiliation(role, affiliation)).toBeNull();
  });

  it('never produces a combination checkAffiliation refuses', () => {
    for (const role of ROLES) {
      for (const affiliation of AFFILIATIONS) {
        expect(checkAffiliation(role, affiliationAfterRoleChange(role, affiliation))).toBeNull();
      }
    }
  });
});

describe('authorKindFor', () => {
  it('counts employees as STAFF and community members as PEER, whatever their role', () => {
    expect(authorKindFor('EMPLOYEE')).toBe('STAFF');
    expect(authorKindFor('COMMUNITY')).toBe('PEER');
  });
});
