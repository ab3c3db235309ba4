import { acceptanceReputation, describeReputationChange, voteReputationChanges, voteReputationDelta } from './reputation';
import type { VoteValue } from './voting';

describe('voteReputationDelta', () => {
  it.each<['QUESTION' | 'ANSWER', VoteValue, VoteValue, number]>([
    ['ANSWER', 0, 1, 10],
    ['QUESTION', 0, 1, 5],
    ['ANSWER', 0, -1, -2],
    ['QUESTION', 0, -1, -2],
    ['ANSWER', 1, -1, -12],
    ['QUESTION', -1, 1, 7],
    ['ANSWER', 1, 0, -10],
    ['ANSWER', -1, 0, 2],
    ['ANSWER', 1, 1, 0],
  ])('a vote on a %s going %p → %p moves its author by %p', (targetType, previous, next, delta) => {
    expect(voteReputationDelta(targetType, previous, next)).toBe(delta);
  });

  it('adds up to nothing once the vote is taken back, whatever happened in between', () => {
    const path: VoteValue[] = [0, 1, -1, 1, 0];
    const total = path.slice(1).reduce<number>((sum, next, i) => sum + voteReputationDelta('ANSWER', path[i], next), 0);
    expect(total).toBe(0);
  });
});

describe('acceptanceReputation', () => {
  it("rewards the author of someone else's question's accepted answer", () => {
    expect(acceptanceReputation({ authorId: 'helper' }, { authorId: 'asker' })).toBe(15);
  });

  it('gives nothing for accepting your own answer, or an answer whose author is gone', () => {
    expect(acceptanceReputation({ authorId: 'asker' }, { authorId: 'asker' })).toBe(0);
    expect(acceptanceReputation({ authorId: null }, { authorId: 'asker' })).toBe(0);
  });
});

describe('the ledger rows of a vote', () => {
  const values: VoteValue[] = [-1, 0, 1];
  it('add up to the delta for every change of vote, on questions and answers', () => {
    for (const targetType of ['QUESTION', 'ANSWER'] as const) {
      for (const previous of values) {
        for (const next of values) {
          const sum = voteReputationChanges(targetType, previous, next).reduce((total, c) => total + c.delta, 0);
          expect([targetType, previous, next, sum]).toEqual([targetType, previous, next, voteReputationDelta(targetType, previous, next)]);
        }
      }
    }
  });

  it('say what happened: an upvote turned down is withdrawn, then a downvote', () => {
    expect(voteReputationChanges('ANSWER', 1, -1)).toEqual([{ kind: 'ANSWER_UPVOTE_WITHDRAWN', delta: -10 }, { kind: 'DOWNVOTED', delta: -2 }]);
    expect(voteReputationChanges('QUESTION', 0, 1)).toEqual([{ kind: 'QUESTION_UPVOTED', delta: 5 }]);
    expect(voteReputationChanges('QUESTION', 1, 1)).toEqual([]);
  });

  it('reads as a profile line', () => {
    expect(describeReputationChange({ delta: 15, kind: 'ANSWER_ACCEPTED', questionTitle: 'Router drops at 8pm' })).toBe('+15 accepted answer on “Router drops at 8pm”');
    expect(describeReputationChange({ delta: -2, kind: 'DOWNVOTED', questionTitle: null })).toBe('−2 downvoted');
  });
});
