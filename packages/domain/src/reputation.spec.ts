import { acceptanceReputation, voteReputationDelta } from './reputation';
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
