import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthorKind, CloseReason, EscalationReason, FlagReason, FlagTargetType, PostHold } from '@peerdesk/domain';

/**
 * What happened in the community (a post, an acceptance, an escalation…), told to every module that
 * reacts (escalation, notifications, webhooks, search…). Not the thread state machine's input: that is
 * `ThreadEvent` in packages/domain.
 */
export type DomainEvent =
  | { type: 'question.asked'; questionId: string; categoryId: string; authorId: string; askSessionId?: string; at: Date }
  /** `previousBody`: the Markdown before the edit (for mentions the edit adds). */
  | { type: 'question.edited'; questionId: string; editorId: string; previousBody: string; at: Date }
  | { type: 'answer.posted'; questionId: string; answerId: string; authorId: string; authorKind: AuthorKind; at: Date }
  | { type: 'answer.accepted'; questionId: string; answerId: string; answerAuthorId: string; acceptedBy: string; at: Date }
  | { type: 'acceptance.withdrawn'; questionId: string; withdrawnBy: string; at: Date }
  | { type: 'comment.posted'; questionId: string; commentId: string; authorId: string; authorKind: AuthorKind; at: Date }
  /** `previousBody`: the comment's Markdown before the edit (for mentions the edit adds). */
  | { type: 'comment.edited'; questionId: string; commentId: string; editorId: string; previousBody: string; at: Date }
  /**
   * A message in the question's private conversation (asker and our team). Counts like a comment for the staff clock;
   * carries no body, and no handler may pass it on publicly (webhooks, search).
   */
  | { type: 'private_message.sent'; questionId: string; messageId: string; authorId: string; authorKind: AuthorKind; at: Date }
  /** Staff resolved the question's private conversation: the open escalation closes as solved. */
  | { type: 'question.resolved_privately'; questionId: string; resolvedBy: string; at: Date }
  /**
   * Questions sent to our team at one moment: the sweep's batch, or one by hand. One event for the set, so every
   * handler takes it in a fixed number of statements however many there are.
   */
  | { type: 'questions.escalated'; escalations: EscalatedQuestion[]; at: Date }
  | { type: 'escalation.assigned'; questionId: string; assigneeId: string; assignedBy: string; at: Date }
  /** Staff deadlines missed, as a set like `questions.escalated`: the sweep's batch, or one late staff response. */
  | { type: 'escalations.breached'; breaches: BreachedEscalation[]; at: Date }
  /** Staff wait on the asker: `note` is what they asked, addressed to the asker. */
  | { type: 'escalation.needs_info'; questionId: string; askerId: string; note: string; askedBy: string; at: Date }
  /** The asker replied to a needs-info request (a comment, an edit, a private message): the staff clock runs again. */
  | { type: 'escalation.asker_replied'; questionId: string; categoryId: string; askerId: string; assigneeId: string | null; at: Date }
  | { type: 'answer.edited'; questionId: string; answerId: string; editorId: string; previousBody: string; at: Date }
  | { type: 'answer.removed'; questionId: string; answerId: string; removedBy: string; at: Date }
  | { type: 'question.returned_to_community'; questionId: string; returnedBy: string; at: Date }
  | { type: 'question.marked_duplicate'; questionId: string; originalId: string; markedBy: string; at: Date }
  | { type: 'question.duplicate_unmarked'; questionId: string; originalId: string; unmarkedBy: string; at: Date }
  /** `closedBy` null: closed by the system (auto-close of a solved question). */
  | { type: 'question.closed'; questionId: string; reason: Exclude<CloseReason, 'DUPLICATE'>; closedBy: string | null; at: Date }
  | { type: 'question.reopened'; questionId: string; reopenedBy: string; at: Date }
  | { type: 'question.moved'; questionId: string; fromCategoryId: string; toCategoryId: string; movedBy: string; at: Date }
  | { type: 'question.deleted'; questionId: string; deletedBy: string; at: Date }
  /** A duplicate's live answers moved to its original (`questionId`). */
  | { type: 'question.answers_merged'; questionId: string; fromQuestionId: string; answerIds: string[]; mergedBy: string; at: Date }
  /** A new post waits for review before anyone else sees it; its own event (question.asked…) follows on approval. */
  | { type: 'post.held'; targetType: FlagTargetType; targetId: string; questionId: string; authorId: string; hold: PostHold; at: Date }
  | { type: 'post.flagged'; targetType: FlagTargetType; targetId: string; questionId: string; flaggerId: string; reason: FlagReason; note: string | null; at: Date }
  /**
   * A post's visibility changed by moderation: HIDDEN (flags or a moderator), APPROVED (a held post shown, or a
   * hidden one restored after review), RESTORED (shown again by hand), DELETED (a review decision). `reason` is
   * what its author is told; `actorId` null when the flags' weight hid it. `secondLook`: the decision left a review
   * item the author may ask a second look at (a post hidden by hand without one has nothing to ask on).
   */
  | {
    type: 'post.moderated'; targetType: FlagTargetType; targetId: string; questionId: string; authorId: string | null;
    outcome: PostModerationOutcome; reason: string | null; actorId: string | null; secondLook: boolean; at: Date;
  };

