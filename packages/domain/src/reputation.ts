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

/**
 * Why a member's reputation moved: one row of the ledger each (reputation_events). Every change has its
 * reverse, so a profile can say "−10 upvote withdrawn" as well as "+10 answer upvoted". OPENING_BALANCE
 * is what an account had before the ledger existed; IMPORTED what an import brought with the account.
 */
export const REPUTATION_KINDS = [
  'OPENING_BALANCE',
  'IMPORTED',
  'QUESTION_UPVOTED',
  'QUESTION_UPVOTE_WITHDRAWN',
  'ANSWER_UPVOTED',
  'ANSWER_UPVOTE_WITHDRAWN',
  'DOWNVOTED',
  'DOWNVOTE_WITHDRAWN',
  'ANSWER_ACCEPTED',
  'ACCEPTANCE_WITHDRAWN',
] as const;
export type ReputationKind = (typeof REPUTATION_KINDS)[number];

/** How a profile names each kind ("+15 accepted answer on …"). */
export const REPUTATION_KIND_LABELS: Readonly<Record<ReputationKind, string>> = Object.freeze({
  OPENING_BALANCE: 'reputation from before the history was kept',
  IMPORTED: 'reputation brought from the imported community',
  QUESTION_UPVOTED: 'question upvoted',
  QUESTION_UPVOTE_WITHDRAWN: 'question upvote withdrawn',
  ANSWER_UPVOTED: 'answer upvoted',
  ANSWER_UPVOTE_WITHDRAWN: 'answer upvote withdrawn',
  DOWNVOTED: 'downvoted',
  DOWNVOTE_WITHDRAWN: 'downvote withdrawn',
  ANSWER_ACCEPTED: 'accepted answer',
  ACCEPTANCE_WITHDRAWN: 'acceptance withdrawn',
});

/** One line of a member's reputation: "+15 accepted answer on “Router drops at 8pm”". */
export function describeReputationChange(change: { delta: number; kind: ReputationKind; questionTitle: string | null }): string {
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '';
  const on = change.questionTitle ? ` on “${change.questionTitle}”` : '';
  return `${sign}${Math.abs(change.delta)} ${REPUTATION_KIND_LABELS[change.kind]}${on}`;
}

/**
 * The ledger rows a vote change makes for the post's author: taking back the previous vote, then giving
 * the new one (an upvote turned into a downvote is "−10 upvote withdrawn" and "−2 downvoted"). Their sum
 * is voteReputationDelta.
 */
export function voteReputationChanges(targetType: 'QUESTION' | 'ANSWER', previous: VoteValue, next: VoteValue): Array<{ kind: ReputationKind; delta: number }> {
  if (previous === next) return [];
  const changes: Array<{ kind: ReputationKind; delta: number }> = [];
  if (previous === 1) changes.push({ kind: targetType === 'ANSWER' ? 'ANSWER_UPVOTE_WITHDRAWN' : 'QUESTION_UPVOTE_WITHDRAWN', delta: -votePoints(targetType, 1) });
  if (previous === -1) changes.push({ kind: 'DOWNVOTE_WITHDRAWN', delta: -votePoints(targetType, -1) });
  if (next === 1) changes.push({ kind: targetType === 'ANSWER' ? 'ANSWER_UPVOTED' : 'QUESTION_UPVOTED', delta: votePoints(targetType, 1) });
  if (next === -1) changes.push({ kind: 'DOWNVOTED', delta: votePoints(targetType, -1) });
  return changes;
}
