import { checkCanDeletePost, checkCanEditPost } from './post-permissions';
import type { Role } from './roles';

const post = { authorId: 'author' };

describe('checkCanEditPost', () => {
  it('lets the author edit', () => {
    expect(() => checkCanEditPost({ id: 'author', role: 'MEMBER' }, post)).not.toThrow();
  });

  it.each<Role>(['MODERATOR', 'ADMIN'])('lets a %s edit any post', (role) => {
    expect(() => checkCanEditPost({ id: 'other', role }, post)).not.toThrow();
  });

  it.each<Role>(['MEMBER', 'STAFF', 'MANAGER'])('forbids a %s from editing someone else’s post', (role) => {
    expect(() => checkCanEditPost({ id: 'other', role }, post)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only the author, or a moderator, can edit this post.' }),
    );
  });

  it('leaves posts of deleted accounts to moderators', () => {
    expect(() => checkCanEditPost({ id: 'other', role: 'MEMBER' }, { authorId: null })).toThrow(
      'Only the author, or a moderator, can edit this post.',
    );
  });
});

describe('checkCanDeletePost', () => {
  it('lets the author delete', () => {
    expect(() => checkCanDeletePost({ id: 'author', role: 'MEMBER' }, post)).not.toThrow();
  });

  it.each<Role>(['MODERATOR', 'ADMIN'])('lets a %s delete any post', (role) => {
    expect(() => checkCanDeletePost({ id: 'other', role }, post)).not.toThrow();
  });

  it.each<Role>(['MEMBER', 'STAFF', 'MANAGER'])('forbids a %s from deleting someone else’s post', (role) => {
    expect(() => checkCanDeletePost({ id: 'other', role }, post)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only the author, or a moderator, can delete this post.' }),
    );
  });
});
