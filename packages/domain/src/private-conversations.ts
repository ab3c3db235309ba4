import type { Affiliation } from './roles';

/** Whoever looks at or writes to a question's private conversation. */
export interface PrivateConversationActor {
  id: string;
  affiliation: Affiliation;
}

/**
 * A private conversation is between the asker and the company: only the asker and employees may read it.
 * Employment is the affiliation, not the role: an employee moderator may read it, a volunteer moderator may not.
 */
export function mayReadPrivateConversation(actor: PrivateConversationActor, askerId: string): boolean {
  return actor.affiliation === 'EMPLOYEE' || actor.id === askerId;
}

/** What decides whether a message may be sent on a question. */
export interface PrivateMessageFacts {
  askerId: string;
  /** The question has an open escalation. */
  escalated: boolean;
  /** The asker flagged the question (or one of its posts) as needing our team (NEEDS_STAFF). */
  askerFlaggedForStaff: boolean;
  /** The conversation as it stands: null when none was opened yet. */
  conversation: { resolved: boolean } | null;
}

/**
 * Why `actor` may not send a private message on the question, or null when they may. Employees may open one at any
 * time; the asker once the question is with our team (escalated, or flagged by them as needing our team); once open,
 * both sides write until staff resolve it. A resolved conversation takes no more messages; the question is SOLVED
 * then (thread-status.ts), and the asker's way back to our team is a new question or a comment on this one.
 */
export function privateMessageRefusal(actor: PrivateConversationActor, facts: PrivateMessageFacts): { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null {
  if (!mayReadPrivateConversation(actor, facts.askerId)) {
    return { code: 'FORBIDDEN', message: 'Only the person who asked and our team can write in this private conversation.' };
  }
  if (facts.conversation?.resolved) return { code: 'CONFLICT', message: 'Our team resolved this private conversation; it takes no more messages.' };
  if (facts.conversation || actor.affiliation === 'EMPLOYEE') return null;
  if (facts.escalated || facts.askerFlaggedForStaff) return null;
  return { code: 'FORBIDDEN', message: 'You can write to our team privately once your question is with them (escalated or flagged as needing our team).' };
}
