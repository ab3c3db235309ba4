import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthorKind, EscalationReason } from '@peerdesk/domain';

/** What happened to a thread, told to every module that reacts (escalation, notifications, search…). */
export type ThreadEvent =
  | { type: 'question.asked'; questionId: string; categoryId: string; authorId: string; at: Date }
  | { type: 'question.edited'; questionId: string; editorId: string; at: Date }
  | { type: 'answer.posted'; questionId: string; answerId: string; authorId: string; authorKind: AuthorKind; at: Date }
  | { type: 'answer.accepted'; questionId: string; answerId: string; answerAuthorId: string; acceptedBy: string; at: Date }
  | { type: 'acceptance.withdrawn'; questionId: string; withdrawnBy: string; at: Date }
  | { type: 'comment.posted'; questionId: string; commentId: string; authorId: string; authorKind: AuthorKind; at: Date }
  | { type: 'question.escalated'; questionId: string; categoryId: string; askerId: string; reason: EscalationReason; staffDueAt: Date | null; at: Date }
  | { type: 'escalation.assigned'; questionId: string; assigneeId: string; assignedBy: string; at: Date }
  | { type: 'escalation.breached'; questionId: string; categoryId: string; staffDueAt: Date; at: Date }
  | { type: 'answer.edited'; questionId: string; answerId: string; editorId: string; at: Date }
  | { type: 'answer.removed'; questionId: string; answerId: string; removedBy: string; at: Date }
  | { type: 'question.returned_to_community'; questionId: string; returnedBy: string; at: Date }
  | { type: 'question.marked_duplicate'; questionId: string; originalId: string; markedBy: string; at: Date }
  | { type: 'question.duplicate_unmarked'; questionId: string; originalId: string; unmarkedBy: string; at: Date };



export interface ThreadEventHandler {
  handle(em: EntityManager, event: ThreadEvent): Promise<void>;
}

/**
 * Handlers run inside the transaction that made the change, so a reaction (a deadline cleared, a
 * notification queued) commits or rolls back with it. Slow work goes to an outbox, never in here.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers: ThreadEventHandler[] = [];

  subscribe(handler: ThreadEventHandler): void {
    this.handlers.push(handler);
  }

  unsubscribe(handler: ThreadEventHandler): void {
    const at = this.handlers.indexOf(handler);
    if (at >= 0) this.handlers.splice(at, 1);
  }

  async publish(em: EntityManager, event: ThreadEvent): Promise<void> {
    for (const handler of this.handlers) await handler.handle(em, event);
  }
}
