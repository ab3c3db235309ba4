export const ROLES = ['MEMBER', 'MODERATOR', 'STAFF', 'MANAGER', 'ADMIN'] as const;
export type Role = typeof ROLES[number];

export const AFFILIATIONS = ['COMMUNITY', 'EMPLOYEE'] as const;
export type Affiliation = typeof AFFILIATIONS[number];

/** Who wrote a post, as deflection reports count it. */
export const AUTHOR_KINDS = ['PEER', 'STAFF'] as const;
export type AuthorKind = typeof AUTHOR_KINDS[number];

export const CAPABILITIES = [
  'ask_question',
  'post_answer',
  'post_comment',
  'vote',
  'edit_any_post',
  'delete_any_post',
  'accept_any_answer',
  'manage_categories',
  'set_user_role',
  'set_user_affiliation',
  'view_audit_log',
  'view_staff_queue',
  'handle_escalation',
  'escalate_question',
  'mark_needs_info',
  'return_to_community',
  'moderate_threads', // lock, close, merge, handle flags
  'view_reports',
  'endorse_answer', // staff vouch for an answer; employees only (STAFF, MANAGER, ADMIN are always employees)
  'manage_webhooks',
  'set_announcement',
  'manage_users', // find users, suspend and silence them (standing.ts says whom)
  'flag_post', // flag a question, answer or comment for the moderators
  'review_posts', // the review queue: approve, hide or delete flagged and held posts
  'set_trust_level', // set (and lock) a member's trust level by hand, or hand it back to the automatic rule
  'manage_spam_rules', // edit the blocked words and link domains the spam checks hold posts for
] as const;
export type Capability = typeof CAPABILITIES[number];

/** Taking part in the community: what every role may do, and what a suspension takes away (standing.ts). */
export const PARTICIPATION_CAPABILITIES: readonly Capability[] = ['ask_question', 'post_answer', 'post_comment', 'vote', 'flag_post'];
const PARTICIPATION = PARTICIPATION_CAPABILITIES;

/** The one table every permission guard reads. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, ReadonlySet<Capability>>> = Object.freeze({
  MEMBER: new Set(PARTICIPATION),
  MODERATOR: new Set<Capability>([
    ...PARTICIPATION,
    'edit_any_post',
    'delete_any_post',
    'accept_any_answer',
    'escalate_question',
    'mark_needs_info',
    'return_to_community',
    'moderate_threads',
    'view_staff_queue',
    'manage_users',
    'review_posts',
    'set_trust_level',
    'view_audit_log',
  ]),
  STAFF: new Set<Capability>([
    ...PARTICIPATION,
    'view_staff_queue',
    'handle_escalation',
    'escalate_question',
    'mark_needs_info',
    'return_to_community',
    'endorse_answer',
  ]),
  MANAGER: new Set<Capability>([...PARTICIPATION, 'view_reports', 'view_staff_queue', 'endorse_answer']),
  ADMIN: new Set(CAPABILITIES),
});

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].has(capability);
}

/** Every role that has `capability`, in ROLES order (e.g. who may be assigned an escalation). */
export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((role) => can(role, capability));
}

/** Whoever is acting on something: enough to decide ownership and capabilities. */
export interface Actor {
  id: string;
  role: Role;
}

/** The owner may always act on their own thing; anyone else needs the capability. A null owner (deleted account) owns nothing. */
export function isOwnerOrCan(actor: Actor, ownerId: string | null, capability: Capability): boolean {
  return actor.id === ownerId || can(actor.role, capability);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isAffiliation(value: string): value is Affiliation {
  return (AFFILIATIONS as readonly string[]).includes(value);
}

/** The affiliation a role forces; null where either is allowed (volunteer or employee moderators). */
const REQUIRED_AFFILIATION: Readonly<Record<Role, Affiliation | null>> = Object.freeze({
  MEMBER: 'COMMUNITY',
  MODERATOR: null,
  STAFF: 'EMPLOYEE',
  MANAGER: 'EMPLOYEE',
  ADMIN: 'EMPLOYEE',
});

export function requiredAffiliation(role: Role): Affiliation | null {
  return REQUIRED_AFFILIATION[role];
}

export function affiliationAfterRoleChange(newRole: Role, currentAffiliation: Affiliation): Affiliation {
  return REQUIRED_AFFILIATION[newRole] ?? currentAffiliation;
}

const AFFILIATION_DESCRIPTION: Readonly<Record<Affiliation, string>> = {
  COMMUNITY: 'a community member (a customer)',
  EMPLOYEE: 'an employee',
};

/** A message explaining why the combination is not allowed, or null when it is. */
export function checkAffiliation(role: Role, affiliation: Affiliation): string | null {
  const required = REQUIRED_AFFILIATION[role];
  if (required === null || required === affiliation) return null;
  const article = /^[AEIOU]/.test(role) ? 'An' : 'A';
  return `${article} ${role} user is always ${AFFILIATION_DESCRIPTION[required]}.`;
}

/**
 * Deflection counts by affiliation at the time of writing, never by role:
 * a volunteer moderator's answer is a peer answer, an employee's is a staff answer whatever their role.
 */
export function authorKindFor(affiliation: Affiliation): AuthorKind {
  return affiliation === 'EMPLOYEE' ? 'STAFF' : 'PEER';
}
