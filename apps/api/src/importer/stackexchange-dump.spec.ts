import {
  attributionName, authorKeys, dumpDate, importedAnswer, importedComment, importedQuestion, importedUser, parseTags, placeholderKey, siteFromFolder,
} from './stackexchange-dump';

const NOW = new Date('2030-01-01T00:00:00Z');
const staff = { id: '7', displayName: 'Ada', affiliation: 'EMPLOYEE' as const };
const member = { id: '8', displayName: 'Bob', affiliation: 'COMMUNITY' as const };

describe('what a Stack Exchange dump row becomes', () => {
  it('names the site after the folder', () => {
    expect(siteFromFolder('/dumps/french-meta')).toBe('french.meta.stackexchange.com');
    expect(siteFromFolder('/dumps/conlang')).toBe('conlang.stackexchange.com');
    expect(siteFromFolder('/dumps/example.org')).toBe('example.org');
  });

  it('reads dump dates as UTC, and tags in either format', () => {
    expect(dumpDate('2011-08-17T20:18:56.507')).toEqual(new Date('2011-08-17T20:18:56.507Z'));
    expect(dumpDate('not a date')).toBeNull();
    expect(dumpDate(undefined)).toBeNull();
    expect(parseTags('<Grammar><usage>')).toEqual(['grammar', 'usage']);
    expect(parseTags('|grammar|usage|')).toEqual(['grammar', 'usage']);
  });

  it('maps an author to the dump user, else to a placeholder named after them', () => {
    expect(authorKeys({ userId: '12', displayName: undefined })).toEqual([['user', '12'], ['user', 'name:user12']]);
    expect(placeholderKey({ userId: undefined, displayName: '  Gone  ' })).toBe('name:Gone');
    expect(placeholderKey({ userId: undefined, displayName: undefined })).toBe('name:Unknown user');
    expect(attributionName({ userId: '8', displayName: undefined }, member)).toBe('Bob');
    expect(attributionName({ userId: undefined, displayName: 'Gone' }, member)).toBe('Gone');
  });

  it('makes the company people EMPLOYEEs, and takes the clock only where the dump gives no date', () => {
    expect(importedUser({ Id: '3', DisplayName: ' Ada ', Reputation: '101', CreationDate: '2012-01-02T03:04:05' }, new Set(['3']), NOW))
      .toEqual({ displayName: 'Ada', reputation: 101, affiliation: 'EMPLOYEE', createdAt: new Date('2012-01-02T03:04:05Z') });
    expect(importedUser({ Id: '4' }, new Set(['3']), NOW)).toEqual({ displayName: 'user4', reputation: 0, affiliation: 'COMMUNITY', createdAt: NOW });
  });

  it('imports a closed question as CLOSED and an open one as OPEN, with its dates', () => {
    const row = { Id: '5', Title: '', Body: '<p>Why?</p>', Tags: '<a>', Score: '3', CreationDate: '2015-05-05T05:05:05', LastActivityDate: '2016-01-01T00:00:00' };
    const open = importedQuestion(row, { categoryId: '1', author: member, now: NOW, imageHosts: [] });
    expect(open).toMatchObject({ title: 'Question 5', body: 'Why?', tags: ['a'], status: 'OPEN', score: 3, viewCount: 0, authorId: '8' });
    expect(open.updatedAt).toEqual(open.createdAt);
    expect(open.lastActivityAt).toEqual(new Date('2016-01-01T00:00:00Z'));
    expect(importedQuestion({ ...row, ClosedDate: '2016-01-01T00:00:00' }, { categoryId: '1', author: member, now: NOW, imageHosts: [] }).status).toBe('CLOSED');
  });

  it('records answers and comments of the company people as STAFF', () => {
    expect(importedAnswer({ Id: '6', Body: '<p>Yes.</p>' }, { questionId: '2', author: staff, now: NOW, imageHosts: [] }))
      .toMatchObject({ questionId: '2', authorKind: 'STAFF', body: 'Yes.', createdAt: NOW });
    expect(importedComment({ Id: '9', Text: ' *ok* ' }, { questionId: '2', target: { type: 'ANSWER', id: '6' }, author: member, now: NOW, imageHosts: [] }))
      .toMatchObject({ targetType: 'ANSWER', targetId: '6', authorKind: 'PEER', body: '*ok*', bodyHtml: expect.stringContaining('<em>ok</em>') });
  });
});
