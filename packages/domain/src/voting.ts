import { forbidden } from './errors';

export const VOTE_VALUES = [1, -1, 0] as const;
/** 1 up, -1 down, 0 no vote (a vote taken back). */
export type VoteValue = typeof VOTE_VALUES[number];

export function isVoteValue(value: number): value is VoteValue {
  return (VOTE_VALUES as readonly number[]).includes(value);
}

/** A post whose author deleted their account (null) can still be voted on. */
export function checkCanVote(voter: { id: string }, post: { authorId: string | null }): void {
  if (voter.id === post.authorId) throw forbidden("You can't vote on your own post.");
}

/** How much a post's score moves when a voter changes their vote, e.g. -1 → 1 is +2. */
export function scoreDelta(previous: VoteValue, next: VoteValue): number {
  return next - previous;
}
