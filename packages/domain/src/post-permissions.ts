import { DomainError, forbidden } from './errors';
import { type Actor, type Capability, can, isOwnerOrCan } from './roles';
import { checkNotSuspended, type RestrictionColumns, standingOf, suspensionMessage } from './standing';
import { type TrustLevel, trustPrivilegesOf } from './trust-levels';

/** The author, or someone who may edit anyone's posts (moderators, admins). */
export function canEditPost(actor: Actor, post: { authorId: string | null }): boolean {
  return isOwnerOrCan(actor, post.authorId, 'edit_any_post');
}

/** The author, or someone who may delete anyone's posts (moderators, admins). */
export function canDeletePost(actor: Actor, post: { authorId: string | null }): boolean {
  return isOwnerOrCan(actor, post.authorId, 'delete_any_post');
}

/** Who acts, with their standing: a suspension takes away what their role lets them do to others' posts. */
export type ActingUser = Actor & RestrictionColumns;

/** The owner always; anyone else with the role's `capability`, unless suspended at `now` (standing.ts). */
function checkOwnerOrCapable(actor: ActingUser, ownerId: string | null, capability: Capability, refusal: string, now: Date): void {
  if (actor.id === ownerId) return;
  if (!can(actor.role, capability)) throw forbidden(refusal);
  checkNotSuspended(actor, capability, now);
}

export function checkCanEditPost(actor: ActingUser, post: { authorId: string | null }, now: Date): void {
  checkOwnerOrCapable(actor, post.authorId, 'edit_any_post', 'Only the author, or a moderator, can edit this post.', now);
}

/** What an edit of a question changes (fields whose value differs from the current one). */
export type QuestionEditField = 'title' | 'body' | 'tags';

/**
 * Editing a question: the author and moderators (`edit_any_post`) may change anything; a member whose trust
 * level allows editing others' tags (`TRUST_ALLOWANCES.editOthersTags`: REGULAR, LEADER) may
 * change only the tags of someone else's question, unless suspended at `now`. `changed`: the fields the edit changes.
 */
export function checkCanEditQuestion(
  actor: Actor & { trustLevel: TrustLevel } & RestrictionColumns,
  question: { authorId: string | null },
  changed: readonly QuestionEditField[],
  now: Date,
): void {
  if (actor.id === question.authorId || can(actor.role, 'edit_any_post')) {
    checkCanEditPost(actor, question, now);
    return;
  }
  if (!trustPrivilegesOf(actor.trustLevel).editOthersTags) checkCanEditPost(actor, question, now);
  if (changed.some((field) => field !== 'tags')) {
    throw forbidden("You may change only the tags of someone else's question; ask a moderator to change its title or body.");
  }
  const { suspension } = standingOf(actor, now);
  if (suspension) throw forbidden(suspensionMessage(suspension));
}

/** Whether `checkCanEditQuestion` would let the actor change the question's tags now (what a page offers them). */
export function canRetagQuestion(actor: Actor & { trustLevel: TrustLevel } & RestrictionColumns, question: { authorId: string | null }, now: Date): boolean {
  try {
    checkCanEditQuestion(actor, question, ['tags'], now);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

export function checkCanDeletePost(actor: ActingUser, post: { authorId: string | null }, now: Date): void {
  checkOwnerOrCapable(actor, post.authorId, 'delete_any_post', 'Only the author, or a moderator, can delete this post.', now);
}
