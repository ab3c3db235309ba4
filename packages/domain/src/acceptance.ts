import { conflict, forbidden, notFound } from './errors';
import { type Actor, can, isOwnerOrCan } from './roles';
import { checkNotSuspended, type RestrictionColumns } from './standing';
import type { ThreadStatus } from './thread-status';
import { lockedError } from './thread-moderation';

export interface AcceptanceQuestion {
  id: string;
  authorId: string;
  status: ThreadStatus;
  /** Set while a moderator has locked the question (absent: not locked). */
  lockedAt?: Date | null;
  lockReason?: string | null;
}

export interface AcceptanceAnswer {
  questionId: string;
  deletedAt: Date | null;
}

/**
 * Accepting and withdrawing share one rule: the asker or a moderator, never on a closed question. On a
 * locked question only moderators may (Discourse's solved plugin: a closed topic's author cannot accept,
 * staff can); votes are not affected by a lock.
 */
function checkCanChangeAcceptance(actor: Actor & RestrictionColumns, question: Omit<AcceptanceQuestion, 'id'>, action: string, now: Date): void {
  if (!isOwnerOrCan(actor, question.authorId, 'accept_any_answer')) {
    throw forbidden(`Only the person who asked, or a moderator, can ${action}.`);
  }
  // For someone else's question, a moderator's capability, which a suspension takes away.
  if (actor.id !== question.authorId) checkNotSuspended(actor, 'accept_any_answer', now);
  if (question.status === 'CLOSED') {
    throw conflict(`This question is closed; reopen it before you ${action}.`);
  }
  if (question.lockedAt && !can(actor.role, 'accept_any_answer')) {
    throw lockedError({ lockedAt: question.lockedAt, lockReason: question.lockReason ?? null });
  }
}

export function checkCanAccept(actor: Actor & RestrictionColumns, question: AcceptanceQuestion, answer: AcceptanceAnswer, now: Date): void {
  if (answer.deletedAt !== null) throw notFound('That answer has been deleted.');
  if (answer.questionId !== question.id) throw notFound("That answer isn't on this question.");
  checkCanChangeAcceptance(actor, question, 'accept an answer', now);
}

export function checkCanUnaccept(actor: Actor & RestrictionColumns, question: Omit<AcceptanceQuestion, 'id'>, now: Date): void {
  checkCanChangeAcceptance(actor, question, 'withdraw the accepted answer', now);
}
