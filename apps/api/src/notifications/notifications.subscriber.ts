import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mentionedUserIds, momentText, newlyMentionedUserIds } from '@peerdesk/domain';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import { EmailOutbox } from './email-outbox';
import { quoted } from './messages';
import type { NotificationKind } from './notification.model';
import { type NewNotification, NotificationsRepository, type CommentFacts, type QuestionFacts } from './notifications.repository';

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
 * "Staff in the question's category": its staff team, or every STAFF user when it has none
 * (`categoryStaff`); breaches notify every MANAGER.
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
        const mentioned = await this.mentioned(em, await this.notifications.postBody(em, 'ANSWER', event.answerId));
        return {
          questionId: q.id,
          actorId: event.authorId,
          recipients: [
            this.to(q.author_id, 'ANSWER_POSTED', { ...facts, message: `${who} answered your question ${quoted(q.title)}.` }),
            ...this.mentions(mentioned, facts, `${who} mentioned you in an answer to ${quoted(q.title)}.`),
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
        const staff = await this.notifications.categoryStaff(em, event.categoryId);
        const promise = due ? `Our team will answer by ${momentText(due)}.` : 'Our team will answer as soon as possible.';
        return {
          questionId: q.id,
          // The asker hears the team's promise even when they asked for it themselves.
          actorId: null,
          recipients: [
            this.to(event.askerId, 'QUESTION_ESCALATED', { ...facts, message: `Your question ${quoted(q.title)} was passed to our team. ${promise}` }),
            ...staff.map((id) => this.to(id, 'QUESTION_ESCALATED', {
              ...facts, message: `Escalated to staff: ${quoted(q.title)}${due ? ` (due ${momentText(due)})` : ''}.`,
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
      case 'escalation.needs_info': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        // The note is the staff member's question to the asker: the message carries it whole.
        return {
          questionId: q.id,
          actorId: event.askedBy,
          recipients: [this.to(event.askerId, 'NEEDS_INFO', {
            questionTitle: q.title, note: event.note,
            message: `Our team needs more information about ${quoted(q.title)}: “${event.note}” Reply on the question so we can continue.`,
          })],
        };
      }
      case 'escalation.asker_replied': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const recipients = event.assigneeId ? [event.assigneeId] : await this.notifications.categoryStaff(em, event.categoryId);
        const message = `The asker replied on ${quoted(q.title)}: the staff clock is running again.`;
        return {
          questionId: q.id,
          actorId: event.askerId,
          recipients: recipients.map((id) => this.to(id, 'ASKER_REPLIED', { questionTitle: q.title, message })),
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
            ...facts, message: `Staff response deadline missed: ${quoted(q.title)} was due ${momentText(event.staffDueAt)}.`,
          })),
        };
      }
      case 'question.asked': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        const watchers = await this.notifications.watchers(em, 'CATEGORY', event.categoryId);
        const mentioned = await this.mentioned(em, await this.notifications.postBody(em, 'QUESTION', q.id));
        if (watchers.length === 0 && mentioned.length === 0) return null;
        const category = q.category_name ?? 'a category you watch';
        const who = mentioned.length ? await this.displayName(em, event.authorId) : '';
        return {
          questionId: q.id,
          actorId: event.authorId,
          recipients: [
            ...this.mentions(mentioned, { questionTitle: q.title }, `${who} mentioned you in the question ${quoted(q.title)}.`),
            ...watchers.map((id) => this.to(id, 'QUESTION_ASKED', {
              questionTitle: q.title, categoryId: event.categoryId, message: `New question in ${category}: ${quoted(q.title)}.`,
            })),
          ],
        };
      }
      case 'comment.posted': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        const comment = await this.notifications.commentFacts(em, event.commentId);
        if (!q || !comment) return null;
        return this.commentPlan(em, q, comment, event.commentId, event.authorId);
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
      case 'private_message.sent': {
        const q = await this.notifications.questionFacts(em, event.questionId);
        if (!q) return null;
        // Never the body: e-mails are less private than the conversation.
        const facts = { questionTitle: q.title, messageId: event.messageId };
        if (event.authorId !== q.author_id) {
          return {
            questionId: q.id, actorId: event.authorId,
            recipients: [this.to(q.author_id, 'PRIVATE_MESSAGE', { ...facts, message: `Our team sent you a private message about ${quoted(q.title)}.` })],
          };
        }
        const assignee = await this.notifications.openEscalationAssignee(em, q.id);
        const staff = assignee ? [assignee] : await this.notifications.categoryStaff(em, q.category_id);
        return {
          questionId: q.id, actorId: event.authorId,
          recipients: staff.map((id) => this.to(id, 'PRIVATE_MESSAGE', { ...facts, message: `The asker sent our team a private message about ${quoted(q.title)}.` })),
        };
      }
      case 'question.edited':
      case 'answer.edited': {
        // A held post tells nobody yet: its mentions notify when it is published (question.asked, answer.posted).
        const [targetType, id] = event.type === 'question.edited' ? ['QUESTION', event.questionId] as const : ['ANSWER', event.answerId] as const;
        const post = await this.notifications.publishedPostBody(em, targetType, id);
        const q = post === null ? null : await this.notifications.questionFacts(em, event.questionId);
        if (post === null || !q) return null;
        const added = await this.notifications.existingMembers(em, newlyMentionedUserIds(event.previousBody, post));
        if (added.length === 0) return null;
        const who = await this.displayName(em, event.editorId);
        const where = targetType === 'QUESTION' ? `the question ${quoted(q.title)}` : `an answer to ${quoted(q.title)}`;
        const facts = targetType === 'QUESTION' ? { questionTitle: q.title } : { questionTitle: q.title, answerId: id };
        return { questionId: q.id, actorId: event.editorId, recipients: this.mentions(added, facts, `${who} mentioned you in ${where}.`) };
      }
      default:
        return null;
    }
  }

  /**
   * The post's author first, then members mentioned in it, then the question's watchers: someone who is
   * two of these hears of the comment once, as the first.
   */
  private async commentPlan(
    em: EntityManager, q: QuestionFacts, comment: CommentFacts, commentId: string, authorId: string,
  ): Promise<Plan> {
    const who = await this.displayName(em, authorId);
    const facts = { questionTitle: q.title, commentId, targetType: comment.target_type, targetId: comment.target_id };
    const yours = comment.target_type === 'QUESTION' ? `your question ${quoted(q.title)}` : `your answer to ${quoted(q.title)}`;
    const watchers = await this.notifications.watchers(em, 'QUESTION', q.id);
    return {
      questionId: q.id,
      actorId: authorId,
      recipients: [
        this.to(comment.target_author_id, 'COMMENT_POSTED', { ...facts, message: `${who} commented on ${yours}.` }),
        ...this.mentions(await this.mentioned(em, comment.body), facts, `${who} mentioned you in a comment on ${quoted(q.title)}.`),
        ...watchers.map((id) => this.to(id, 'COMMENT_POSTED', { ...facts, message: `${who} commented on ${quoted(q.title)}.` })),
      ],
    };
  }

  /** The members a post's Markdown mentions (packages/domain/src/mentions.ts) who have an account. */
  private mentioned(em: EntityManager, markdown: string): Promise<string[]> {
    return this.notifications.existingMembers(em, mentionedUserIds(markdown));
  }

  private mentions(userIds: string[], facts: Omit<NewNotification['payload'], 'message'>, message: string): NewNotification[] {
    return userIds.map((id) => this.to(id, 'MENTIONED', { ...facts, message }));
  }

  private to(userId: string, kind: NotificationKind, payload: NewNotification['payload']): NewNotification {
    return { userId, kind, payload };
  }

  private async displayName(em: EntityManager, userId: string): Promise<string> {
    return (await this.notifications.displayName(em, userId)) ?? 'Someone';
  }
}
