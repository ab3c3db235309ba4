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

const PARTICIPATION: Capability[] = ['ask_question', 'post_answer', 'post_comment', 'vote'];

function capabilitiesOf(role: Role): Capability[] {
  return CAPABILITIES.filter((capability) => can(role, capability));
}

describe('ROLE_CAPABILITIES', () => {
  it('has a row for every role and nothing else', () => {
    expect(Object.keys(ROLE_CAPABILITIES).sort()).toEqual([...ROLES].sort());
  });

  it('gives a MEMBER exactly asking, answering, commenting and voting', () => {
    expect(capabilitiesOf('MEMBER')).toEqual(PARTICIPATION);
  });

  it('gives a MODERATOR participation plus thread care, without reports or administration', () => {
    expect(capabilitiesOf('MODERATOR')).toEqual([
      ...PARTICIPATION,
      'edit_any_post',
      'delete_any_post',
      'accept_any_answer',
      'view_staff_queue',
      'escalate_question',
      'mark_needs_info',
      'return_to_community',
      'moderate_threads',
    ]);
  });

  it('gives STAFF participation plus the staff queue and escalation handling', () => {
    expect(capabilitiesOf('STAFF')).toEqual([
      ...PARTICIPATION,
      'view_staff_queue',
      'handle_escalation',
      'escalate_question',
      'mark_needs_info',
      'return_to_community',
      'endorse_answer',
    ]);
  });

  it('gives a MANAGER participation plus reports, the staff queue and endorsing answers', () => {
    expect(capabilitiesOf('MANAGER')).toEqual([...PARTICIPATION, 'view_staff_queue', 'view_reports', 'endorse_answer']);
  });

  it('gives an ADMIN every capability', () => {
    expect(capabilitiesOf('ADMIN')).toEqual([...CAPABILITIES]);
  });

  it.each([
    ['MEMBER', 'view_staff_queue'],
    ['MEMBER', 'view_reports'],
    ['MEMBER', 'set_user_role'],
    ['MEMBER', 'edit_any_post'],
    ['MEMBER', 'accept_any_answer'],
    ['MODERATOR', 'view_reports'],
    ['MODERATOR', 'set_user_role'],
    ['MODERATOR', 'handle_escalation'],
    ['MODERATOR', 'manage_categories'],
    ['STAFF', 'moderate_threads'],
    ['STAFF', 'accept_any_answer'],
    ['STAFF', 'edit_any_post'],
    ['STAFF', 'view_reports'],
    ['MANAGER', 'moderate_threads'],
    ['MANAGER', 'delete_any_post'],
    ['MANAGER', 'set_user_role'],
    ['MANAGER', 'view_audit_log'],
  ] as const)('%s cannot %s', (role, capability) => {
    expect(can(role, capability)).toBe(false);
  });

  it('only ADMIN administers users, categories, webhooks, announcements and the audit log', () => {
    const administration: Capability[] = [
      'set_user_role',
      'set_user_affiliation',
      'manage_categories',
      'manage_webhooks',
      'set_announcement',
      'view_audit_log',
    ];
    for (const capability of administration) {
      expect(ROLES.filter((role) => can(role, capability))).toEqual(['ADMIN']);
    }
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
