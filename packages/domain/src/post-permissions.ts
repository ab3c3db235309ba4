import { forbidden } from './errors';
import { type Actor, isOwnerOrCan } from './roles';
import { type RestrictionColumns, standingOf, suspensionMessage } from './standing';
import { type TrustLevel, trustPrivilegesOf } from './trust-levels';

/** The author, or someone who may edit anyone's posts (moderators, admins). */
export function canEditPost(actor: Actor, post: { authorId: string | null }): boolean {
  return isOwnerOrCan(actor, post.authorId, 'edit_any_post');
}

/** The author, or someone who may delete anyone's posts (moderators, admins). */
export function canDeletePost(actor: Actor, post: { authorId: string | null }): boolean {
  return isOwnerOrCan(actor, post.authorId, 'delete_any_post');
}

export function checkCanEditPost(actor: Actor, post: { authorId: string | null }): void {
  if (!canEditPost(actor, post)) {
    throw forbidden('Only the author, or a moderator, can edit this post.');
  }
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
  if (canEditPost(actor, question)) return;
  if (!trustPrivilegesOf(actor.trustLevel).editOthersTags) checkCanEditPost(actor, question);
  if (changed.some((field) => field !== 'tags')) {
    throw forbidden("You may change only the tags of someone else's question; ask a moderator to change its title or body.");
  }
  const { suspension } = standingOf(actor, now);
  if (suspension) throw forbidden(suspensionMessage(suspension));
}

export function checkCanDeletePost(actor: Actor, post: { authorId: string | null }): void {
  if (!canDeletePost(actor, post)) {
    throw forbidden('Only the author, or a moderator, can delete this post.');
  }
}
