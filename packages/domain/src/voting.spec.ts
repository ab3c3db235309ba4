import { DomainError } from './errors';
import { checkCanVote, isVoteValue, scoreDelta, type VoteValue } from './voting';

describe('checkCanVote', () => {
  it("refuses a vote on one's own post", () => {
    expect(() => checkCanVote({ id: 'u1' }, { authorId: 'u1' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: "You can't vote on your own post." }),
    );
    expect(() => checkCanVote({ id: 'u1' }, { authorId: 'u1' })).toThrow(DomainError);
  });

  it("allows a vote on someone else's post, or on a post whose author is gone", () => {
    expect(() => checkCanVote({ id: 'u1' }, { authorId: 'u2' })).not.toThrow();
    expect(() => checkCanVote({ id: 'u1' }, { authorId: null })).not.toThrow();
  });
});

describe('scoreDelta', () => {
  it.each<[VoteValue, VoteValue, number]>([
    [0, 1, 1],
    [0, -1, -1],
    [1, 0, -1],
    [-1, 0, 1],
    [-1, 1, 2],
    [1, -1, -2],
    [1, 1, 0],
    [0, 0, 0],
  ])('%p → %p moves the score by %p', (previous, next, delta) => {
    expect(scoreDelta(previous, next)).toBe(delta);
  });
});

describe('isVoteValue', () => {
  it('recognises 1, -1 and 0 only', () => {
    expect([1, -1, 0, 2, -0.5].map(isVoteValue)).toEqual([true, true, true, false, false]);
  });
});
