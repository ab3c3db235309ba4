import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import { EmailOutbox } from './email-outbox';
import { formatDue, quoted } from './messages';
import type { NotificationKind } from './notification.model';
import { type NewNotification, NotificationsRepository } from './notifications.repository';

interface Plan {
  questionId: string;
  /** Whoever caused the event; never notified of their own action. Null for the system (timers). */
  actorId: string | null;
  /** In priority order: a person listed twice gets only the first (an asker who also watches). */
  recipients: NewNotification[];
}

/**
 * Turns thread events into notifications, inside the transaction that made the change: the
 * notification (and its e-mail in the outbox) commits or rolls back with the answer, acceptance or
 * escalation itself.
 *
 * "Staff in the question's category": there is no per-category staff assignment yet, so escalations
 * notify every STAFF user; breaches notify every MANAGER.
 */
@Injectable()
export class NotificationsSubscriber implements DomainEventHandler, OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsRepository,
    private readonly outbox: EmailOutbox,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    const plan = await this.plan(em, event);
    if (!plan) return;
    const seen = new Set<string>(plan.actorId ? [plan.actorId] : []);
    const recipients = plan.recipients.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
    const inserted = await this.notifications.insert(em, plan.questionId, plan.actorId, event.at, recipients);
    await this.outbox.enqueueImmediate(em, inserted, event.at);
  }

  private async plan(em: EntityManager, event: DomainEvent): Promise<Plan | null> {
    switch (event.type) {
      case 'answer.posted': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const who = await this.displayName(em, event.authorId);
        const facts = { questionTitle: q.title, answerId: event.answerId };
        const watchers = await this.notifications.watchers(em, 'QUESTION', q.id);
        return {
          questionId: q.id,
          actorId: event.authorId,
          recipients: [
            this.to(q.author_id, 'ANSWER_POSTED', { ...facts, message: `${who} answered your question ${quoted(q.title)}.` }),
            ...watchers.map((id) => this.to(id, 'ANSWER_POSTED', { ...facts, message: `${who} answered ${quoted(q.title)}.` })),
          ],
        };
      }
      case 'answer.accepted': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const facts = { questionTitle: q.title, answerId: event.answerId, acceptedBy: event.acceptedBy };
        const recipients = [
          this.to(event.answerAuthorId, 'ANSWER_ACCEPTED', { ...facts, message: `Your answer to ${quoted(q.title)} was accepted as the solution.` }),
        ];
        // Only a moderator can accept for someone else's question: tell the asker it was done for them.
        if (event.acceptedBy !== q.author_id) {
          recipients.push(this.to(q.author_id, 'ANSWER_ACCEPTED', {
            ...facts, message: `A moderator marked an answer to your question ${quoted(q.title)} as the solution.`,
          }));
        }
        return { questionId: q.id, actorId: event.acceptedBy, recipients };
      }
      case 'question.escalated': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const due = event.staffDueAt;
        const facts = { questionTitle: q.title, reason: event.reason, staffDueAt: due?.toISOString() ?? null };
        const staff = await this.notifications.usersWithRole(em, 'STAFF');
        const promise = due ? `Our team will answer by ${formatDue(due)}.` : 'Our team will answer as soon as possible.';
        return {
          questionId: q.id,
          // The asker hears the team's promise even when they asked for it themselves.
          actorId: null,
          recipients: [
            this.to(event.askerId, 'QUESTION_ESCALATED', { ...facts, message: `Your question ${quoted(q.title)} was passed to our team. ${promise}` }),
            ...staff.map((id) => this.to(id, 'QUESTION_ESCALATED', {
              ...facts, message: `Escalated to staff: ${quoted(q.title)}${due ? ` (due ${formatDue(due)})` : ''}.`,
            })),
          ],
        };
      }
      case 'escalation.assigned': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const who = await this.displayName(em, event.assignedBy);
        return {
          questionId: q.id,
          actorId: event.assignedBy,
          recipients: [this.to(event.assigneeId, 'ESCALATION_ASSIGNED', {
            questionTitle: q.title, assignedBy: event.assignedBy, message: `${who} assigned ${quoted(q.title)} to you.`,
          })],
        };
      }
      case 'escalation.breached': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const managers = await this.notifications.usersWithRole(em, 'MANAGER');
        const facts = { questionTitle: q.title, staffDueAt: event.staffDueAt.toISOString() };
        return {
          questionId: q.id,
          actorId: null,
          recipients: managers.map((id) => this.to(id, 'ESCALATION_BREACHED', {
            ...facts, message: `Staff response deadline missed: ${quoted(q.title)} was due ${formatDue(event.staffDueAt)}.`,
          })),
        };
      }
      case 'question.asked': {
        const watchers = await this.notifications.watchers(em, 'CATEGORY', event.categoryId);
        if (watchers.length === 0) return null;
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const category = q.category_name ?? 'a category you watch';
        return {
          questionId: q.id,
          actorId: event.authorId,
          recipients: watchers.map((id) => this.to(id, 'QUESTION_ASKED', {
            questionTitle: q.title, categoryId: event.categoryId, message: `New question in ${category}: ${quoted(q.title)}.`,
          })),
        };
      }
      case 'post.moderated': {
        if (!event.authorId) return null;
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const what = event.targetType === 'QUESTION' ? `question ${quoted(q.title)}`
          : event.targetType === 'ANSWER' ? `answer to ${quoted(q.title)}` : `comment on ${quoted(q.title)}`;
        const because = event.reason ? ` ${event.reason.replace(/[.\s]*$/, '.')}` : '';
        const message = {
          HIDDEN: event.actorId
            ? `A moderator hid your ${what}.${because}${event.secondLook ? ' You can ask for a second look once.' : ''}`
            : `Your ${what} is hidden until a moderator reviews it.${because}`,
          APPROVED: `A moderator approved your ${what}: everyone can see it now.`,
          RESTORED: `Your ${what} is visible again.`,
          DELETED: `A moderator removed your ${what}.${because}`,
        }[event.outcome];
        return {
          questionId: q.id,
          actorId: event.actorId,
          recipients: [this.to(event.authorId, 'POST_MODERATED', {
            questionTitle: q.title, targetType: event.targetType, targetId: event.targetId, outcome: event.outcome, reason: event.reason, message,
          })],
        };
      }
      case 'post.flagged': {
        // NEEDS_STAFF (account-specific or urgent): every member of staff hears of it; the post is in the review queue too.
        if (event.reason !== 'NEEDS_STAFF') return null;
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const staff = await this.notifications.usersWithRole(em, 'STAFF');
        const note = event.note ? `: “${event.note}”` : '.';
        return {
          questionId: q.id,
          actorId: event.flaggerId,
          recipients: staff.map((id) => this.to(id, 'FLAGGED_FOR_STAFF', {
            questionTitle: q.title, targetType: event.targetType, targetId: event.targetId, note: event.note,
            message: `A member flagged ${quoted(q.title)} as needing our team${note}`,
          })),
        };
      }
      default:
        return null;
    }
  }

  private to(userId: string, kind: NotificationKind, payload: NewNotification['payload']): NewNotification {
    return { userId, kind, payload };
  }

  private async displayName(em: EntityManager, userId: string): Promise<string> {
    return (await this.notifications.displayName(em, userId)) ?? 'Someone';
  }
}
