import type { VoteValue } from './voting';

/**
 * Reputation a member earns from others' reactions to their posts (the scale Stack Exchange sites use,
 * so imported reputations and earned ones mean the same): every change is undone by its reverse (a vote
 * taken back, an acceptance withdrawn), so a member's reputation is the sum of what stands now.
 */
export const REPUTATION_POINTS = {
  questionUpvote: 5,
  answerUpvote: 10,
  downvote: -2,
  acceptedAnswer: 15,
} as const;

function votePoints(targetType: 'QUESTION' | 'ANSWER', vote: VoteValue): number {
  if (vote === 1) return targetType === 'ANSWER' ? REPUTATION_POINTS.answerUpvote : REPUTATION_POINTS.questionUpvote;
  return vote === -1 ? REPUTATION_POINTS.downvote : 0;
}

/** How much the post's author's reputation moves when a voter changes their vote from `previous` to `next`. */
export function voteReputationDelta(targetType: 'QUESTION' | 'ANSWER', previous: VoteValue, next: VoteValue): number {
  return votePoints(targetType, next) - votePoints(targetType, previous);
}

/** What the answer's author earns when it is accepted; answering and accepting your own question earns nothing. */
export function acceptanceReputation(answer: { authorId: string | null }, question: { authorId: string | null }): number {
  return answer.authorId !== null && answer.authorId !== question.authorId ? REPUTATION_POINTS.acceptedAnswer : 0;
}
