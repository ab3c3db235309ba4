import { type Actor, type Capability, PARTICIPATION_CAPABILITIES, type Role } from './roles';
import { type FieldError, forbidden } from './errors';
import { LIMITS } from './validation';
import { momentText } from './moment-text';

/**
 * A member's standing: suspended (may read and sign in, may not take part: ask, answer, comment, vote,
 * flag) or silenced (may take part, but their posts wait for a moderator) until a time, with the
 * moderator's reason. Both end by themselves at `until`; every rule takes `now`.
 */
export interface Restriction {
  until: Date;
  reason: string;
}

/** How a restriction is stored on the user (the users table's columns, as the entity and the viewer carry them). */
export interface RestrictionColumns {
  suspendedUntil: Date | null;
  suspensionReason: string | null;
  silencedUntil: Date | null;
  silenceReason: string | null;
}

export interface Standing {
  suspended: boolean;
  silenced: boolean;
  /** The suspension in force, or null. */
  suspension: Restriction | null;
  /** The silence in force, or null. */
  silence: Restriction | null;
}

function inForce(until: Date | null, reason: string | null, now: Date): Restriction | null {
  return until !== null && until.getTime() > now.getTime() ? { until, reason: reason ?? '' } : null;
}

/** The user's standing at `now`: a restriction whose `until` has passed is over. */
export function standingOf(user: RestrictionColumns, now: Date): Standing {
  const suspension = inForce(user.suspendedUntil, user.suspensionReason, now);
  const silence = inForce(user.silencedUntil, user.silenceReason, now);
  return { suspended: suspension !== null, silenced: silence !== null, suspension, silence };
}

/** What a suspended member is told when they try to take part. */
export function suspensionMessage(suspension: Restriction): string {
  return `Your account is suspended until ${momentText(suspension.until)}: ${suspension.reason} `
    + 'You can still read and sign in, but not post, vote or flag until then.';
}

/**
 * Why this user may not use `capability` now, or null when they may: a suspension in force refuses every
 * capability, taking part (roles.ts's PARTICIPATION_CAPABILITIES) and a role's tools alike, so a suspended
 * moderator or member of staff can neither post nor moderate.
 */
export function suspensionRefusal(user: RestrictionColumns, capability: Capability, now: Date): string | null {
  const { suspension } = standingOf(user, now);
  if (!suspension) return null;
  return PARTICIPATION_CAPABILITIES.includes(capability)
    ? suspensionMessage(suspension)
    : `${suspensionMessage(suspension)} Your role's tools (moderating, managing users and the rest) are closed to you until then too.`;
}

/** Throws FORBIDDEN when a suspension is in force: acting on someone else's post with a role's capability (edit_any_post, ...). */
export function checkNotSuspended(user: RestrictionColumns, capability: Capability, now: Date): void {
  const refusal = suspensionRefusal(user, capability, now);
  if (refusal) throw forbidden(refusal);
}

/**
 * Who may suspend or silence whom (as Discourse: restraining is for the community, staff are demoted
 * first). Nobody restrains themself. A moderator restrains members only: not another moderator, not an
 * employee role (staff, manager) and not an admin. An admin restrains anyone but another admin (demote
 * them first). Holders of `manage_users` only; the guard checks that before this is asked.
 * Null when allowed, else the refusal's message.
 */
export function restrainRefusal(actor: Actor, target: { id: string; role: Role }): string | null {
  if (actor.id === target.id) return "You can't suspend or silence yourself.";
  if (target.role === 'ADMIN') return "An admin can't be suspended or silenced; another admin must change their role first.";
  if (actor.role !== 'ADMIN' && target.role !== 'MEMBER') {
    return `Only an admin can suspend or silence a ${target.role.toLowerCase()}.`;
  }
  return null;
}

/** A suspension's or silence's end and reason: the end after `now`, a reason a member can read. */
export function validateRestriction(input: { until: Date; reason: string }, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!(input.until instanceof Date) || Number.isNaN(input.until.getTime())) errors.push({ field: 'until', message: 'Give the date and time it ends.' });
  else if (input.until.getTime() <= now.getTime()) errors.push({ field: 'until', message: 'The end must be in the future.' });
  const { min, max } = LIMITS.restrictionReason;
  const length = [...input.reason.trim()].length;
  if (length === 0) errors.push({ field: 'reason', message: 'Say why: the member reads it.' });
  else if (length < min || length > max) errors.push({ field: 'reason', message: `The reason must be between ${min} and ${max} characters (it has ${length}).` });
  return errors;
}