export interface EscalatedQuestion {
  questionId: string;
  categoryId: string;
  askerId: string;
  reason: EscalationReason;
  staffDueAt: Date | null;
}

export interface BreachedEscalation {
  questionId: string;
  /** The deadline that was missed. */
  staffDueAt: Date;
}

export type PostModerationOutcome = 'HIDDEN' | 'APPROVED' | 'RESTORED' | 'DELETED';

export interface DomainEventHandler {
  handle(em: EntityManager, event: DomainEvent): Promise<void>;
}

/**
 * The order the API's handlers run in, by class name (`common/` names no feature module's class), whatever
 * order their modules subscribe in. A handler that publishes a follow-up event (escalation: a staff answer
 * that reveals a breach) has it handled in full, by every handler, before the next handler sees the first.
 *
 * 1. NotificationsSubscriber: an event's own notifications are written before those of any follow-up
 *    event, so an inbox lists them in the order things happened (the answer, then the breach it revealed).
 * 2. EscalationService: the thread's reactions (first-question and peer-answer flags, the community
 *    clock, the open escalation), which may publish follow-up events.
 * 3. WebhookEventsSubscriber: queues deliveries; reads only the question's title and category.
 * 4. SearchIndexSubscriber: rewrites the question's search document, after every change the handlers
 *    above make to the question row, and takes the shared search_words rows late, in word order.
 * 5. SearchInsightsService: marks the ask session a question was posted from.
 * 6. ReviewService: puts a post held when written (post.held) in the review queue.
 *
 * Any other handler (a test's probe) runs after these, in the order it subscribed.
 */
export const HANDLER_ORDER: readonly string[] = [
  'NotificationsSubscriber',
  'EscalationService',
  'WebhookEventsSubscriber',
  'SearchIndexSubscriber',
  'SearchInsightsService',
  'ReviewService',
  'AcceptRemindersService',
];

const rank = (handler: DomainEventHandler): number => {
  const at = HANDLER_ORDER.indexOf(handler.constructor.name);
  return at >= 0 ? at : HANDLER_ORDER.length;
};

/**
 * Handlers run inside the transaction that made the change, so a reaction (a deadline cleared, a
 * notification queued) commits or rolls back with it. Slow work goes to an outbox, never in here.
 */
@Injectable()
export class DomainEvents {
  /** Kept in HANDLER_ORDER, then subscription order. */
  private readonly handlers: DomainEventHandler[] = [];

  subscribe(handler: DomainEventHandler): void {
    const after = this.handlers.findIndex((other) => rank(other) > rank(handler));
    this.handlers.splice(after >= 0 ? after : this.handlers.length, 0, handler);
  }

  unsubscribe(handler: DomainEventHandler): void {
    const at = this.handlers.indexOf(handler);
    if (at >= 0) this.handlers.splice(at, 1);
  }

  /** The subscribed handlers' class names, in the order they run. */
  handlerNames(): string[] {
    return this.handlers.map((handler) => handler.constructor.name);
  }

  async publish(em: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers) await handler.handle(em, event);
  }
}
