import { forbidden } from './errors';
import { type Actor, isOwnerOrCan } from './roles';

export function checkCanEditPost(actor: Actor, post: { authorId: string | null }): void {
  if (!isOwnerOrCan(actor, post.authorId, 'edit_any_post')) {
    throw forbidden('Only the author, or a moderator, can edit this post.');
  }
}

export function checkCanDeletePost(actor: Actor, post: { authorId: string | null }): void {
  if (!isOwnerOrCan(actor, post.authorId, 'delete_any_post')) {
    throw forbidden('Only the author, or a moderator, can delete this post.');
  }
}
