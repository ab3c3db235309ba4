import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mentionedUserIds, momentText, newlyMentionedUserIds } from '@peerdesk/domain';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import { EmailOutbox } from './email-outbox';
import { quoted } from './messages';
import type { NotificationKind } from './notification.model';
import { type NewNotification, type NotificationGroup, NotificationsRepository, type CommentFacts, type QuestionFacts } from './notifications.repository';

/** How a notification names the member who acted; null: no such member. */
const shownName = (displayName: string | null): string => displayName ?? 'Someone';

/** What an event tells about one question, and to whom (the insert leaves out the actor and anyone addressed twice). */
type Plan = NotificationGroup & { questionId: string };

/**
 * Turns thread events into notifications, inside the transaction that made the change: the
 * notification (and its e-mail in the outbox) commits or rolls back with the answer, acceptance or
 * escalation itself.
 *
 * "Staff in the question's category": its staff team, or every STAFF user when it has none
 * (`staffOf`, resolved by the insert); breaches notify every MANAGER. An event about many questions (a sweep's
 * batch) is planned and written as a set, in as many statements as an event about one.
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
    const plans = await this.plans(em, event);
    if (plans.length === 0) return;
    const mailedAtOnce = await this.notifications.insert(em, event.at, plans);
    await this.outbox.enqueueImmediate(em, mailedAtOnce, event.at);
  }

  private async plans(em: EntityManager, event: DomainEvent): Promise<Plan[]> {
    switch (event.type) {
      case 'questions.escalated': {
        const questions = await this.notifications.questionFacts(em, event.escalations.map((e) => e.questionId));
        // A sweep's batch shares a few deadlines (one per category): each is written out once.
        const dueTexts = new Map<number, { iso: string; text: string }>();
        const dueText = (due: Date) => {
          let texts = dueTexts.get(due.getTime());
          if (!texts) dueTexts.set(due.getTime(), texts = { iso: due.toISOString(), text: momentText(due) });
          return texts;
        };
        return event.escalations.flatMap((escalation) => {
          const q = questions.get(escalation.questionId);
          if (!q) return [];
          const due = escalation.staffDueAt ? dueText(escalation.staffDueAt) : null;
          const facts = { questionTitle: q.title, reason: escalation.reason, staffDueAt: due?.iso ?? null };
          const promise = due ? `Our team will answer by ${due.text}.` : 'Our team will answer as soon as possible.';
          const title = quoted(q.title);
          return [{
            questionId: q.id,
            // The asker hears the team's promise even when they asked for it themselves.
            actorId: null,
            recipients: [
              this.to(escalation.askerId, 'QUESTION_ESCALATED', { ...facts, message: `Your question ${title} was passed to our team. ${promise}` }),
              this.toStaffOf(escalation.categoryId, 'QUESTION_ESCALATED', {
                ...facts, message: `Escalated to staff: ${title}${due ? ` (due ${due.text})` : ''}.`,
              }),
            ],
          }];
        });
      }
      case 'escalations.breached': {
        const questions = await this.notifications.questionFacts(em, event.breaches.map((b) => b.questionId));
        const managers = await this.notifications.usersWithRole(em, 'MANAGER');
        return event.breaches.flatMap((breach) => {
          const q = questions.get(breach.questionId);
          if (!q) return [];
          const facts = { questionTitle: q.title, staffDueAt: breach.staffDueAt.toISOString() };
          return [{
            questionId: q.id,
            actorId: null,
            recipients: managers.map((id) => this.to(id, 'ESCALATION_BREACHED', {
              ...facts, message: `Staff response deadline missed: ${quoted(q.title)} was due ${momentText(breach.staffDueAt)}.`,
            })),
          }];
        });
      }
      default: {
        const plan = await this.plan(em, event);
        return plan ? [plan] : [];
      }
    }
  }

  /** An event about one question. */
  private async plan(em: EntityManager, event: DomainEvent): Promise<Plan | null> {
    switch (event.type) {
      case 'answer.posted': {
        const answer = await this.notifications.answerFacts(em, event.questionId, event.answerId, event.authorId);
        if (!answer) return null;
        const { question: q, watchers } = answer;
        const who = shownName(answer.authorName);
        const facts = { questionTitle: q.title, answerId: event.answerId };
        const mentioned = await this.mentioned(em, answer.body);
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
        const q = await this.question(em, event.questionId);
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
      case 'escalation.assigned': {
        const q = await this.question(em, event.questionId);
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
        const q = await this.question(em, event.questionId);
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
        const q = await this.question(em, event.questionId);
        if (!q) return null;
        const payload = { questionTitle: q.title, message: `The asker replied on ${quoted(q.title)}: the staff clock is running again.` };
        return {
          questionId: q.id,
          actorId: event.askerId,
          recipients: [event.assigneeId ? this.to(event.assigneeId, 'ASKER_REPLIED', payload) : this.toStaffOf(event.categoryId, 'ASKER_REPLIED', payload)],
        };
      }
      case 'question.asked': {
        const q = await this.question(em, event.questionId);
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
        const q = await this.question(em, event.questionId);
        const comment = await this.notifications.commentFacts(em, event.commentId);
        if (!q || !comment) return null;
        return this.commentPlan(em, q, comment, event.commentId, event.authorId);
      }
      case 'post.moderated': {
        if (!event.authorId) return null;
        const q = await this.question(em, event.questionId);
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
        const q = await this.question(em, event.questionId);
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
        const q = await this.question(em, event.questionId);
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
        const payload = { ...facts, message: `The asker sent our team a private message about ${quoted(q.title)}.` };
        return {
          questionId: q.id, actorId: event.authorId,
          recipients: [assignee ? this.to(assignee, 'PRIVATE_MESSAGE', payload) : this.toStaffOf(q.category_id, 'PRIVATE_MESSAGE', payload)],
        };
      }
      case 'question.edited':
      case 'answer.edited': {
        // A held post tells nobody yet: its mentions notify when it is published (question.asked, answer.posted).
        const [targetType, id] = event.type === 'question.edited' ? ['QUESTION', event.questionId] as const : ['ANSWER', event.answerId] as const;
        const post = await this.notifications.publishedPostBody(em, targetType, id);
        const q = post === null ? null : await this.question(em, event.questionId);
        if (post === null || !q) return null;
        const added = await this.notifications.existingMembers(em, newlyMentionedUserIds(event.previousBody, post));
        if (added.length === 0) return null;
        const who = await this.displayName(em, event.editorId);
        const where = targetType === 'QUESTION' ? `the question ${quoted(q.title)}` : `an answer to ${quoted(q.title)}`;
        const facts = targetType === 'QUESTION' ? { questionTitle: q.title } : { questionTitle: q.title, answerId: id };
        return { questionId: q.id, actorId: event.editorId, recipients: this.mentions(added, facts, `${who} mentioned you in ${where}.`) };
      }
      case 'comment.edited': {
        const comment = await this.notifications.commentFacts(em, event.commentId);
        const q = comment?.shown ? await this.question(em, event.questionId) : null;
        if (!comment || !q) return null;
        const added = await this.notifications.existingMembers(em, newlyMentionedUserIds(event.previousBody, comment.body));
        if (added.length === 0) return null;
        const who = await this.displayName(em, event.editorId);
        const facts = { questionTitle: q.title, commentId: event.commentId, targetType: comment.target_type, targetId: comment.target_id };
        return { questionId: q.id, actorId: event.editorId, recipients: this.mentions(added, facts, `${who} mentioned you in a comment on ${quoted(q.title)}.`) };
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

  /** Whoever works the category's escalations (its staff team, else every STAFF user). */
  private toStaffOf(categoryId: string, kind: NotificationKind, payload: NewNotification['payload']): NewNotification {
    return { staffOf: categoryId, kind, payload };
  }

  private async question(em: EntityManager, questionId: string): Promise<QuestionFacts | null> {
    return (await this.notifications.questionFacts(em, [questionId])).get(questionId) ?? null;
  }

  private async displayName(em: EntityManager, userId: string): Promise<string> {
    return shownName(await this.notifications.displayName(em, userId));
  }
}
