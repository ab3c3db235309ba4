import { forbidden } from './errors';
import { type Actor, isOwnerOrCan } from './roles';

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

export function checkCanDeletePost(actor: Actor, post: { authorId: string | null }): void {
  if (!canDeletePost(actor, post)) {
    throw forbidden('Only the author, or a moderator, can delete this post.');
  }
}
