import { checkCanDeletePost, checkCanEditPost, checkCanEditQuestion } from './post-permissions';
import type { Affiliation, Role } from './roles';
import type { TrustLevel } from './trust-levels';

const post = { authorId: 'author' };
const now = new Date('2026-03-01T12:00:00Z');
const free = { suspendedUntil: null, suspensionReason: null, silencedUntil: null, silenceReason: null };
const suspended = { ...free, suspendedUntil: new Date('2026-03-08T12:00:00Z'), suspensionReason: 'Abusive messages.' };

describe('checkCanEditPost', () => {
  it('lets the author edit', () => {
    expect(() => checkCanEditPost({ id: 'author', role: 'MEMBER', ...free }, post, now)).not.toThrow();
  });

  it.each<Role>(['MODERATOR', 'ADMIN'])('lets a %s edit any post', (role) => {
    expect(() => checkCanEditPost({ id: 'other', role, ...free }, post, now)).not.toThrow();
  });

  it.each<Role>(['MEMBER', 'STAFF', 'MANAGER'])('forbids a %s from editing someone else’s post', (role) => {
    expect(() => checkCanEditPost({ id: 'other', role, ...free }, post, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only the author, or a moderator, can edit this post.' }),
    );
  });

  it('leaves posts of deleted accounts to moderators', () => {
    expect(() => checkCanEditPost({ id: 'other', role: 'MEMBER', ...free }, { authorId: null }, now)).toThrow(
      'Only the author, or a moderator, can edit this post.',
    );
  });
});

describe('checkCanDeletePost', () => {
  it('lets the author delete', () => {
    expect(() => checkCanDeletePost({ id: 'author', role: 'MEMBER', ...free }, post, now)).not.toThrow();
  });

  it.each<Role>(['MODERATOR', 'ADMIN'])('lets a %s delete any post', (role) => {
    expect(() => checkCanDeletePost({ id: 'other', role, ...free }, post, now)).not.toThrow();
  });

  it.each<Role>(['MEMBER', 'STAFF', 'MANAGER'])('forbids a %s from deleting someone else’s post', (role) => {
    expect(() => checkCanDeletePost({ id: 'other', role, ...free }, post, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only the author, or a moderator, can delete this post.' }),
    );
  });
});

describe('a suspended moderator', () => {
  it("may neither edit nor delete someone else's post, but still their own", () => {
    const moderator = { id: 'mod', role: 'MODERATOR' as const, ...suspended };
    const refused = expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining("Your role's tools") });
    expect(() => checkCanEditPost(moderator, post, now)).toThrow(refused);
    expect(() => checkCanDeletePost(moderator, post, now)).toThrow(refused);
    expect(() => checkCanEditQuestion({ ...moderator, trustLevel: 'LEADER' }, post, ['title'], now)).toThrow(refused);
    expect(() => checkCanEditPost(moderator, { authorId: 'mod' }, now)).not.toThrow();
  });
});

describe('checkCanEditQuestion: retagging by trust level', () => {
  const actor = (trustLevel: TrustLevel, role: Role = 'MEMBER', affiliation: Affiliation = 'COMMUNITY') => ({ id: 'other', role, trustLevel, affiliation, ...free });
  const onlyAuthor = expect.objectContaining({ code: 'FORBIDDEN', message: 'Only the author, or a moderator, can edit this post.' });
  const onlyTags = expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('only the tags') });

  it('lets the author and moderators change anything', () => {
    expect(() => checkCanEditQuestion({ ...actor('NEW'), id: 'author' }, post, ['title', 'body', 'tags'], now)).not.toThrow();
    expect(() => checkCanEditQuestion(actor('NEW', 'MODERATOR'), post, ['title', 'body'], now)).not.toThrow();
  });

  it.each<TrustLevel>(['REGULAR', 'LEADER'])('lets a %s member change only the tags of someone else’s question', (level) => {
    expect(() => checkCanEditQuestion(actor(level), post, ['tags'], now)).not.toThrow();
    expect(() => checkCanEditQuestion(actor(level), post, ['title', 'tags'], now)).toThrow(onlyTags);
    expect(() => checkCanEditQuestion(actor(level), post, ['body'], now)).toThrow(onlyTags);
  });

  it.each<TrustLevel>(['NEW', 'BASIC', 'MEMBER'])('refuses a %s member even the tags', (level) => {
    expect(() => checkCanEditQuestion(actor(level), post, ['tags'], now)).toThrow(onlyAuthor);
  });

  it('goes by the level for employees too (their exemption lifts limits, grants no moderation), and no REGULAR retags while suspended', () => {
    expect(() => checkCanEditQuestion(actor('NEW', 'STAFF', 'EMPLOYEE'), post, ['tags'], now)).toThrow(onlyAuthor);
    expect(() => checkCanEditQuestion(actor('REGULAR', 'STAFF', 'EMPLOYEE'), post, ['tags'], now)).not.toThrow();
    const suspended = { ...actor('REGULAR'), suspendedUntil: new Date('2026-03-02T00:00:00Z'), suspensionReason: 'Retag war.' };
    expect(() => checkCanEditQuestion(suspended, post, ['tags'], now)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('Retag war.') }));
  });
});
